import { afterEach, describe, expect, it, vi } from 'vitest';
import { CliError, parseCli } from './command-line.ts';

const usage = 'npm run bench -- [--runs N]';
const options = { runs: { type: 'string' }, quiet: { type: 'boolean', short: 'q' } } as const;

function thrown(run: () => unknown): CliError {
  try {
    run();
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('expected a CliError, nothing was thrown');
}

describe('parseCli (node:util parseArgs, strict)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('reads options and positionals', () => {
    const { values, positionals } = parseCli(['exercise-01', '--runs', '3', '-q'], options, usage);
    expect(values).toEqual({ runs: '3', quiet: true });
    expect(positionals).toEqual(['exercise-01']);
  });

  it('refuses an unknown option naming it, every accepted option and the usage (exit 2)', () => {
    const error = thrown(() => parseCli(['--rnus', '3'], options, usage));
    expect(error.message).toBe(`Unknown option '--rnus'; accepted: --runs, --quiet (-q), --help (-h) — usage: ${usage}`);
    expect(error.exitCode).toBe(2);
  });

  it('refuses a positional argument where the command takes none', () => {
    expect(thrown(() => parseCli(['stray'], options, usage, { positionals: false })).message).toMatch(/^Unexpected argument 'stray'; accepted: --runs/);
    expect(parseCli(['stray'], options, usage).positionals).toEqual(['stray']);
  });

  it('prints the usage for --help and exits 0', () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => {
      throw new Error('exit');
    }) as never);
    expect(() => parseCli(['--help'], options, usage)).toThrow('exit');
    expect(write).toHaveBeenCalledWith(`usage: ${usage}\n`);
    expect(exit).toHaveBeenCalledWith(0);
  });
});
