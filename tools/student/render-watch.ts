/**
 * What watch mode shows after each grading: the exercise's score table (the one `npm test`
 * prints) and its first failing part with the failure as `npm test` explains it — counterexample,
 * first differing element, replay command and hint — or what to do next when everything passes.
 */
import pc from 'picocolors';
import type { Course } from '../../graders/support/course.ts';
import type { PartResult, RunResult } from '../../graders/support/results/model.ts';
import { formatFailures, formatScoreTable } from '../../graders/support/results/print.ts';
import type { ExerciseState } from '../lib/cached-grading.ts';
import { points } from '../../graders/support/results/points.ts';

/** The first part that fails: required parts first, then bonus parts. */
export function firstFailingPart(result: RunResult): PartResult | undefined {
  const parts = result.exercises[0]?.parts ?? [];
  return parts.find((p) => !p.bonus && p.status === 'failed') ?? parts.find((p) => p.bonus && p.status === 'failed');
}

/** One failing test of `part`, formatted exactly as `npm test` formats it, and how many more fail. */
function firstFailure(result: RunResult, part: PartResult): string {
  const failed = part.tests.filter((t) => t.status === 'failed');
  const exercise = result.exercises[0];
  const narrowed: RunResult = { ...result, errors: [], exercises: [{ ...exercise, error: undefined, parts: [{ ...part, tests: failed.slice(0, 1) }] }] };
  const more = failed.length - 1;
  const otherParts = exercise.parts.filter((p) => p !== part && p.status === 'failed').length;
  const extra = [
    more > 0 ? `${more} more failing test${more > 1 ? 's' : ''} in part ${part.id}` : '',
    otherParts > 0 ? `${otherParts} more failing part${otherParts > 1 ? 's' : ''}` : '',
  ]
    .filter((s) => s !== '')
    .join(', ');
  const tail = extra === '' ? '' : `\n${pc.dim(`(${extra}: \`npm test ${exercise.id}\` shows every failure)`)}`;
  return `${formatFailures(narrowed)}${tail}`;
}

/**
 * The verdict of the one part graded first (watch mode grades the part being worked on before
 * the rest): a line starting `✓ Part B · correlate2d: passes` or `✗ Part B · correlate2d: fails`,
 * then, for a failure, the first failing test as `npm test` explains it.
 */
export function renderFocus(result: RunResult, partId: string, elapsedMs: number): string {
  const exercise = result.exercises[0];
  const part = exercise?.parts.find((p) => p.id === partId);
  const seconds = `${(elapsedMs / 1000).toFixed(1)} s`;
  if (exercise === undefined || part === undefined) return pc.red(`✗ Part ${partId}: no result (${seconds})`);
  const name = `Part ${part.id} · ${part.title}`;
  if (exercise.error !== undefined) return `${pc.red('✗')} ${pc.bold(name)}: the grader could not run (${seconds})\n${exercise.error}`;
  const counted = part.tests.filter((t) => t.status !== 'skipped');
  if (part.status === 'passed') return `${pc.green('✓')} ${pc.bold(name)}: passes (${counted.length} tests, ${seconds}) · grading the other parts …`;
  if (part.status !== 'failed') return `${pc.yellow('?')} ${pc.bold(name)}: ${part.status} (${seconds}) · grading the other parts …`;
  return `${pc.red('✗')} ${pc.bold(name)}: fails (${seconds})\n\n${firstFailure(result, part)}\n\n${pc.dim('grading the other parts …')}`;
}

/** The screen after a grading of `state.exercise` (graded now or from the cache). */
export function renderWatch(state: ExerciseState, course: Course, elapsedMs: number | undefined): string {
  const { exercise, entry } = state;
  const lines: string[] = [];
  if (entry === undefined) {
    lines.push(pc.bold(`${exercise.id} · ${exercise.title}`), pc.red(state.problem ?? 'no result'));
  } else {
    const result = entry.result;
    const graded = new Date(entry.gradedAt).toLocaleTimeString();
    const when = elapsedMs === undefined ? `result from the cache (graded at ${graded})` : `graded at ${graded} in ${(elapsedMs / 1000).toFixed(1)} s`;
    lines.push(pc.dim(`${when} · backends: ${result.backends.map((b) => b.name).join(', ')} · run seed '${result.seed}'`), '');
    lines.push(formatScoreTable(result), '');
    const error = result.exercises[0].error;
    const part = firstFailingPart(result);
    if (error !== undefined) lines.push(`${pc.red('✗')} ${pc.bold(exercise.id)}: the grader could not run\n${error}`);
    else if (part !== undefined) lines.push(pc.bold(`First failing part: ${part.id} · ${part.title}`), '', firstFailure(result, part));
    else {
      const score = result.exercises[0];
      const next = course.exercises[course.exercises.findIndex((e) => e.id === exercise.id) + 1];
      lines.push(pc.green(pc.bold(`Every part of ${exercise.id} passes: ${points(score.score)} points.`)));
      lines.push(
        next === undefined ? 'That was the last exercise: `npm start` shows the whole course.' : `Next: npm run watch -- ${next.id}   (${next.title})`,
      );
    }
  }
  for (const note of state.notes) lines.push(pc.yellow(`note: ${note}`));
  return lines.join('\n');
}
