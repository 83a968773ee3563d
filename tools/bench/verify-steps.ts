/**
 * Bench entry: `npm run verify`'s time, step by step. One verify run prints `✓ <step> (<s> s)`
 * after each step; this runs it `runs` times and gives one timing per step and one for the
 * whole run, so a regression shows which step grew. `npm run bench -- --verify` runs it.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../../graders/support/paths.ts';

/** A benchmark row: what, the command that reproduces it, one figure per run (seconds). */
export interface BenchTiming {
  name: string;
  command: string;
  seconds: number[];
}

/**
 * The step lines of a verify run's output, in order: name, whether it held, seconds.
 *
 * @example parseStepTimes('▶ spec\n  …\n✓ spec (12.5 s)\n') → [{ step: 'spec', ok: true, seconds: 12.5 }]
 */
export function parseStepTimes(output: string): { step: string; ok: boolean; seconds: number }[] {
  return [...output.matchAll(/^([✓✗]) (.+) \((\d+(?:\.\d+)?) s\)$/gm)].map((m) => ({ step: m[2], ok: m[1] === '✓', seconds: Number(m[3]) }));
}

/**
 * The whole run's wall time from verify's closing line, when it prints one.
 *
 * @example parseVerifyTotal('verify: 9 of 9 steps passed (512.3 s)\n') → 512.3
 */
export function parseVerifyTotal(output: string): number | undefined {
  const match = /^verify: .* \((\d+(?:\.\d+)?) s\)$/m.exec(output);
  return match === null ? undefined : Number(match[1]);
}

/**
 * Runs `npm run verify` (with `only` as `--only` filters) `runs` times; a timing per step and
 * one for the whole run. A failed step is reported on stderr: its time still counts.
 *
 * @example benchVerifySteps(1, []) → [{ name: 'verify step: spec', command: 'npm run verify', seconds: [212.4] }, …, { name: 'verify, all steps', … }]
 */
export function benchVerifySteps(runs: number, only: string[] = [], env: NodeJS.ProcessEnv = {}): BenchTiming[] {
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`benchVerifySteps: expected a whole number of runs ≥ 1, got ${runs}.`);
  const tsx = path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const args = only.flatMap((o) => ['--only', o]);
  const command = ['npm run verify', ...(args.length > 0 ? ['--', ...args] : [])].join(' ');
  const steps = new Map<string, number[]>();
  const totals: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [tsx, 'tools/verify/main.ts', ...args], {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: '1', ...env },
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    totals.push(Number(process.hrtime.bigint() - start) / 1e9);
    const parsed = parseStepTimes(run.stdout ?? '');
    if (parsed.length === 0) throw new Error(`benchVerifySteps: verify printed no step line (exit ${run.status}): ${(run.stderr ?? '').slice(-500)}`);
    for (const { step, ok, seconds } of parsed) {
      if (!ok) process.stderr.write(`warning: verify step '${step}' failed in run ${i + 1}\n`);
      steps.set(step, [...(steps.get(step) ?? []), seconds]);
    }
    process.stderr.write(`  verify: run ${i + 1}/${runs} ${totals[i].toFixed(0)} s\n`);
  }
  return [
    ...[...steps].map(([step, seconds]) => ({ name: `verify step: ${step}`, command, seconds })),
    { name: `verify, ${only.length > 0 ? `steps matching ${only.join(', ')}` : 'all steps'}`, command, seconds: totals },
  ];
}
