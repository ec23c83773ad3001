import type { MoatConfig } from '../config/config.js';

/** What every CLI command receives. */
export interface CommandContext {
  /** Loads and validates config once (MOAT_CONFIG, MOAT_DATA_DIR, …), same as the server. */
  config(): MoatConfig;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** True when stderr is a terminal: only then show progress bars. */
  isTTY: boolean;
}

/**
 * A `moat <name>` command. Each lives in src/cli/commands/<name>.ts and exports `command`.
 * `run` returns the exit code: 0 on success, non-zero with the reason on stderr otherwise.
 */
export interface Command {
  name: string;
  summary: string;
  /** Usage text shown by `moat <name> --help`. */
  usage: string;
  run(argv: string[], ctx: CommandContext): Promise<number>;
}

/** A usage problem on the command line; printed with the command's usage, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
