/**
 * Every mutant, materialised from this repository's solutions and graded in batches on the pool
 * of cores, gets the same verdict in the release as here, part by part over the parts it is
 * graded on (its targets, every part for an exact one: graded-parts.ts), and is still rejected.
 * "Here" is the verdict verify's mutants step recorded in this run (recorded-verdicts.ts); only
 * the batches with a mutant it did not grade (e.g. `--only release`) are graded here again.
 */
import path from 'node:path';
import { repoRoot } from '../../../graders/support/paths.ts';
import { table } from '../../verify/step.ts';
import { grade, type Context } from './context.ts';
import { gradeBatches } from './grade-batches.ts';
import { gradedParts } from './graded-parts.ts';
import { batchMutants, loadMutantJobs } from './mutant-batches.ts';
import { recordedVerdict } from './recorded-verdicts.ts';
import { judgeInRelease, verdictOf } from './verdicts.ts';

export async function checkMutants(ctx: Context): Promise<void> {
  const jobs = await loadMutantJobs(
    repoRoot,
    ctx.course.exercises.filter((e) => ctx.ids.includes(e.id)),
  );
  const batches = batchMutants(jobs);
  const released = await gradeBatches(repoRoot, batches, path.join(ctx.work, 'targets'), (target, ids, backends, vitestArgs) =>
    grade(ctx, 'release', target, ids, backends, {}, vitestArgs),
  );
  const unrecorded = batches.filter((b) => b.jobs.some((j) => recordedVerdict(j) === undefined));
  const regraded = await gradeBatches(repoRoot, unrecorded, path.join(ctx.work, 'targets-here'), (target, ids, backends, vitestArgs) =>
    grade(ctx, 'repo', target, ids, backends, {}, vitestArgs),
  );
  const rows: string[][] = [];
  let graded = 0;
  let of = 0;
  for (const [index, batch] of batches.entries()) {
    const here = regraded[unrecorded.indexOf(batch)];
    for (const job of batch.jobs) {
      // Both gradings ran only these parts (grade-batches.ts batchArgs): they are what compares.
      const parts = gradedParts(job);
      const verdict = recordedVerdict(job) ?? verdictOf(here, job.exercise.id, parts);
      const { outcome, problem } = judgeInRelease(job.name, job.definition.targets, verdict, released[index], job.exercise.id, parts);
      if (problem !== undefined) ctx.problems.push(problem);
      rows.push([job.exercise.id, job.name, short(job.definition.targets.join(',')), `${parts.length}/${job.exercise.parts.length}`, short(outcome, 60)]);
      graded += parts.length;
      of += job.exercise.parts.length;
    }
  }
  const reused = jobs.length - unrecorded.reduce((n, b) => n + b.jobs.length, 0);
  ctx.lines.push(
    '',
    ...table(['exercise', 'mutant', 'targets', 'parts graded', 'in the release'], rows),
    `${jobs.length} mutants in ${batches.length} batches graded in the release (${graded} of their exercises' ${of} parts: each mutant's targets, every part for an exact one); compared with ${reused} verdicts recorded by the mutants step, ${jobs.length - reused} graded here again`,
  );
}

function short(text: string, width = 24): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
