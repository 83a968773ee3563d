/**
 * How every command reads its arguments: `node:util` parseArgs, strict, with `--help` and an
 * unknown option refused by name next to the accepted ones. Shared by tools and by the
 * maintainers' scripts under graders/ (tools/lib/cli.ts re-exports it with the course-aware helpers).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A problem the user can fix; printed as `<command>: <message>`. Exit 2 for usage, 1 otherwise. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** `--help`/`-h`, which every command accepts. */
const helpOption = { help: { type: 'boolean', short: 'h' } } as const;

/** Each option as it is typed: `--name`, with `-x` when it has a short form. */
function acceptedOptions(options: NonNullable<ParseArgsConfig['options']>): string {
  return Object.entries(options)
    .map(([name, o]) => (o.short === undefined ? `--${name}` : `--${name} (-${o.short})`))
    .join(', ');
}

/**
 * Parses argv strictly with `node:util` parseArgs, the one way every command reads its arguments.
 * `--help` prints `usage: <usage>` and exits 0; an unknown option (or a positional argument where
 * `positionals` is false) is a CliError (exit 2) naming it, the accepted options and the usage.
 *
 * @example parseCli(['--runs', '3'], { runs: { type: 'string' } }, 'npm run bench -- [--runs N]').values.runs → '3'
 * @example parseCli(['--rnus', '3'], { runs: { type: 'string' } }, 'npm run bench -- [--runs N]')
 *   → CliError "Unknown option '--rnus'; accepted: --runs, --help (-h) — usage: npm run bench -- [--runs N]"
 */
export function parseCli<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, usage: string, { positionals = true } = {}) {
  const all = { ...options, ...helpOption };
  const parsed = (() => {
    try {
      return parseArgs({ args: argv, options: all, allowPositionals: positionals as true, strict: true });
    } catch (error) {
      // Node's message goes on to explain '--'; its first sentence names the problem.
      const first = (error as Error).message
        .split('\n')[0]
        .split(/(?<=\.) /)[0]
        .replace(/\.$/, '');
      throw new CliError(`${first}; accepted: ${acceptedOptions(all)} — usage: ${usage}`, 2);
    }
  })();
  if ((parsed.values as { help?: boolean }).help === true) {
    process.stdout.write(`usage: ${usage}\n`);
    process.exit(0);
  }
  return parsed;
}

/**
 * {@link parseCli} for a command not run by {@link runCli}: a CliError is printed as
 * `<command>: <message>` and the process exits with its code.
 *
 * @example const { values } = commandLine('verify', { only: { type: 'string', multiple: true } }, 'npm run verify -- [--only <step>]...', { positionals: false });
 */
export function commandLine<T extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  options: T,
  usage: string,
  { positionals = true, argv = process.argv.slice(2) }: { positionals?: boolean; argv?: string[] } = {},
) {
  try {
    return parseCli(argv, options, usage, { positionals });
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    process.stderr.write(`${command}: ${error.message}\n`);
    process.exit(error.exitCode);
  }
}
