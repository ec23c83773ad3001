#!/usr/bin/env node
// Entry point for `npx moat`. Runs the compiled CLI from dist/ (built by `npm ci` via
// the prepare script); falls back to the TypeScript sources through tsx when dist/ is
// absent, or older than src/ (a checkout updated since the last build) and tsx is installed.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(root, 'dist', 'cli', 'main.js');

/** Newest modification time of a source file under `dir` (tests excluded). */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
      newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function useCompiled() {
  if (!existsSync(compiled)) return false;
  const src = join(root, 'src');
  if (!existsSync(src) || !existsSync(join(root, 'node_modules', 'tsx'))) return true;
  if (newestSource(src) <= statSync(compiled).mtimeMs) return true;
  process.stderr.write(
    'moat: dist/ is older than src/ (run `npm run build`); running the sources through tsx\n',
  );
  return false;
}

let code;
if (useCompiled()) {
  const { main } = await import(pathToFileURL(compiled).href);
  code = await main(process.argv.slice(2));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import(pathToFileURL(join(root, 'src', 'cli', 'main.ts')).href);
  code = await main(process.argv.slice(2));
}
process.exitCode = code;
// A failed command exits now: whatever it left running (a worker thread, a socket) must not
// keep the process alive after the error was reported (issue 14: `moat serve` on a busy port).
if (code !== 0) process.exit(code);
