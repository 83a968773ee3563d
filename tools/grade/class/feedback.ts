/**
 * A student's feedback file: how the submission was graded, what went wrong (compile errors,
 * crashes, timeouts, with paths relative to the submission's folder), the score table, and every
 * failure with its counterexample and hint — the same text `npm test` prints, without colours.
 */
import { formatFailures, formatScoreTable } from '../../../graders/support/results/print.ts';
import { plain } from '../exports/selection.ts';
import type { Outcome } from './outcome.ts';

/**
 * The feedback text of one outcome.
 *
 * @example feedbackText(outcome, 'default').startsWith('Feedback for ada') → true
 */
export function feedbackText(outcome: Outcome, seed: string): string {
  const lines = [`Feedback for ${outcome.student} — graded against the reference solutions, run seed '${seed}'.`, ''];
  if (outcome.status !== 'graded') lines.push(`Status: ${outcome.status}`);
  if (outcome.note !== '') lines.push(...outcome.note.split('; '));
  if (outcome.status !== 'graded' || outcome.note !== '') lines.push('');
  if (outcome.run !== undefined) {
    lines.push(plain(formatScoreTable(outcome.run)), '');
    const failures = plain(formatFailures(outcome.run));
    if (failures !== '') lines.push('What to fix:', '', failures, '');
  }
  if (outcome.tail.trim() !== '') {
    lines.push('The grading that did not finish printed (last lines):', ...plain(outcome.tail).trimEnd().split('\n').slice(-30), '');
  }
  return lines.join('\n');
}
