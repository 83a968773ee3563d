/**
 * What grading one submission came to: its status, a one-line note, the run (when there is one)
 * and the score of each exercise of course.json.
 */
import type { RunResult } from '../../../graders/support/results/model.ts';

export type OutcomeStatus = 'graded' | 'timeout' | 'crashed' | 'malformed';

export interface Outcome {
  student: string;
  status: OutcomeStatus;
  /** One line for the gradebook: what was missing, skipped or went wrong ('' when nothing). */
  note: string;
  /** Score per exercise id (0 for exercises not graded). */
  scores: Record<string, number>;
  run: RunResult | undefined;
  /** The grading's last output, for a crash. */
  tail: string;
  durationMs: number;
  /** The grading's GRADE_RUN_ID (every process it started carries it), when it ran. */
  runId?: string;
}
