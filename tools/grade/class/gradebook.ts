/**
 * The gradebook: one CSV row per submission — the student, the score of every exercise graded
 * (bonus included), the total, the status and a note — as RFC 4180 text, formula-guarded.
 */
import { toCsv } from '../csv.ts';
import type { Outcome } from './outcome.ts';

/**
 * The gradebook of a class as CSV text; `ids` are the exercise columns, in course order.
 *
 * @example gradebookCsv(['exercise-01', 'exercise-05'], outcomes).split('\r\n')[0] → 'student,exercise-01,exercise-05,total,status,note'
 */
export function gradebookCsv(ids: string[], outcomes: Pick<Outcome, 'student' | 'scores' | 'status' | 'note'>[]): string {
  const header = ['student', ...ids, 'total', 'status', 'note'];
  const rows = outcomes.map((o) => {
    const scores = ids.map((id) => o.scores[id] ?? 0);
    const total = Math.round(scores.reduce((s, v) => s + v, 0) * 100) / 100;
    return [o.student, ...scores, total, o.status, o.note];
  });
  return toCsv(header, rows);
}
