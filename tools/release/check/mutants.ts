/**
 * Every mutant, materialised from this repository's solutions and graded in batches on the pool
 * of cores, gets the same verdict in the release as here, part by part, and is still rejected.
 */
import { cpus } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../../graders/support/paths.ts';
import { inPool } from '../../lib/grade-run.ts';
import { table } from '../../verify/step.ts';
import { grade, type Context } from './context.ts';
import { batchMutants, loadMutantJobs, materialiseBatch } from './mutant-batches.ts';
import { lostParts, sealedMisses, verdictOf } from './verdicts.ts';

export async function checkMutants(ctx: Context): Promise<void> {
  const jobs = await loadMutantJobs(repoRoot, ctx.course.exercises.filter((e) => ctx.ids.includes(e.id)));
  const batches = batchMutants(jobs);
  const runs = batches.flatMap((batch, index) => (['repo', 'release'] as const).map((where) => ({ batch, index, where })));
  for (const [index, batch] of batches.entries()) materialiseBatch(repoRoot, batch, path.join(ctx.work, 'targets', `mutants-${index}`));
  const results = await inPool(runs, Math.max(1, cpus().length), async ({ batch, index, where }) =>
    grade(ctx, where, path.join(ctx.work, 'targets', `mutants-${index}`), [...new Set(batch.jobs.map((j) => j.exercise.id))], batch.backends),
  );
  const rows: string[][] = [];
  for (const [index, batch] of batches.entries()) {
    const [repo, release] = [results[index * 2], results[index * 2 + 1]];
    for (const job of batch.jobs) {
      const here = verdictOf(repo, job.exercise.id);
      const there = verdictOf(release, job.exercise.id);
      const lost = lostParts(release, job.exercise.id);
      const caught = lost.filter((p) => job.definition.targets.includes(p));
      let outcome = `rejected by ${lost.join(',')}`;
      if (here !== there) {
        outcome = `DIFFERENT: here ${lostParts(repo, job.exercise.id).join(',') || 'none'} lost, release ${lost.join(',') || 'none'}${sealedMisses(release, job.exercise.id).length ? ' (no sealed answer)' : ''}`;
        ctx.problems.push(`${job.exercise.id}/${job.name}: verdict here [${here}] but in the release [${there}]`);
      } else if (caught.length === 0) {
        outcome = 'NOT CAUGHT';
        ctx.problems.push(`${job.exercise.id}/${job.name}: no targeted part (${job.definition.targets.join(',')}) lost points in the release`);
      }
      rows.push([job.exercise.id, job.name, short(job.definition.targets.join(',')), short(outcome, 60)]);
    }
  }
  ctx.lines.push('', ...table(['exercise', 'mutant', 'targets', 'in the release'], rows), `${jobs.length} mutants in ${batches.length} batches, graded here and in the release`);
}

function short(text: string, width = 24): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
