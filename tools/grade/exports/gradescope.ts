/**
 * Gradescope's `results.json` (https://gradescope-autograders.readthedocs.io/en/latest/specs/):
 * top-level `score`, `execution_time` (s), `output`, `visibility`, `stdout_visibility`,
 * `extra_data`, and `tests` with `score`, `max_score`, `status`, `name`, `number`, `output`,
 * `tags`, `visibility`. One test per part; the exercise's failures and hints are the test output.
 */
import type { Course } from '../../../graders/support/course.ts';
import { type RunResult, resultSchemaVersion } from '../../../graders/support/results/model.ts';
import { points } from '../../../graders/support/results/points.ts';
import { modifiedFiles, partFeedback, partLabel, selectExercises, selectionMaxScore } from './selection.ts';

/** Who may see a test or the output, in Gradescope's words. */
export type GradescopeVisibility = 'hidden' | 'after_due_date' | 'after_published' | 'visible';

export interface GradescopeTest {
  score: number;
  max_score: number;
  status: 'passed' | 'failed';
  name: string;
  /** Orders the tests: `01.A`. */
  number: string;
  output: string;
  tags: string[];
  visibility: GradescopeVisibility;
}

export interface GradescopeResults {
  score: number;
  /** Seconds. */
  execution_time: number;
  output: string;
  visibility: GradescopeVisibility;
  stdout_visibility: GradescopeVisibility;
  /** Stored by Gradescope, not shown: the run's identity and its integrity report. */
  extra_data: { result_schema_version: number; seed: string; backends: string[]; max_score: number; graders_modified: string[] };
  tests: GradescopeTest[];
}

/**
 * Gradescope results for the selected exercises of a run (all graded ones by default). Bonus
 * parts are tests whose `max_score` is 0, so they add to the score without raising the maximum.
 *
 * @example toGradescope(run, course).tests[0] → { score: 2, max_score: 2, status: 'passed', name: 'exercise-01 · Part A · outputSize', number: '01.A', … }
 */
export function toGradescope(run: RunResult | undefined, course: Course, ids: string[] = [], env: NodeJS.ProcessEnv = {}): GradescopeResults {
  const selected = selectExercises(run, course, ids);
  const tests: GradescopeTest[] = [];
  const notes: string[] = [];
  for (const { exercise, result, error, warning } of selected) {
    if (warning !== undefined) notes.push(`${exercise.id}: ${warning}`);
    const number = exercise.id.replace('exercise-', '');
    if (error !== undefined || result === undefined) {
      notes.push(`${exercise.id}: ${error ?? 'no result'}`);
      for (const part of exercise.parts) {
        tests.push({
          score: 0,
          max_score: part.bonus ? 0 : part.points,
          status: 'failed',
          name: partLabel(exercise.id, part),
          number: `${number}.${part.id}`,
          output: error ?? 'no result',
          tags: [exercise.id],
          visibility: 'visible',
        });
      }
      continue;
    }
    for (const part of result.parts) {
      tests.push({
        score: part.score,
        max_score: part.bonus ? 0 : part.maxScore,
        status: part.status === 'passed' ? 'passed' : 'failed',
        name: partLabel(exercise.id, part),
        number: `${number}.${part.id}`,
        output: partFeedback(part),
        tags: part.bonus ? [exercise.id, 'bonus'] : [exercise.id],
        visibility: 'visible',
      });
    }
  }
  const modified = modifiedFiles(run, env);
  if (modified.length > 0) notes.push(`warning: these grading files differ from the release: ${modified.join(', ')}`);
  const score = Math.round(tests.reduce((sum, t) => sum + t.score, 0) * 100) / 100;
  const max = selectionMaxScore(selected);
  return {
    score,
    execution_time: Math.round((run?.durationMs ?? 0) / 1000),
    output: [`Score: ${points(score)}/${points(max)} (run seed '${run?.seed ?? 'default'}').`, ...notes].join('\n'),
    visibility: 'visible',
    stdout_visibility: 'hidden',
    extra_data: {
      result_schema_version: resultSchemaVersion,
      seed: run?.seed ?? 'default',
      backends: run?.backends.map((b) => b.name) ?? [],
      max_score: max,
      graders_modified: modified,
    },
    tests,
  };
}
