/**
 * Which exercises an export covers: those named with `--exercise` (an exercise that has no result
 * in the run is reported as an error, never silently dropped), else every exercise the run graded.
 */
import { stripVTControlCharacters } from 'node:util';
import type { Course, Exercise } from '../../../graders/support/course.ts';
import { maxScore } from '../../../graders/support/course.ts';
import type { ExerciseResult, PartResult, RunResult } from '../../../graders/support/results/model.ts';
import { testText } from '../../../graders/support/results/print.ts';
import { courseFilesModified } from '../../../graders/support/settings.ts';

/** One exercise of an export, with its result when the run has one. */
export interface Selected {
  exercise: Exercise;
  result: ExerciseResult | undefined;
  /** Why there is no usable result (a grader that could not run, or no run at all). */
  error: string | undefined;
  /** An error of the grader beside parts that were graded (e.g. on one backend only). */
  warning: string | undefined;
}

/**
 * The exercises to export, in course order.
 *
 * @example selectExercises(run, course, ['exercise-01']) → [{ exercise, result, error: undefined }]
 */
export function selectExercises(run: RunResult | undefined, course: Course, ids: string[] = []): Selected[] {
  const wanted =
    ids.length > 0 ? course.exercises.filter((e) => ids.includes(e.id)) : course.exercises.filter((e) => run?.exercises.some((r) => r.id === e.id));
  const unknown = ids.filter((id) => !course.exercises.some((e) => e.id === id));
  if (unknown.length > 0) throw new Error(`unknown exercise ${unknown.join(', ')}: expected one of ${course.exercises.map((e) => e.id).join(', ')}.`);
  return wanted.map((exercise) => {
    const result = run?.exercises.find((r) => r.id === exercise.id);
    const graded = result?.parts.some((p) => p.status !== 'skipped') === true;
    const problem = result?.error === undefined ? undefined : plain(result.error).split('\n')[0];
    let error: string | undefined;
    if (run === undefined) error = 'grading did not produce a results file (it crashed, timed out or never ran)';
    else if (result === undefined) error = `the run has no result for ${exercise.id} (its grader did not run)`;
    else if (problem !== undefined && !graded) error = `the grader could not run: ${problem}`;
    return {
      exercise,
      result,
      error,
      warning: graded && problem !== undefined ? `the grader reported an error beside the graded parts: ${problem}` : undefined,
    };
  });
}

/**
 * Files outside the student's own that differ from the release: those the grading found, and
 * those the workflow's pristine step restored or deleted before it (`COURSE_FILES_MODIFIED`).
 *
 * @example modifiedFiles(run, { COURSE_FILES_MODIFIED: '.npmrc' }) → ['.npmrc', 'graders/…']
 */
export function modifiedFiles(run: RunResult | undefined, env: NodeJS.ProcessEnv = {}): string[] {
  const fromStep = courseFilesModified.read(env);
  return [...new Set([...(run?.graders_modified ?? []), ...fromStep])].sort();
}

/** Points available in a selection (bonus parts excluded). */
export function selectionMaxScore(selected: Selected[]): number {
  return selected.reduce((sum, s) => sum + maxScore(s.exercise), 0);
}

/** Text without terminal colour codes. */
export function plain(text: string): string {
  return stripVTControlCharacters(text);
}

/** A part's label in exports: `exercise-01 · Part B · correlate2d`, and `… · conv2dBackward (bonus)` for a bonus part (from its `bonus` flag, never its title). */
export function partLabel(exerciseId: string, part: { id: string; title: string; bonus?: boolean }): string {
  return `${exerciseId} · Part ${part.id} · ${part.title}${part.bonus === true ? ' (bonus)' : ''}`;
}

/**
 * What a student should read about a part: nothing when it passed, else each failed test with
 * its failure (rendered from data, ending with the part's hint), or why the part did not run.
 */
export function partFeedback(part: PartResult): string {
  if (part.status === 'passed') return '';
  const failed = part.tests.filter((t) => t.status === 'failed');
  if (failed.length === 0) return 'this part did not run (filtered out, or not graded on any available backend).';
  return failed.map((t) => `✗ ${t.name} [${t.backend}]\n${plain(testText(t))}`).join('\n\n');
}
