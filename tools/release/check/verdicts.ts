/**
 * Verdicts to compare between the instructors' repository and a release: per part, its status
 * and points, as one short text.
 */
import type { Exercise } from '../../../graders/support/course.ts';
import type { RunResult } from '../../../graders/support/results/model.ts';
import { testText } from '../../../graders/support/results/print.ts';

/**
 * An exercise's verdict in a run: `A:passed:2 B:failed:0 …` over `parts` (default: all; a
 * filtered grading names the parts it graded, so those it left out are not compared), or why
 * there is none.
 *
 * @example verdictOf(run, 'exercise-01') → 'A:passed:2 B:failed:0 C:passed:2'
 * @example verdictOf(run, 'exercise-01', ['B']) → 'B:failed:0'
 */
export function verdictOf(run: RunResult | undefined, exerciseId: string, parts?: string[]): string {
  const exercise = run?.exercises.find((e) => e.id === exerciseId);
  if (exercise === undefined) return 'no result';
  if (exercise.error !== undefined) return `grader error: ${exercise.error.split('\n')[0]}`;
  return exercise.parts
    .filter((p) => parts === undefined || parts.includes(p.id))
    .map((p) => `${p.id}:${p.status}:${p.score}`)
    .join(' ');
}

/** Parts of an exercise that lost points (failed, below their maximum). */
export function lostParts(run: RunResult | undefined, exerciseId: string): string[] {
  const exercise = run?.exercises.find((e) => e.id === exerciseId);
  return exercise?.parts.filter((p) => p.status === 'failed' && p.score < p.maxScore).map((p) => p.id) ?? [];
}

/**
 * Tests of an exercise skipped for want of a sealed answer (graders/support/reference.ts
 * MissingRecording: skipped with a notice, never failed), or failed naming one (older graders);
 * only in `parts` when given (the parts a filtered grading ran: the others are all skipped).
 */
export function sealedMisses(run: RunResult | undefined, exerciseId: string, parts?: string[]): string[] {
  const exercise = run?.exercises.find((e) => e.id === exerciseId);
  return (exercise?.parts ?? [])
    .filter((p) => parts === undefined || parts.includes(p.id))
    .flatMap((p) => p.tests.filter((t) => t.status === 'skipped' || /no sealed reference answer/.test(testText(t))).map((t) => `${p.id}: ${t.name}`));
}

/** Parts below their points that are not bonus parts: what correct code must never show. */
export function pointsLost(run: RunResult | undefined, exerciseId: string): string[] {
  const exercise = run?.exercises.find((e) => e.id === exerciseId);
  if (exercise === undefined) return ['no result'];
  return exercise.parts.filter((p) => !p.bonus && p.score < p.maxScore).map((p) => `${p.id} (${p.status}, ${p.score}/${p.maxScore})`);
}

/** A mutant's outcome in the release, and the problem it shows (none when all is well). */
export interface ReleaseOutcome {
  outcome: string;
  problem?: string;
}

/**
 * Compares a mutant's verdict in the release with the one it got here (`here`, from verdictOf
 * over the same `parts`: those both gradings ran, default all): any difference is a problem, and
 * so is a release where no targeted part lost points.
 *
 * @example judgeInRelease('m', ['B'], 'A:passed:2 B:failed:0', release, 'exercise-01') → { outcome: 'rejected by B' }
 * @example judgeInRelease('m', ['B'], 'B:failed:0', release, 'exercise-01', ['B']) → { outcome: 'rejected by B' }
 */
export function judgeInRelease(
  name: string,
  targets: string[],
  here: string,
  release: RunResult | undefined,
  exerciseId: string,
  parts?: string[],
): ReleaseOutcome {
  const there = verdictOf(release, exerciseId, parts);
  const lost = lostParts(release, exerciseId);
  if (here !== there) {
    const missing = sealedMisses(release, exerciseId, parts).length ? ' (no sealed answer)' : '';
    return {
      outcome: `DIFFERENT: here [${here}], release lost ${lost.join(',') || 'none'}${missing}`,
      problem: `${exerciseId}/${name}: verdict here [${here}] but in the release [${there}]`,
    };
  }
  if (!lost.some((p) => targets.includes(p))) {
    return { outcome: 'NOT CAUGHT', problem: `${exerciseId}/${name}: no targeted part (${targets.join(',')}) lost points in the release` };
  }
  return { outcome: `rejected by ${lost.join(',')}` };
}

/**
 * A mutant not graded in the release, its recorded verdict proved to be the release's
 * (sealed-proof.ts): a problem unless a targeted part lost points in it.
 *
 * @example judgeRecorded('m', exercise01, ['B'], 'B:failed:0') → { outcome: 'proved: rejected by B' }
 */
export function judgeRecorded(name: string, exercise: Exercise, targets: string[], verdict: string): ReleaseOutcome {
  const lost = verdict
    .split(' ')
    .map((token) => token.split(':'))
    .filter(([id, status, score]) => status === 'failed' && Number(score) < (exercise.parts.find((p) => p.id === id)?.points ?? 0))
    .map(([id]) => id);
  if (!lost.some((p) => targets.includes(p))) {
    return {
      outcome: 'NOT CAUGHT (proved)',
      problem: `${exercise.id}/${name}: no targeted part (${targets.join(',')}) lost points in its recorded verdict [${verdict}]`,
    };
  }
  return { outcome: `proved: rejected by ${lost.join(',')}` };
}
