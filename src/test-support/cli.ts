import { PassThrough } from 'node:stream';
import { main, makeContext } from '../cli/main.js';

/** What one `moat …` invocation printed, and its exit code. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the `moat` CLI in this process with `env`, collecting what it writes to stdout and stderr. */
export async function runMoat(argv: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d: Buffer) => (stdout += d.toString()));
  err.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await main(argv, makeContext(env, out, err));
  return { code, stdout, stderr };
}
