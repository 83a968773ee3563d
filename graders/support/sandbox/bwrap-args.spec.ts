import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../paths.ts';
import { bwrapArgs } from './bwrap-args.ts';

const nodeModules = path.join(repoRoot, 'node_modules');
const args = bwrapArgs({ readable: [nodeModules, path.join(repoRoot, 'no-such-file')], command: [process.execPath, '-e', '0'] });

/** The targets of every bind of a given kind. */
function binds(list: string[], kind: string): string[] {
  return list.flatMap((arg, i) => (arg === kind ? [list[i + 2]] : []));
}

describe('bwrapArgs', () => {
  test('unshares every namespace, dies with the grader, runs as nobody', () => {
    for (const flag of ['--unshare-all', '--die-with-parent', '--new-session']) expect(args).toContain(flag);
    expect(args.slice(args.indexOf('--uid'), args.indexOf('--uid') + 2)).toEqual(['--uid', '65534']);
  });
  test('binds what it is given read-only, never the repository itself, and skips what is missing', () => {
    const readOnly = binds(args, '--ro-bind');
    expect(readOnly).toContain(nodeModules);
    expect(readOnly).not.toContain(repoRoot);
    expect(readOnly.some((p) => p.endsWith('no-such-file'))).toBe(false);
    expect(binds(args, '--bind')).toEqual([]);
  });
  test('ends with the command, under prlimit when present', () => {
    expect(args.slice(-3)).toEqual([process.execPath, '-e', '0']);
  });
  test.skipIf(!existsSync('/usr/bin/prlimit'))('prlimit: no core dumps, a file size cap, no address-space cap', () => {
    expect(args).toContain('--core=0');
    expect(args.some((a) => a.startsWith('--fsize='))).toBe(true);
    expect(args.some((a) => a.startsWith('--as='))).toBe(false);
  });
  test('device nodes only for the GPU', () => {
    expect(binds(args, '--dev-bind-try')).toEqual([]);
    expect(binds(bwrapArgs({ readable: [], gpu: true, command: ['/usr/bin/true'] }), '--dev-bind-try')).toContain('/dev/dri');
  });
});
