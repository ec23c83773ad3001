import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadConfig, ConfigError, type MoatConfig } from '../config/config.js';
import { UsageError, type Command, type CommandContext } from './command.js';

const here = dirname(fileURLToPath(import.meta.url));
const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

async function loadCommand(name: string): Promise<Command | undefined> {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) return undefined;
  const file = join(here, 'commands', name + ext);
  try {
    const mod = (await import(pathToFileURL(file).href)) as { command?: Command };
    return mod.command;
  } catch (err) {
    if (
      (err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' &&
      String(err).includes(file)
    )
      return undefined;
    throw err;
  }
}

async function listCommands(): Promise<Command[]> {
  const names = readdirSync(join(here, 'commands'))
    .filter((f) => f.endsWith(ext) && !f.endsWith('.test' + ext) && !f.endsWith('.d.ts'))
    .map((f) => f.slice(0, -ext.length));
  const cmds = await Promise.all(names.map(loadCommand));
  return cmds
    .filter((c): c is Command => c !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Build the context a command runs with; config is loaded lazily, once. */
export function makeContext(
  env: NodeJS.ProcessEnv = process.env,
  stdout: NodeJS.WritableStream = process.stdout,
  stderr: NodeJS.WritableStream = process.stderr,
): CommandContext {
  let cfg: MoatConfig | undefined;
  return {
    config: () => (cfg ??= loadConfig(env)),
    env,
    stdout,
    stderr,
    isTTY: Boolean((stderr as NodeJS.WriteStream).isTTY),
  };
}

/** `moat <command> [args]`; returns the exit code. */
export async function main(argv: string[], ctx: CommandContext = makeContext()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const cmds = await listCommands();
    ctx.stdout.write(
      'Usage: moat <command> [options]\n\nCommands:\n' +
        cmds.map((c) => `  ${c.name.padEnd(12)} ${c.summary}`).join('\n') +
        '\n\nRun "moat <command> --help" for a command\'s options.\n',
    );
    return name ? 0 : 2;
  }
  const cmd = await loadCommand(name);
  if (!cmd) {
    ctx.stderr.write(`moat: unknown command "${name}". Run "moat --help" for the list.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    ctx.stdout.write(cmd.usage.trimEnd() + '\n');
    return 0;
  }
  try {
    return await cmd.run(rest, ctx);
  } catch (err) {
    if (err instanceof UsageError) {
      ctx.stderr.write(`moat ${name}: ${err.message}\n\n${cmd.usage.trimEnd()}\n`);
      return 2;
    }
    if (err instanceof ConfigError) {
      ctx.stderr.write(`moat ${name}: ${err.message}\n`);
      return 78; // EX_CONFIG
    }
    ctx.stderr.write(`moat ${name}: ${(err as Error).message}\n`);
    return 1;
  }
}
