/**
 * Bench entry: what CI runs — `bash .ci/run` on a fresh `git clone` of this repository's HEAD
 * (`npm ci`, the Debian packages when missing, then `npm run verify` with both backends required
 * where the machine has them). One timing for the whole `.ci/run` (target ≤ 12 min), one for
 * verify, and one per verify step, so the table shows which step grew. The clone and its log are
 * kept when the run fails. `npm run bench -- --ci` runs it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../graders/support/paths.ts';
import { type BenchTiming, parseStepTimes, parseVerifyTotal } from './verify-steps.ts';

/**
 * Clones HEAD and runs `bash .ci/run` there `runs` times (a fresh clone each time); throws with the
 * log's path when a run fails, since a failing CI has no time worth reporting.
 *
 * @example benchFreshCloneCi(1) → [{ name: '`bash .ci/run` on a fresh clone', seconds: [1012.4] }, { name: 'verify, all steps', … }, { name: 'verify step: spec', … }, …]
 */
export function benchFreshCloneCi(runs: number): BenchTiming[] {
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`benchFreshCloneCi: expected a whole number of runs ≥ 1, got ${runs}.`);
  const command = 'git clone <repo> <tmp> && cd <tmp> && bash .ci/run';
  const totals: number[] = [];
  const verify: number[] = [];
  const steps = new Map<string, number[]>();
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(path.join(tmpdir(), 'bench-ci-'));
    const clone = path.join(dir, 'repo');
    const cloned = spawnSync('git', ['clone', '--quiet', repoRoot, clone], { encoding: 'utf8' });
    if (cloned.status !== 0) throw new Error(`benchFreshCloneCi: git clone failed: ${cloned.stderr}`);
    const start = process.hrtime.bigint();
    const run = spawnSync('bash', ['.ci/run'], { cwd: clone, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
    const log = path.join(dir, 'ci.log');
    writeFileSync(log, output);
    if (run.status !== 0)
      throw new Error(`benchFreshCloneCi: bash .ci/run exited with ${run.status} after ${seconds.toFixed(0)} s; clone and log kept: ${log}`);
    totals.push(seconds);
    const parsed = parseStepTimes(output);
    verify.push(parseVerifyTotal(output) ?? parsed.reduce((sum, s) => sum + s.seconds, 0));
    for (const { step, seconds: s } of parsed) steps.set(step, [...(steps.get(step) ?? []), s]);
    process.stderr.write(`  fresh-clone CI: run ${i + 1}/${runs} ${seconds.toFixed(0)} s (log ${log})\n`);
    rmSync(clone, { recursive: true, force: true });
  }
  return [
    { name: '`bash .ci/run` on a fresh clone (npm ci + verify)', command, seconds: totals },
    { name: 'verify, all steps (from its closing line)', command, seconds: verify },
    ...[...steps].map(([step, seconds]) => ({ name: `verify step: ${step}`, command, seconds })),
  ];
}
