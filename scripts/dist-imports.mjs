#!/usr/bin/env node
// The dist-import check of `npm test` (issue 15): compile with tsconfig.build.json into a
// clean dist/ (stale files from moved sources would hide a broken path), then load every
// entry point package.json names — each `exports` target is imported, each `bin` is run
// with --help, which loads every CLI command module — so a broken ESM path (a missing
// .js extension, a file left out of the build, a test-only module imported by shipped
// code) fails here instead of for the first user. Fast: one build, no servers.
import { readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const problems = [];

// Keep the console bundle (built separately by esbuild); everything tsc writes goes.
const dist = join(root, 'dist');
if (existsSync(dist)) {
  for (const name of readdirSync(dist))
    if (name !== 'console-web') rmSync(join(dist, name), { recursive: true, force: true });
}
const tsc = spawnSync(
  process.execPath,
  [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (tsc.status !== 0) {
  console.error('dist check: tsc -p tsconfig.build.json failed');
  process.exit(1);
}

/** Every file a conditional or plain `exports` entry points at. */
function targets(entry) {
  if (typeof entry === 'string') return [entry];
  if (entry && typeof entry === 'object') return Object.values(entry).flatMap(targets);
  return [];
}
const exportsField = typeof pkg.exports === 'string' ? { '.': pkg.exports } : (pkg.exports ?? {});
for (const [name, entry] of Object.entries(exportsField)) {
  for (const target of targets(entry)) {
    try {
      const mod = await import(pathToFileURL(join(root, target)).href);
      if (Object.keys(mod).length === 0)
        problems.push(`exports["${name}"] → ${target}: exports nothing`);
    } catch (err) {
      problems.push(
        `exports["${name}"] → ${target}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }
}

const bins = typeof pkg.bin === 'string' ? { [pkg.name]: pkg.bin } : (pkg.bin ?? {});
for (const [name, file] of Object.entries(bins)) {
  const run = spawnSync(process.execPath, [join(root, file), '--help'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, MOAT_LOG_LEVEL: 'silent' },
    timeout: 60_000,
  });
  const out = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  if (run.status !== 0)
    problems.push(`bin "${name}" (${file}) --help exited ${run.status}: ${out.slice(-2000)}`);
  else if (/through tsx/.test(out))
    problems.push(`bin "${name}" (${file}) ran the sources, not dist/`);
}

if (problems.length) {
  console.error(
    `dist check: ${problems.length} broken entry point(s):\n  ${problems.join('\n  ')}`,
  );
  process.exit(1);
}
console.error(
  `dist check: ${Object.keys(exportsField).length} export(s) and ${Object.keys(bins).length} bin(s) load from dist/`,
);
