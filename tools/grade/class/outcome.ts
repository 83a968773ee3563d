/**
 * What grading one submission came to: its status, a one-line note, the run (when there is one)
 * and the score of each exercise of course.json.
 */
import type { RunResult } from '../../../graders/support/results/model.ts';

/** Something that went wrong with one exercise of a graded submission. */
export type Problem = 'compile-error' | 'crashed' | 'timeout';

/**
 * 'graded' (nothing went wrong), 'malformed' (nothing could be graded), 'skipped' (not a
 * submission: a hidden folder), or the problems met, in this order, joined by '+'
 * (e.g. 'compile-error+timeout'; the exercises without a problem keep their scores).
 */
export type OutcomeStatus = 'graded' | 'malformed' | 'skipped' | `${Problem}` | `${Problem}+${string}`;

export interface Outcome {
  student: string;
  status: OutcomeStatus;
  /** One line for the gradebook: what was missing, skipped or went wrong ('' when nothing). */
  note: string;
  /** Score per exercise id (0 for exercises not graded). */
  scores: Record<string, number>;
  /** The grading's result, paths relative to the student's folder (several runs merged when exercises were graded alone). */
  run: RunResult | undefined;
  /** The grading's last output, for a crash. */
  tail: string;
  durationMs: number;
  /** The GRADE_RUN_IDs of its gradings (every process they started carries one). */
  runIds?: string[];
}

const order: Problem[] = ['compile-error', 'crashed', 'timeout'];

/**
 * The status of a graded submission with these problems.
 *
 * @example statusOf(new Set(['timeout', 'compile-error'])) → 'compile-error+timeout'; statusOf(new Set()) → 'graded'
 */
export function statusOf(problems: Set<Problem>): OutcomeStatus {
  const seen = order.filter((p) => problems.has(p));
  return seen.length === 0 ? 'graded' : (seen.join('+') as OutcomeStatus);
}
