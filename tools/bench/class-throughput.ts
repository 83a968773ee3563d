/**
 * Bench entry: class grading's throughput. Builds a class of `copies` students with the
 * solutions and `copies` with the stubs (every exercise), grades it the way an instructor does
 * (`npm run grade -- --submissions <dir> --jobs <n>`, cpu, the OS sandbox where bubblewrap
 * works) and reports seconds per whole-course submission: ≤ 3 s is 20 a minute.
 * `npm run bench -- --class` runs it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCourse } from '../../graders/support/course.ts';
import { repoRoot } from '../../graders/support/paths.ts';
import type { BenchTiming } from './verify-steps.ts';

/**
 * Writes `copies` solution students (`solved-1`, …) and `copies` stub students (`stub-1`, …)
 * into `dir`, each a folder laid out like exercises/ with every exercise; returns their count.
 *
 * @example makeClass('/tmp/class', 2) → 4 (solved-1, solved-2, stub-1, stub-2)
 */
export function makeClass(dir: string, copies: number): number {
  if (!Number.isInteger(copies) || copies < 1) throw new Error(`makeClass: expected a whole number of copies ≥ 1, got ${copies}.`);
  const folders = loadCourse().exercises.map((e) => e.folder);
  for (let i = 1; i <= copies; i++) {
    for (const [name, from] of [
      [`solved-${i}`, 'solutions'],
      [`stub-${i}`, 'exercises'],
    ]) {
      for (const folder of folders) cpSync(path.join(repoRoot, from, folder), path.join(dir, name, folder), { recursive: true });
    }
  }
  return readdirSync(dir).length;
}

/**
 * Grades a generated class `runs` times with `npm run grade`; one timing, in seconds per
 * submission (wall clock of the whole run ÷ submissions).
 *
 * @example benchClassThroughput({ copies: 3, jobs: 2, runs: 1 }) → [{ name: 'class grading, 6 whole-course submissions (…)', seconds: [4.1] }]
 */
export function benchClassThroughput(options: { copies: number; jobs: number; runs: number; backends?: string[] }): BenchTiming[] {
  const { copies, jobs, runs } = options;
  const backends = options.backends ?? ['cpu'];
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-class-'));
  try {
    const submissions = path.join(dir, 'class');
    mkdirSync(submissions);
    const count = makeClass(submissions, copies);
    const tsx = path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const grade = ['--submissions', submissions, '--jobs', String(jobs), ...backends.flatMap((b) => ['--backend', b])];
    const seconds: number[] = [];
    for (let i = 0; i < runs; i++) {
      const out = path.join(dir, `out-${i}`);
      const start = process.hrtime.bigint();
      const run = spawnSync(process.execPath, [tsx, 'tools/grade/main.ts', ...grade, '--out', out], {
        cwd: repoRoot,
        env: { ...process.env, NO_COLOR: '1' },
        encoding: 'utf8',
      });
      const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
      if (run.status !== 0) throw new Error(`benchClassThroughput: npm run grade exited with ${run.status}: ${`${run.stdout}${run.stderr}`.slice(-800)}`);
      seconds.push(elapsed / count);
      process.stderr.write(`  class grading: run ${i + 1}/${runs} ${elapsed.toFixed(1)} s for ${count} (${((count / elapsed) * 60).toFixed(1)} a minute)\n`);
    }
    return [
      {
        name: `class grading, s per whole-course submission (${count}: ${copies} solutions + ${copies} stubs, --jobs ${jobs}, ${backends.join('+')}; ≤ 3 s = 20/min)`,
        command: `npm run grade -- --submissions <class> --jobs ${jobs}`,
        seconds,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
