/**
 * The course at a glance as text: one block per exercise (its parts and points), the course total
 * and what to do next. Plain text without a TTY; colours via picocolors, which respects NO_COLOR.
 */
import pc from 'picocolors';
import { points } from '../../graders/support/results/points.ts';
import type { CourseProgress, ExerciseProgress, NextStep, PartProgress } from './progress.ts';

const partMark: Record<PartProgress['status'], string> = {
  passed: pc.green('✓'),
  failed: pc.red('✗'),
  skipped: pc.dim('—'),
  ungraded: pc.dim('·'),
};

const exerciseMark: Record<ExerciseProgress['status'], string> = {
  done: pc.green('✓'),
  started: pc.yellow('◐'),
  todo: pc.dim('○'),
  problem: pc.red('✗'),
};

function earned(part: PartProgress): string {
  const text = `${points(part.score)}/${points(part.maxScore)}${part.bonus ? ' bonus' : ''}`;
  return part.status === 'passed' ? pc.green(text) : part.status === 'failed' ? pc.red(text) : pc.dim(text);
}

/** `required earned/available (+bonus)`, as the score table prints an exercise's total. */
function exerciseTotal(e: Pick<ExerciseProgress, 'score' | 'bonus' | 'maxScore'>): string {
  return `${points(Math.round((e.score - e.bonus) * 100) / 100)}/${points(e.maxScore)}${e.bonus > 0 ? ` (+${points(e.bonus)} bonus)` : ''}`;
}

/** A part per line, or a grid of short cells for exercises with many parts (the quiz). */
function partLines(e: ExerciseProgress, titleWidth: number): string[] {
  if (e.parts.length <= 10) {
    return e.parts.map((p) => `    ${partMark[p.status]} ${p.id.padEnd(4)}${p.title.padEnd(titleWidth)}  ${earned(p)}`);
  }
  // Pad by the uncoloured text's length: colour codes take no room on screen.
  const plain = (p: PartProgress): string => `x ${p.id.padEnd(4)}${points(p.score)}/${points(p.maxScore)}${p.bonus ? ' bonus' : ''}`;
  const width = Math.max(...e.parts.map((p) => plain(p).length)) + 3;
  const lines: string[] = [];
  for (let i = 0; i < e.parts.length; i += 5) {
    const row = e.parts.slice(i, i + 5).map((p) => `${partMark[p.status]} ${p.id.padEnd(4)}${earned(p)}${' '.repeat(width - plain(p).length)}`);
    lines.push(`    ${row.join('').trimEnd()}`);
  }
  return lines;
}

function nextLines(next: NextStep | null): string[] {
  if (next === null) return [pc.green(pc.bold('Every part of every exercise passes. Well done!'))];
  if (next.problem !== undefined) return [`${pc.bold('Next:')} ${next.exercise} · ${next.title}`, `  ${pc.red(next.problem)}`];
  const part = next.part!;
  const lines = [
    `${pc.bold('Next:')} ${next.exercise} · Part ${part.id} · ${part.title}${part.bonus ? ' (bonus, optional)' : ''}   ${pc.dim(`read ${next.readme}`)}`,
    `  npm run watch -- ${next.exercise}`.padEnd(38) + pc.dim('re-grades on every save of your files'),
    `  npm run hint -- ${next.exercise} ${part.id}`.padEnd(38) + pc.dim('a hint for this part, one level at a time'),
  ];
  return lines;
}

/** Groups ids by their reason: `exercise-01, exercise-02 (no earlier result); exercise-03 (your files changed)`. */
export function byReason(reasons: Map<string, string>): string {
  const groups = new Map<string, string[]>();
  for (const [id, reason] of reasons) groups.set(reason, [...(groups.get(reason) ?? []), id]);
  return [...groups].map(([reason, ids]) => `${ids.join(', ')} (${reason})`).join('; ');
}

/** The whole overview; `grading` says what this run graded and how long it took. */
export function renderProgress(progress: CourseProgress, header: string, grading: string): string {
  const listed = progress.exercises.filter((e) => e.parts.length <= 10);
  const titleWidth = Math.max(20, ...listed.flatMap((e) => e.parts.map((p) => p.title.length)));
  // The exercise's total lines up with its parts' points: after the longest title or heading.
  const heads = progress.exercises.map((e) => `x ${e.id} · ${e.title}`.length);
  const column = Math.max(4 + 2 + 4 + titleWidth + 2, ...heads.map((n) => n + 2));
  const lines = [pc.bold(progress.title), pc.dim(header), ''];
  for (const e of progress.exercises) {
    const head = `${exerciseMark[e.status]} ${e.id} · ${e.title}`;
    const plainLength = `x ${e.id} · ${e.title}`.length;
    lines.push(`${pc.bold(head)}${' '.repeat(column - plainLength)}${exerciseTotal(e)}`);
    if (e.problem !== undefined) lines.push(`    ${pc.red(e.problem)}`);
    lines.push(...partLines(e, column - 12));
  }
  lines.push('', pc.bold(`course total: ${exerciseTotal(progress.total)}`), '');
  lines.push(...nextLines(progress.next));
  for (const note of progress.notes) lines.push(pc.yellow(`note: ${note}`));
  lines.push('', pc.dim(grading));
  return lines.join('\n');
}
