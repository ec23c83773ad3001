#!/usr/bin/env node
// Bundles the analyst console (console/src) into dist/console-web: app.js (ES module,
// with split chunks loaded on demand, e.g. the campaign graph) and console.css. Run by
// `prepare` (so `npm ci` builds it) and by the console's browser test. Reproducible: the
// same sources and lockfile give byte-identical files (no timestamps, content-hashed chunks).
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Build into `outdir` (default dist/console-web); returns the files written. */
export async function buildConsole(outdir = join(root, 'dist', 'console-web')) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const res = await build({
    absWorkingDir: root,
    entryPoints: { app: 'console/src/main.tsx', console: 'console/src/console.css' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: ['es2022'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    chunkNames: 'chunk-[hash]',
    legalComments: 'eof',
    metafile: true,
    logLevel: 'warning',
  });
  return Object.keys(res.metafile.outputs);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = await buildConsole(process.argv[2]);
  process.stderr.write(
    `console: ${files.length} files in ${process.argv[2] ?? 'dist/console-web'}\n`,
  );
}
