/**
 * Timing helpers for `npm run bench`: run a command several times and keep its wall-clock and
 * CPU seconds (user + system, children included, from /usr/bin/time where it exists), and the
 * floor every grading pays — a bare `vitest run` of one trivial test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../graders/support/paths.ts';
import type { BenchTiming } from './verify-steps.ts';

/** A timing with CPU seconds per run too (absent where /usr/bin/time is missing). */
export interface MeasuredTiming extends BenchTiming {
  cpu?: number[];
}

const timeBinary = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** The middle value (mean of the two middle ones for an even count), e.g. median([3, 1, 2]) → 2. */
export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median: expected at least one value, got none.');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs `node <args>` `count` times (after one unmeasured warm-up run) and times each.
 *
 * @example timeNode({ name: 'floor', command: 'vitest run', args: [vitest, 'run'], cwd: dir, count: 5 }) → { seconds: [1.0, …], cpu: [1.4, …] }
 */
export function timeNode(options: { name: string; command: string; args: string[]; cwd?: string; env?: NodeJS.ProcessEnv; count: number }): MeasuredTiming {
  const env = { ...process.env, NO_COLOR: '1', ...options.env };
  const cwd = options.cwd ?? repoRoot;
  const scratch = mkdtempSync(path.join(tmpdir(), 'bench-time-'));
  const cpuFile = path.join(scratch, 'cpu.txt');
  const once = (): { wall: number; cpu?: number; status: number | null } => {
    const [file, argv] = timeBinary ? [timeBinary, ['-f', '%U %S', '-o', cpuFile, process.execPath, ...options.args]] : [process.execPath, options.args];
    const start = process.hrtime.bigint();
    const result = spawnSync(file, argv, { cwd, env, stdio: 'ignore' });
    const wall = Number(process.hrtime.bigint() - start) / 1e9;
    if (!timeBinary) return { wall, status: result.status };
    const [user, system] = readFileSync(cpuFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
    return { wall, cpu: user + system, status: result.status };
  };
  try {
    once();
    const seconds: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < options.count; i++) {
      const run = once();
      if (run.status !== 0) process.stderr.write(`warning: '${options.command}' exited with ${run.status}\n`);
      seconds.push(run.wall);
      if (run.cpu !== undefined) cpu.push(run.cpu);
      process.stderr.write(
        `  ${options.name}: run ${i + 1}/${options.count} ${run.wall.toFixed(2)} s${run.cpu === undefined ? '' : ` (CPU ${run.cpu.toFixed(2)} s)`}\n`,
      );
    }
    return { name: options.name, command: options.command, seconds, ...(cpu.length > 0 ? { cpu } : {}) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** A bare vitest project with one trivial test, in a temporary folder; returns it and a cleanup. */
export function floorProject(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-floor-'));
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'));
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  mkdirSync(path.join(dir, 'test'));
  writeFileSync(path.join(dir, 'test', 'trivial.test.ts'), "import { expect, test } from 'vitest';\ntest('trivial', () => expect(1 + 1).toBe(2));\n");
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
