import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parse a command's arguments with node:util's parseArgs; unknown flags and missing
 * values become a UsageError that names the flag.
 */
export function parseCommandArgs<O extends Options>(
  argv: string[],
  options: O,
  allowPositionals = true,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
}

/** Parse a --since/--until value: epoch ms, or an ISO 8601 date/time. */
export function parseTime(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const t = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  // Within what a Date holds (±8.64e15 ms): PostgreSQL's BIGINT refuses more (issue 14).
  if (Number.isNaN(t) || !(t <= 8.64e15))
    throw new UsageError(
      `${flag}: expected epoch milliseconds or an ISO 8601 time, got "${value}"`,
    );
  return t;
}
