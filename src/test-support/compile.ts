import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * Transpile `entries` (paths relative to `srcDir`, `.ts`) and every module they import
 * through relative specifiers, transitively, into `out` as `.js` — what `tsc` would put in
 * `dist/` for them, without type checking. Tests use it to run code with no TypeScript
 * loader; following the imports means a module moved to a new folder cannot be left out.
 */
export function compileTree(srcDir: string, entries: readonly string[], out: string): void {
  const seen = new Set<string>();
  const queue = entries.map((e) => resolve(srcDir, e));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const imp of ts.preProcessFile(text, true, true).importedFiles) {
      if (!imp.fileName.startsWith('.')) continue;
      queue.push(resolve(dirname(file), imp.fileName.replace(/\.js$/, '.ts')));
    }
    const js = ts.transpileModule(text, {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: false,
      },
    }).outputText;
    const dest = join(out, relative(srcDir, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(dest), { recursive: true });
    writeFileSync(dest, js);
  }
}
