/**
 * Shared-template highlighting: a word of a prompt is marked when the three-word window
 * around it also occurs in at least `share` of the other sample prompts (the scaffolding
 * a template repeats around each filled-in item).
 */
export function sharedMarks(prompts: string[], share = 0.4): boolean[][] {
  const words = prompts.map((p) => p.split(/(\s+)/));
  const grams = (ws: string[]) => {
    const w = ws.filter((x) => x.trim() !== '').map((x) => x.toLowerCase().replace(/\d+/g, '#'));
    const s = new Set<string>();
    for (let i = 0; i + 2 < w.length; i++) s.add(`${w[i]} ${w[i + 1]} ${w[i + 2]}`);
    return { w, s };
  };
  const all = words.map(grams);
  const counts = new Map<string, number>();
  for (const g of all) for (const k of g.s) counts.set(k, (counts.get(k) ?? 0) + 1);
  const need = Math.max(2, Math.ceil(share * prompts.length));
  return all.map(({ w }) => {
    const marked = new Array<boolean>(w.length).fill(false);
    for (let i = 0; i + 2 < w.length; i++) {
      if ((counts.get(`${w[i]} ${w[i + 1]} ${w[i + 2]}`) ?? 0) >= need)
        marked[i] = marked[i + 1] = marked[i + 2] = true;
    }
    return marked;
  });
}

/** A prompt with its shared-template words in <mark>. */
export function Highlighted({ text, marks }: { text: string; marks: boolean[] }) {
  let i = 0;
  return (
    <>
      {text.split(/(\s+)/).map((part, k) => {
        if (part.trim() === '') return part;
        const m = marks[i++];
        return m ? <mark key={k}>{part}</mark> : part;
      })}
    </>
  );
}

/** The user text of a request body, whichever API shape it has. */
export function userText(request: unknown): string {
  const r = request as { messages?: Array<{ role?: string; content?: unknown }> };
  for (const m of r.messages ?? []) {
    if (m.role !== 'user') continue;
    if (typeof m.content === 'string') return m.content;
    if (Array.isArray(m.content)) {
      const t = (m.content as Array<{ type?: string; text?: string }>).find(
        (b) => b.type === 'text',
      );
      if (t?.text) return t.text;
    }
  }
  return '';
}
