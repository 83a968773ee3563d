/**
 * Parts as "point tests" for GitHub's reporter: a part worth P points is P·k tests (k units per
 * point), the first round(score·k) of them passed, so the reporter's (passed ÷ tests) × max_score
 * gives the course's score, and its sum of `score` too (the part's exact score sits on its first
 * test, the others carry 0).
 */
import type { Part } from '../../../graders/support/course.ts';
import type { PartResult } from '../../../graders/support/results/model.ts';
import type { GithubTest } from './github.ts';
import { points } from '../../../graders/support/results/points.ts';
import { partFeedback, partLabel, type Selected } from './selection.ts';

/** Characters of a test's message kept: step outputs are limited (1 MB each on GitHub). */
const maxMessage = 4000;

function clip(message: string, exerciseId: string): string {
  return message.length <= maxMessage ? message : `${message.slice(0, maxMessage)}\n… (cut; run \`npm test ${exerciseId}\` to see everything)`;
}

/** Scores are kept to the cent: a unit count that lands within half a cent is exact enough. */
function fits(score: number, k: number): boolean {
  return Math.abs(Math.round(score * k) / k - score) < 0.005 + 1e-9;
}

/**
 * The fewest units per point (1, 2, 3, … 12, else 100) that express every earned part score of
 * the selection to the cent: 1 when all scores are whole, 3 for a partial part that earned 10/3.
 *
 * @example unitsPerPoint([{ result: { parts: [{ score: 3.33, bonus: false }] } }]) → 3
 */
export function unitsPerPoint(selected: Selected[]): number {
  const scores = selected.flatMap((s) => (s.error === undefined ? (s.result?.parts ?? []).filter((p) => !p.bonus).map((p) => p.score) : []));
  for (let k = 1; k <= 12; k++) if (scores.every((score) => fits(score, k))) return k;
  return 100;
}

function unitName(label: string, index: number, count: number, k: number): string {
  return `${label} · ${k === 1 ? 'point' : 'unit'} ${index} of ${count}`;
}

/**
 * The tests of one exercise: its non-bonus parts as units; a bonus part's score rides on the
 * exercise's first test (named so) because the reporter's table cannot go above max_score.
 *
 * @example unitTests(selectedEx01, 1).length → 13
 */
export function unitTests(selected: Selected, k: number): GithubTest[] {
  const { exercise, result, error } = selected;
  const filename = `exercises/${exercise.folder}/${exercise.files[0]}`;
  const graded = error === undefined ? result?.parts : undefined;
  const tests: GithubTest[] = [];
  for (const part of exercise.parts.filter((p) => p.bonus !== true)) {
    const earned = graded?.find((p) => p.id === part.id);
    const count = part.points * k;
    const passed = earned === undefined ? 0 : Math.min(count, Math.round(earned.score * k));
    for (let i = 1; i <= count; i++) {
      const first = i === 1;
      const status: GithubTest['status'] = i <= passed ? 'pass' : first && earned === undefined && error !== undefined ? 'error' : 'fail';
      tests.push({
        name: unitName(partLabel(exercise.id, part), i, count, k),
        status,
        score: first ? (earned?.score ?? 0) : 0,
        message: first ? clip(earned === undefined ? (error ?? 'no result for this part') : partFeedback(earned), exercise.id) : '',
        test_code: first ? `npm test ${exercise.id}` : '',
        filename,
        line_no: 0,
        duration: first && earned !== undefined ? Math.round(earned.tests.reduce((sum, t) => sum + t.durationMs, 0)) : 0,
      });
    }
  }
  const bonus = exercise.parts.filter((p) => p.bonus === true);
  if (bonus.length > 0 && tests.length > 0) {
    const earned = bonus.map((part) => ({ part, result: graded?.find((p) => p.id === part.id) }));
    tests[0] = {
      ...tests[0],
      name: `${tests[0].name} · ${earned.map(bonusNote).join(' · ')}`,
      score: tests[0].score + earned.reduce((sum, e) => sum + (e.result?.score ?? 0), 0),
    };
  }
  return tests;
}

function bonusNote({ part, result }: { part: Part; result: PartResult | undefined }): string {
  return `bonus Part ${part.id} ${result?.status === 'passed' ? '✓' : '✗'} +${points(result?.score ?? 0)} (counted in the Points line)`;
}
