/**
 * Classroom 50's `result.json` (schema `classroom50/result/v1`; the contract is documented in
 * foundation50/classroom50's wiki, "Advanced Autograding" → "The result.json contract"):
 * `schema`, `classroom`, `assignment`, `assignment_type`, `owner`, `submission`, `commit`,
 * `release`, `review`, `datetime`, `graded_at` (optional), `score` and `max-score` (integers, the
 * sums over `tests`), `tests: [{ "test-name", passed, score, "max-score" }]` — extra fields on a
 * test are kept verbatim.
 *
 * The runner provides the identity through the environment (CLASSROOM, ASSIGNMENT, SUBMISSION_TAG,
 * OWNER or USERNAME, ASSIGNMENT_TYPE, COMMIT_URL, RELEASE_URL, REVIEW_URL) and stamps owner,
 * assignment_type, datetime and graded_at itself; outside a Classroom 50 runner they read 'local'
 * (the submission 'submit/local'). Every export passes Classroom 50's own validation
 * (classroom50-rules.ts) before it is written.
 */
import type { Course } from '../../../graders/support/course.ts';
import type { RunResult } from '../../../graders/support/results/model.ts';
import type { Classroom50Identity } from './classroom50-rules.ts';
import { modifiedFiles, partFeedback, partLabel, selectExercises, selectionMaxScore } from './selection.ts';

export interface Classroom50Test {
  'test-name': string;
  passed: boolean;
  /** Whole points (the contract's type): the part's score rounded down. */
  score: number;
  /** The part's points; a bonus part's too (its points are not in the result's max-score). */
  'max-score': number;
  /** Diagnostics, kept verbatim by Classroom 50. */
  exercise: string;
  part: string;
  /** The exact score when a partial part earned a fraction of a point. */
  'exact-score': number;
  bonus: boolean;
  message: string;
}

export interface Classroom50Result {
  schema: 'classroom50/result/v1';
  classroom: string;
  assignment: string;
  assignment_type: string;
  owner: string;
  submission: string;
  commit: string;
  release: string;
  review: string;
  datetime: string;
  graded_at: string;
  score: number;
  'max-score': number;
  tests: Classroom50Test[];
  /** Grading files that differ from the release (empty when untouched). */
  graders_modified: string[];
}

/** UTC ISO 8601 to the second, as in the contract's example (`2026-06-01T14:32:01Z`). */
function utcSeconds(iso: string): string {
  const date = new Date(iso);
  return (Number.isNaN(date.getTime()) ? new Date(0) : date).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const local = (value: string | undefined): string => (value !== undefined && value.trim() !== '' ? value : 'local');

/**
 * Who the result is for, from the runner's environment ('local' outside a Classroom 50 runner):
 * what the export writes, and what Classroom 50's collector must find in it.
 *
 * @example classroom50Identity({ CLASSROOM: 'cnn', ASSIGNMENT: 'ex01', OWNER: 'alice' }, []) → { classroom: 'cnn', assignment: 'ex01', username: 'alice', isGroup: false }
 */
export function classroom50Identity(env: NodeJS.ProcessEnv, ids: string[]): Classroom50Identity {
  return {
    classroom: local(env.CLASSROOM),
    assignment: local(env.ASSIGNMENT ?? (ids.length === 1 ? ids[0] : undefined)),
    username: local(env.OWNER ?? env.USERNAME ?? env.GITHUB_REPOSITORY_OWNER),
    isGroup: env.ASSIGNMENT_TYPE?.trim() === 'group',
  };
}

/**
 * Classroom 50's result for the selected exercises of a run. Classroom 50 refuses a score above
 * its maximum (per test and in total), so a bonus part is a test worth its own points, and the
 * total is the course's score capped at the course's maximum: the bonus makes up points lost
 * elsewhere, and earning it never gives less than not earning it.
 *
 * @example toClassroom50(run, course, ['exercise-01'], process.env).tests[0] → { 'test-name': 'exercise-01 · Part A · outputSize', passed: true, score: 2, 'max-score': 2, … }
 */
export function toClassroom50(
  run: RunResult | undefined,
  course: Course,
  ids: string[] = [],
  env: NodeJS.ProcessEnv = process.env,
  now: Date = new Date(),
): Classroom50Result {
  const selected = selectExercises(run, course, ids);
  const tests: Classroom50Test[] = [];
  let exactTotal = 0;
  for (const { exercise, result, error } of selected) {
    const parts = result !== undefined && error === undefined ? result.parts : undefined;
    for (const part of exercise.parts) {
      const earned = parts?.find((p) => p.id === part.id);
      const exact = earned?.score ?? 0;
      exactTotal += exact;
      tests.push({
        'test-name': partLabel(exercise.id, part),
        passed: earned?.status === 'passed',
        // Whole points, as the contract requires: a partial part's fraction is rounded down.
        score: Math.floor(exact + 1e-9),
        'max-score': part.points,
        exercise: exercise.id,
        part: part.id,
        'exact-score': exact,
        bonus: part.bonus === true,
        message: earned === undefined ? (error ?? 'no result') : partFeedback(earned),
      });
    }
  }
  // The grading's start; without a run, the time of the export (the runner stamps its own anyway).
  const when = utcSeconds(run?.startedAt ?? now.toISOString());
  const identity = classroom50Identity(env, ids);
  const max = selectionMaxScore(selected);
  return {
    schema: 'classroom50/result/v1',
    classroom: identity.classroom,
    assignment: identity.assignment,
    assignment_type: env.ASSIGNMENT_TYPE?.trim() || 'individual',
    owner: identity.username,
    submission: env.SUBMISSION_TAG?.trim() || 'submit/local',
    commit: local(env.COMMIT_URL),
    release: local(env.RELEASE_URL),
    review: local(env.REVIEW_URL ?? env.COMMIT_URL),
    datetime: when,
    graded_at: when,
    score: Math.min(max, Math.floor(exactTotal + 1e-9)),
    'max-score': max,
    tests,
    graders_modified: modifiedFiles(run, env),
  };
}
