/**
 * Step: every mutant loses points on at least one part it targets. Prints mutant → the parts
 * (and the first test) that caught it. Mutants are graded in batches (one mutant of each
 * exercise per grading run, see mutant-batches.ts), each on the parts it is judged on only (its
 * targets, or every part for an `exactly` mutant: graded-parts.ts), and each verdict is recorded for the release
 * check, which compares the release's verdicts with these instead of grading every mutant here
 * a second time. When the solutions step handed over its recording, every batch records the
 * answers its reference gave, so each verdict is recorded with whether the release, sealing that
 * recording, is proved to give it too (release/check/sealed-proof.ts): those are not graded again.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { type Course, loadCourse } from '../../graders/support/course.ts';
import { repoRoot, stateDir } from '../../graders/support/paths.ts';
import type { RunResult } from '../../graders/support/results/model.ts';
import { gradeRun } from '../lib/grade-run.ts';
import { gradeBatches } from '../release/check/grade-batches.ts';
import { gradedParts } from '../release/check/graded-parts.ts';
import { batchMutants, loadMutantJobs, type MutantJob } from '../release/check/mutant-batches.ts';
import { type RecordedProof, recordVerdict } from '../release/check/recorded-verdicts.ts';
import { type Asked, fingerprint, readAsked, sealedProof, unsealed } from '../release/check/sealed-proof.ts';
import { verdictOf } from '../release/check/verdicts.ts';
import type { Recording } from '../release/record.ts';
import { peekRecording } from '../release/recording-handover.ts';
import { readRecording, sealedBytes } from '../release/seal.ts';
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

/** Where a batch's live reference records its answers: beside the batch's folder, not in it (that is the student code). */
function askedDir(target: string): string {
  return `${target}-asked`;
}

/**
 * Proves mutants against `recording` (sealed-proof.ts): each exercise's recording read and
 * fingerprinted once, as the release would seal it.
 */
function prover(course: Course, recording: Recording): (job: MutantJob, run: RunResult | undefined, asked: Asked[]) => RecordedProof {
  const recordings = readRecording(recording.dir, course);
  const sealed = new Map([...recordings].map(([id, r]) => [id, fingerprint(sealedBytes(r))]));
  return (job, run, asked) => {
    const entries = recordings.get(job.exercise.id)?.entries ?? new Map<string, string>();
    return { ...sealedProof(job, run, unsealed(asked, entries)), sealed: sealed.get(job.exercise.id) ?? '' };
  };
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
      const handed = peekRecording();
      // The same default seed and path as the release check's grading, so the verdicts compare.
      const runs = await gradeBatches(repoRoot, batches, dir, async (target, ids, backends, vitestArgs) => {
        rmSync(askedDir(target), { recursive: true, force: true });
        const run = await gradeRun({
          target,
          exercises: ids,
          backends,
          env: { GRADE_SEED: '', GRADE_PATH: '', ...(handed === undefined ? {} : { GRADE_RECORD_DIR: askedDir(target) }) },
          timeoutMs: batchLimitMs,
          vitestArgs,
        });
        outputs.set(target, run.output);
        return run.result;
      });
      const prove = handed === undefined ? undefined : prover(course, handed);
      let proved = 0;
      let withMisses = 0;
      const unproved: string[] = [];
      const rows = batches
        .flatMap((batch, index) => {
          const target = path.join(dir, `mutants-${index}`);
          const asked = readAsked(askedDir(target));
          rmSync(askedDir(target), { recursive: true, force: true });
          return batch.jobs.map((job) => {
            const proof = prove?.(job, runs[index], asked.get(job.exercise.id) ?? []);
            if (proof?.holds) {
              proved++;
              if (proof.misses > 0) withMisses++;
            } else if (proof !== undefined) unproved.push(`  not proved: ${job.exercise.id}/${job.name}: ${proof.why}`);
            if (runs[index] !== undefined) recordVerdict(job, verdictOf(runs[index], job.exercise.id, gradedParts(job)), proof);
            return judgeMutant(job, runs[index], outputs.get(target) ?? '');
          });
        })
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
        handed === undefined
          ? 'no recording handed over by the solutions step: no mutant proved equal in the release (it grades them all)'
          : `${proved} of ${rows.length} proved to get the same verdict in a release sealing the solutions step's recording (${withMisses} of them with sealed misses, each in a failing test)`,
        ...unproved.sort(),
      );
      return { ok: rows.every((r) => r.ok) && rows.length > 0, lines };
    },
  };
}
