/**
 * Recording the reference for a release: grade the solutions with the default seed on the given
 * backends while `GRADE_RECORD_DIR` is set, so every answer the reference gives is appended to
 * `<dir>/<exercise>.<pid>.jsonl` (see graders/support/reference.ts). Graders draw their inputs
 * from fixed seeds, so a release grading replays exactly these calls.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Course } from '../../graders/support/course.ts';
import type { RunResult } from '../../graders/support/results/model.ts';
import { gradeRun } from '../lib/grade-run.ts';

/** A recording: where the jsonl files are, and the solutions' grading that produced them. */
export interface Recording {
  dir: string;
  result: RunResult;
  durationMs: number;
  /** Grader errors reported beside fully graded parts (e.g. a backend with nothing to run). */
  warnings: string[];
}

/** A fresh, empty folder for a recording (under the system's temporary folder). */
export function recordingDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'record-'));
}

/**
 * The environment that makes a grading a recording into `dir`: the default seed and no replay,
 * whatever the instructor's shell says.
 *
 * @example recordingEnv('/tmp/record-x') → { GRADE_RECORD_DIR: '/tmp/record-x', GRADE_SEED: '', GRADE_PATH: '' }
 */
export function recordingEnv(dir: string): NodeJS.ProcessEnv {
  return { GRADE_RECORD_DIR: dir, GRADE_SEED: '', GRADE_PATH: '' };
}

/**
 * Checks the solutions' grading behind a recording: every exercise of `course` graded, every part
 * passed (a release made from a failing reference would fail every student). Throws an Error that
 * lists what is missing or lost; returns warnings (grader errors beside fully graded parts).
 *
 * @example checkReference(course, result) → [] (full marks, no grader error)
 * @example checkReference(course, resultWithFailedPart) → throws "release: the reference solutions must score full marks … exercise-01 part A: failed (0/2)"
 */
export function checkReference(course: Course, result: RunResult): string[] {
  const problems = course.exercises.flatMap((exercise) => {
    const graded = result.exercises.find((e) => e.id === exercise.id);
    if (graded === undefined) return [`${exercise.id}: its grader did not run`];
    const failed = graded.parts.filter((p) => p.status !== 'passed').map((p) => `${exercise.id} part ${p.id}: ${p.status} (${p.score}/${p.maxScore})`);
    return failed.length > 0 && graded.error !== undefined ? [`${exercise.id}: ${graded.error.split('\n')[0]}`, ...failed] : failed;
  });
  if (problems.length > 0) throw new Error(`release: the reference solutions must score full marks before a release; they do not:\n  ${problems.join('\n  ')}`);
  return result.exercises
    .filter((e) => e.error !== undefined)
    .map((e) => `${e.id}: the grader reported an error beside its graded parts: ${e.error!.split('\n')[0]}`);
}

/**
 * Grades `solutions/` with recording on; throws when the reference does not score full marks on
 * every part ({@link checkReference}).
 *
 * @example await recordReferences(course, ['cpu']) → { dir: '/tmp/record-…', result, durationMs: 61234 }
 */
export async function recordReferences(course: Course, backends: string[], root?: string): Promise<Recording> {
  const dir = recordingDir();
  const run = await gradeRun({
    target: 'solutions',
    backends,
    ...(root ? { cwd: root } : {}),
    // Webgpu only when asked.
    env: { ...recordingEnv(dir), ...(backends.includes('webgpu') ? {} : { COURSE_WEBGPU: '0' }) },
    timeoutMs: 30 * 60_000,
  });
  const result = run.result;
  if (result === undefined)
    throw new Error(
      `release: grading the solutions wrote no results (exit code ${run.exitCode}); last output:\n${run.output.split('\n').slice(-30).join('\n')}`,
    );
  return { dir, result, durationMs: run.durationMs, warnings: checkReference(course, result) };
}
