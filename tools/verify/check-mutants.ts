/**
 * Step: every mutant loses points on at least one part it targets. Prints mutant → the parts
 * (and the first test) that caught it. Mutants are graded in batches (one mutant of each
 * exercise per grading run, see mutant-batches.ts), each on the parts it is judged on only (its
 * targets, or every part for an `exactly` mutant: graded-parts.ts), and each verdict is recorded for the release
 * check, which compares the release's verdicts with these instead of grading every mutant here
 * a second time.
 */
import path from 'node:path';
import { loadCourse } from '../../graders/support/course.ts';
import { repoRoot, stateDir } from '../../graders/support/paths.ts';
import type { RunResult } from '../../graders/support/results/model.ts';
import { gradeRun } from '../lib/grade-run.ts';
import { gradeBatches } from '../release/check/grade-batches.ts';
import { gradedParts } from '../release/check/graded-parts.ts';
import { batchMutants, loadMutantJobs, type MutantJob } from '../release/check/mutant-batches.ts';
import { recordVerdict } from '../release/check/recorded-verdicts.ts';
import { verdictOf } from '../release/check/verdicts.ts';
import { table, type Step } from './step.ts';

/** A batch holds up to one mutant per exercise: the limit is the whole course's grading, not one mutant's. */
const batchLimitMs = 20 * 60_000;

/**
 * Whether a mutant's run rejects it: a targeted part lost points (and, with `exactly`, only the
 * targeted parts did), every part it was graded on having run (graded-parts.ts: the others were
 * left out of the run, neither passed nor rejected); its row for the table.
 */
export function judgeMutant(job: MutantJob, run: RunResult | undefined, output: string): { ok: boolean; row: string[] } {
  const { exercise, name, definition } = job;
  const graded = gradedParts(job);
  const head = [exercise.id, name, definition.targets.join(','), `${graded.length}/${exercise.parts.length}`];
  const result = run?.exercises.find((e) => e.id === exercise.id);
  if (result === undefined) return { ok: false, row: [...head, 'NO RESULT', output.split('\n').slice(-3).join(' ')] };
  const parts = result.parts.filter((p) => graded.includes(p.id));
  const unrun = parts.filter((p) => p.status === 'skipped').map((p) => p.id);
  const lost = parts.filter((p) => p.score < p.maxScore && p.status === 'failed');
  const caught = lost.filter((p) => definition.targets.includes(p.id));
  const exact = !definition.exactly || (caught.length === definition.targets.length && lost.length === caught.length);
  const firstTest = caught.flatMap((p) => p.tests.filter((t) => t.status === 'failed').map((t) => `${p.id}: ${t.name}`))[0] ?? '';
  let outcome = `rejected by ${lost.map((p) => p.id).join(',')}`;
  if (unrun.length > 0) outcome = `NOT GRADED: ${unrun.join(',')} did not run`;
  else if (caught.length === 0) outcome = 'NOT CAUGHT';
  else if (!exact) outcome = `WRONG PARTS: lost ${lost.map((p) => p.id).join(',')}`;
  return { ok: unrun.length === 0 && caught.length > 0 && exact, row: [...head, outcome, firstTest.slice(0, 70)] };
}

export function mutantsStep(only?: string[]): Step {
  return {
    name: 'mutants are rejected',
    async run() {
      const course = loadCourse();
      const exercises = course.exercises.filter((e) => only === undefined || only.includes(e.id));
      const batches = batchMutants(await loadMutantJobs(repoRoot, exercises));
      const dir = path.join(stateDir, 'mutant-batches');
      const outputs = new Map<string, string>();
      // The same default seed and path as the release check's grading, so the verdicts compare.
      const runs = await gradeBatches(repoRoot, batches, dir, async (target, ids, backends, vitestArgs) => {
        const run = await gradeRun({
          target,
          exercises: ids,
          backends,
          env: { GRADE_SEED: '', GRADE_PATH: '' },
          timeoutMs: batchLimitMs,
          vitestArgs,
        });
        outputs.set(target, run.output);
        return run.result;
      });
      const rows = batches
        .flatMap((batch, index) =>
          batch.jobs.map((job) => {
            if (runs[index] !== undefined) recordVerdict(job, verdictOf(runs[index], job.exercise.id, gradedParts(job)));
            return judgeMutant(job, runs[index], outputs.get(path.join(dir, `mutants-${index}`)) ?? '');
          }),
        )
        .sort((a, b) => a.row[0].localeCompare(b.row[0]) || a.row[1].localeCompare(b.row[1]));
      const lines = table(
        ['exercise', 'mutant', 'targets', 'parts graded', 'outcome', 'first failing test'],
        rows.map((r) => r.row),
      );
      const jobs = batches.flatMap((b) => b.jobs);
      const graded = jobs.reduce((n, job) => n + gradedParts(job).length, 0);
      const of = jobs.reduce((n, job) => n + job.exercise.parts.length, 0);
      lines.push(
        `${rows.length} mutants graded in ${batches.length} runs (one mutant of each exercise per run), on ${graded} of their exercises' ${of} parts (each mutant's targets; every part for an exact one)`,
      );
      return { ok: rows.every((r) => r.ok) && rows.length > 0, lines };
    },
  };
}
