/**
 * Every mutant, materialised from this repository's solutions and graded in batches on the pool
 * of cores, gets the same verdict in the release as here, part by part over the parts it is
 * graded on (its targets, every part for an exact one: graded-parts.ts), and is still rejected.
 * "Here" is the verdict verify's mutants step recorded in this run (recorded-verdicts.ts); only
 * the batches with a mutant it did not grade (e.g. `--only release`) are graded here again.
 * A batch whose every mutant the mutants step proved to get its verdict in a release sealing
 * exactly this release's recordings (sealed-proof.ts) is not graded in the release: its
 * recorded verdicts stand, and must still reject each mutant.
 */
import path from 'node:path';
import { repoRoot } from '../../../graders/support/paths.ts';
import { table } from '../../verify/step.ts';
import { grade, type Context } from './context.ts';
import { gradeBatches } from './grade-batches.ts';
import { gradedParts } from './graded-parts.ts';
import { type Batch, batchMutants, loadMutantJobs, type MutantJob } from './mutant-batches.ts';
import { provedEqual, recordedVerdict } from './recorded-verdicts.ts';
import { releaseFingerprints } from './sealed-proof.ts';
import { judgeInRelease, judgeRecorded, verdictOf } from './verdicts.ts';

/**
 * The batches the release must grade: those with a mutant not proved (`proved`), or all of them
 * with `gradeAll`.
 *
 * @example batchesToGrade([b0, b1], (job) => job !== b1.jobs[0]) → [b1]
 */
export function batchesToGrade(batches: Batch[], proved: (job: MutantJob) => boolean, gradeAll = false): Batch[] {
  return batches.filter((batch) => gradeAll || !batch.jobs.every(proved));
}

/** The phase; with `gradeAll`, proved batches are graded too and their verdicts compared (the proof's evidence). */
export async function checkMutants(ctx: Context, gradeAll = false): Promise<void> {
  const jobs = await loadMutantJobs(
    repoRoot,
    ctx.course.exercises.filter((e) => ctx.ids.includes(e.id)),
  );
  const batches = batchMutants(jobs);
  const sealed = releaseFingerprints(ctx.release, ctx.ids);
  const proved = (job: MutantJob): boolean => provedEqual(job, sealed.get(job.exercise.id));
  const inRelease = batchesToGrade(batches, proved, gradeAll);
  const released = await gradeBatches(repoRoot, inRelease, path.join(ctx.work, 'targets'), (target, ids, backends, vitestArgs) =>
    grade(ctx, 'release', target, ids, backends, {}, vitestArgs),
  );
  const unrecorded = inRelease.filter((b) => b.jobs.some((j) => recordedVerdict(j) === undefined));
  const regraded = await gradeBatches(repoRoot, unrecorded, path.join(ctx.work, 'targets-here'), (target, ids, backends, vitestArgs) =>
    grade(ctx, 'repo', target, ids, backends, {}, vitestArgs),
  );
  const rows: string[][] = [];
  let graded = 0;
  let of = 0;
  let provedGraded = 0;
  let provedDifferent = 0;
  for (const batch of batches) {
    const index = inRelease.indexOf(batch);
    const here = regraded[unrecorded.indexOf(batch)];
    for (const job of batch.jobs) {
      // Both gradings ran only these parts (grade-batches.ts batchArgs): they are what compares.
      const parts = gradedParts(job);
      const verdict = recordedVerdict(job) ?? verdictOf(here, job.exercise.id, parts);
      const { outcome, problem } =
        index === -1
          ? judgeRecorded(job.name, job.exercise, job.definition.targets, verdict)
          : judgeInRelease(job.name, job.definition.targets, verdict, released[index], job.exercise.id, parts);
      if (index !== -1 && proved(job)) {
        provedGraded++;
        if (verdict !== verdictOf(released[index], job.exercise.id, parts)) provedDifferent++;
      }
      if (problem !== undefined) ctx.problems.push(problem);
      rows.push([job.exercise.id, job.name, short(job.definition.targets.join(',')), `${parts.length}/${job.exercise.parts.length}`, short(outcome, 60)]);
      if (index === -1) continue;
      graded += parts.length;
      of += job.exercise.parts.length;
    }
  }
  const gradedJobs = inRelease.reduce((n, b) => n + b.jobs.length, 0);
  const reused = jobs.length - unrecorded.reduce((n, b) => n + b.jobs.length, 0);
  ctx.lines.push(
    '',
    ...table(['exercise', 'mutant', 'targets', 'parts graded', 'in the release'], rows),
    `${jobs.length} mutants: ${jobs.filter(proved).length} proved equal by the mutants step (every sealed miss in a failing test), ${gradedJobs} graded in the release (${inRelease.length} of ${batches.length} batches${gradedJobs > 0 ? `, ${graded} of the ${of} parts of their exercises` : ''})`,
    `compared with ${reused} verdicts recorded by the mutants step, ${jobs.length - reused} graded here again`,
  );
  if (gradeAll)
    ctx.lines.push(
      `graded anyway: ${provedGraded} proved mutants, ${provedGraded - provedDifferent} with the recorded verdict in the release, ${provedDifferent} not`,
    );
  if (provedDifferent > 0) ctx.problems.push(`${provedDifferent} mutant(s) proved equal got another verdict in the release: the sealed proof is wrong`);
}

function short(text: string, width = 24): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
