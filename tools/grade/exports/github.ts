/**
 * The GitHub Classroom runner result: the JSON that `classroom-resources/autograding-*-grader`
 * actions emit (base64) as their `result` output and `autograding-grading-reporter` reads from
 * `<RUNNER>_RESULTS`. One test per part, each with the part's points, so partial credit reaches
 * the reporter (which sums `tests[].score` into "Points X/Y").
 *
 * Format (classroom-resources/autograding-command-grader src/main.js, generateResult):
 * `{ version: 1, status: 'pass'|'fail'|'error', max_score, tests: [{ name, status, score, message,
 * test_code, filename, line_no, duration }] }`.
 */
import type { Course } from '../../../graders/support/course.ts';
import type { RunResult } from '../../../graders/support/results/model.ts';
import { partFeedback, partLabel, selectExercises, selectionMaxScore } from './selection.ts';

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
  /** Not read by the reporter: grading files that differ from the release (also a failing test). */
  graders_modified: string[];
}

/** Characters of a test's message kept: step outputs are limited (1 MB each on GitHub). */
const maxMessage = 4000;

function clip(message: string, exerciseId: string): string {
  return message.length <= maxMessage ? message : `${message.slice(0, maxMessage)}\n… (cut; run \`npm test ${exerciseId}\` to see everything)`;
}

/** The command a student runs to see the same grading. */
function commandFor(exerciseId: string): string {
  return `npm test ${exerciseId}`;
}

/**
 * The runner result of a run for the selected exercises (all graded ones by default).
 *
 * @example toGithubRunner(run, course, ['exercise-01']).tests[1] → { name: 'exercise-01 · Part B · correlate2d', status: 'pass', score: 3, … }
 */
export function toGithubRunner(run: RunResult | undefined, course: Course, ids: string[] = []): GithubRunnerResult {
  const selected = selectExercises(run, course, ids);
  const tests: GithubTest[] = [];
  for (const { exercise, result, error } of selected) {
    const filename = `exercises/${exercise.folder}/${exercise.files[0]}`;
    if (error !== undefined || result === undefined) {
      tests.push({ name: `${exercise.id} · ${exercise.title}`, status: 'error', score: 0, message: error ?? 'no result', test_code: commandFor(exercise.id), filename, line_no: 0, duration: 0 });
      continue;
    }
    for (const part of result.parts) {
      tests.push({
        name: partLabel(exercise.id, part),
        status: part.status === 'passed' ? 'pass' : 'fail',
        score: part.score,
        message: clip(partFeedback(part), exercise.id),
        test_code: commandFor(exercise.id),
        filename,
        line_no: 0,
        duration: Math.round(part.tests.reduce((sum, t) => sum + t.durationMs, 0)),
      });
    }
  }
  const modified = run?.graders_modified ?? [];
  if (modified.length > 0) {
    tests.push({ name: 'grading files match the release', status: 'fail', score: 0, message: `these grading files differ from the release: ${modified.join(', ')}`, test_code: '', filename: '', line_no: 0, duration: 0 });
  }
  // Bonus parts add points but never make a run fail.
  const complete = selected.every((s) => s.result?.parts.every((p) => p.bonus || p.status === 'passed') === true);
  let status: GithubRunnerResult['status'] = complete ? 'pass' : 'fail';
  if (tests.some((t) => t.status === 'error')) status = 'error';
  else if (modified.length > 0) status = 'fail';
  return { version: 1, status, max_score: selectionMaxScore(selected), tests, graders_modified: modified };
}

/** The runner result as the base64 text a step output carries. */
export function encodeRunnerResult(result: GithubRunnerResult): string {
  return Buffer.from(JSON.stringify(result)).toString('base64');
}
