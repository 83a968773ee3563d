/**
 * Grades mutant batches on the pool of cores: each batch materialised in its own folder under
 * `dir`, then graded by `grade` (here or in a release). One grading run per batch, not per mutant:
 * starting vitest and tfjs is most of a small grading's time.
 */
import { rmSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import type { RunResult } from '../../../graders/support/results/model.ts';
import { inPool } from '../../lib/grade-run.ts';
import { batchPattern } from './graded-parts.ts';
import { materialiseBatch, type Batch } from './mutant-batches.ts';

/**
 * How a batch is graded: its exercises share one grader process (`--no-isolate`: the graders and
 * tfjs loaded once, not once per exercise — most of a stub-fast grading's CPU; each exercise still
 * gets its own student process), and only the parts its mutants are judged on run (`-t`, see
 * graded-parts.ts). The mutants step and the release check both grade so, so the verdicts compare.
 *
 * @example batchArgs(batch) → ['--no-isolate', '-t', '^(?:Part D · conv2d \\(multi-channel layer\\)|Part B · circularCorrelate2d) ']
 */
export function batchArgs(batch: Batch): string[] {
  return ['--no-isolate', '-t', batchPattern(batch)];
}

/** Grades `target` (a folder laid out like exercises/) for `ids` on `backends`, with `vitestArgs` (batchArgs). */
export type Grade = (target: string, ids: string[], backends: string[], vitestArgs: string[]) => Promise<RunResult | undefined>;

/**
 * Materialises batch k in `dir/mutants-k` (from `root`'s solutions) and grades it; results in
 * batch order.
 *
 * @example const runs = await gradeBatches(repoRoot, batchMutants(jobs), '.grade/mutant-batches', grade)
 */
export async function gradeBatches(root: string, batches: Batch[], dir: string, grade: Grade): Promise<(RunResult | undefined)[]> {
  const targets = batches.map((batch, index) => {
    const target = path.join(dir, `mutants-${index}`);
    rmSync(target, { recursive: true, force: true });
    materialiseBatch(root, batch, target);
    return target;
  });
  return inPool(
    batches.map((batch, index) => ({ batch, target: targets[index] })),
    Math.max(1, cpus().length),
    ({ batch, target }) => grade(target, [...new Set(batch.jobs.map((j) => j.exercise.id))], batch.backends, batchArgs(batch)),
  );
}
