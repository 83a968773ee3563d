/**
 * The GitHub Classroom runner result: the JSON that `classroom-resources/autograding-*-grader`
 * actions emit (base64) as their `result` output and `autograding-grading-reporter` reads from
 * `<RUNNER>_RESULTS`.
 *
 * Format (classroom-resources/autograding-command-grader src/main.js, generateResult):
 * `{ version: 1, status: 'pass'|'fail'|'error', max_score, tests: [{ name, status, score, message,
 * test_code, filename, line_no, duration }] }`.
 *
 * The reporter (v1) does two different sums: its "Points X/Y" line adds up `tests[].score`, but its
 * per-runner lines and table show (tests passed ÷ tests) × max_score. So that both read the
 * course's score, every part is written as one test per point (per fraction of a point when a
 * partial part earned one): a part worth 3 of which the student earned 2 is three tests, two
 * passed. The part's exact score rides on its first test, so the sum is exact too. The table
 * cannot show more than max_score, so a bonus counts in the Points line only (see
 * fixtures/github-reporter/reporter-v1.mjs and this folder's README.md).
 */
import type { Course } from '../../../graders/support/course.ts';
import type { RunResult } from '../../../graders/support/results/model.ts';
import { unitTests, unitsPerPoint } from './github-units.ts';
import { modifiedFiles, selectExercises, selectionMaxScore } from './selection.ts';

/** One test of a runner result. */
export interface GithubTest {
  name: string;
  status: 'pass' | 'fail' | 'error';
  score: number;
  message: string;
  test_code: string;
  filename: string;
  line_no: number;
  /** Milliseconds, like the command grader's. */
  duration: number;
}

/** A runner result, as the reporter reads it. */
export interface GithubRunnerResult {
  version: 1;
  status: 'pass' | 'fail' | 'error';
  max_score: number;
  tests: GithubTest[];
  /** Not read by the reporter: files outside the student's own that differ from the release. */
  graders_modified: string[];
}

/**
 * The runner result of a run for the selected exercises (all graded ones by default).
 *
 * @example toGithubRunner(run, course, ['exercise-01']).tests[2] → { name: 'exercise-01 · Part B · correlate2d · point 1 of 3', status: 'pass', score: 3, … }
 */
export function toGithubRunner(run: RunResult | undefined, course: Course, ids: string[] = [], env: NodeJS.ProcessEnv = {}): GithubRunnerResult {
  const selected = selectExercises(run, course, ids);
  const modified = modifiedFiles(run, env);
  const k = unitsPerPoint(selected);
  const tests = selected.flatMap((s) => unitTests(s, k));
  // The reporter prints test names, not the result's other fields: the first test names the files.
  if (modified.length > 0 && tests.length > 0) tests[0] = { ...tests[0], name: `${tests[0].name} · ⚠ files differ from the release: ${modified.join(', ')}` };
  // Bonus parts add points but never make a run fail.
  const complete = selected.every((s) => s.result?.parts.every((p) => p.bonus || p.status === 'passed') === true);
  let status: GithubRunnerResult['status'] = complete ? 'pass' : 'fail';
  if (selected.some((s) => s.error !== undefined)) status = 'error';
  else if (modified.length > 0) status = 'fail';
  return { version: 1, status, max_score: selectionMaxScore(selected), tests, graders_modified: modified };
}

/**
 * What the reporter gets when a grading step wrote nothing at all (it crashed, or the job stopped
 * before it): a valid result worth 0 of the exercise's points, one test saying why.
 *
 * @example crashedRunnerResult(ex01).max_score → 13
 */
export function crashedRunnerResult(course: Course, exerciseId: string): GithubRunnerResult {
  const [selected] = selectExercises(undefined, course, [exerciseId]);
  const name = `${exerciseId} · the grading step wrote no result (it crashed or never ran); run npm test ${exerciseId}`;
  return {
    version: 1,
    status: 'error',
    max_score: selectionMaxScore([selected]),
    tests: [{ name, status: 'error', score: 0, message: name, test_code: '', filename: '', line_no: 0, duration: 0 }],
    graders_modified: [],
  };
}

/** The runner result as the base64 text a step output carries. */
export function encodeRunnerResult(result: GithubRunnerResult): string {
  return Buffer.from(JSON.stringify(result)).toString('base64');
}
