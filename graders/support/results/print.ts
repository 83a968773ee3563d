/**
 * The run as text for a terminal: each failure with its full explanation, then the score table
 * (part, points, one column per backend), then the closing line `N passed, N failed[, N skipped]`.
 * Colours only on a TTY and never with NO_COLOR (picocolors decides).
 */
import pc from 'picocolors';
import { renderFailure } from '../failure.ts';
import type { ExerciseResult, PartResult, RunResult, TestResult } from './model.ts';
import { points } from './points.ts';

const mark = { passed: pc.green('✓'), failed: pc.red('✗'), skipped: pc.dim('—') } as const;

function indent(text: string, by = '    '): string {
  return text
    .split('\n')
    .map((line) => by + line)
    .join('\n');
}

/**
 * What a student reads about a test: its failure rendered from data (summary, sections, hint),
 * or, for an error that is not a grader's verdict (a vitest timeout, a grader bug), its text.
 * `withHint: false` leaves the part's hint out.
 */
export function testText(test: TestResult, options: { withHint?: boolean } = {}): string {
  if (test.failure !== undefined) return renderFailure(test.failure, options);
  return test.message ?? '(no message)';
}

/** What makes two failures "the same": their kind and summary, or the whole text of a failure that has no data. */
function sameness(test: TestResult): string {
  return test.failure === undefined ? `text\0${test.message ?? ''}` : `${test.failure.kind}\0${test.failure.summary}`;
}

/**
 * When the failures of several parts are all the same (a compile error, a crash at import), the
 * one failure to print instead of each test's (without a part's hint), under a heading that
 * names the parts, e.g. `2 parts failed the same way (Part A · Output size, Part B · Correlation)`.
 * Undefined when only one part failed (its own tests, with its name, say it better), when the
 * failures differ, or when they are stubs (each part then says which function to write).
 */
export function sharedFailure(exercise: ExerciseResult): { heading: string; message: string } | undefined {
  const parts = exercise.parts.filter((p) => p.tests.some((t) => t.status === 'failed'));
  if (parts.length < 2) return undefined;
  const failures = parts.flatMap((p) => p.tests.filter((t) => t.status === 'failed'));
  if (new Set(failures.map(sameness)).size !== 1 || failures[0].failure?.kind === 'stub') return undefined;
  const which = parts.length === exercise.parts.length ? 'every part' : `${parts.length} parts`;
  const names = parts.map((p) => `Part ${p.id} · ${p.title}`).join(', ');
  return { heading: `${which} failed the same way (${names})`, message: testText(failures[0], { withHint: false }) };
}

/** Every failed test (and every test skipped with a reason), with its message, grouped by exercise and part. */
export function formatFailures(run: RunResult): string {
  const blocks: string[] = [];
  for (const exercise of run.exercises) {
    if (exercise.error) blocks.push(`${pc.red('✗')} ${pc.bold(exercise.id)}: the grader could not run\n${indent(exercise.error)}`);
    const same = sharedFailure(exercise);
    if (same) {
      blocks.push(`${mark.failed} ${pc.bold(`${exercise.id}: ${same.heading}`)}\n${indent(same.message)}`);
      continue;
    }
    for (const part of exercise.parts) {
      const failed = part.tests.filter((t) => t.status === 'failed');
      // A part whose functions are all still stubs needs one line, not one per test.
      if (failed.length > 0 && failed.every((t) => t.failure?.kind === 'stub')) {
        const backends = [...new Set(failed.map((t) => t.backend))].join(', ');
        blocks.push(`${mark.failed} ${pc.bold(`${exercise.id} · Part ${part.id} · ${part.title}`)} ${pc.dim(`[${backends}]`)}\n${indent(testText(failed[0]))}`);
        continue;
      }
      // Tests taken out of the score while running (a known backend bug) say why, too.
      for (const test of part.tests.filter((t) => t.status === 'failed' || (t.status === 'skipped' && t.message !== undefined))) {
        const title = `${exercise.id} · Part ${part.id} · ${part.title} › ${test.name}`;
        blocks.push(`${mark[test.status]} ${pc.bold(title)} ${pc.dim(`[${test.backend}]`)}\n${indent(testText(test))}`);
      }
    }
  }
  for (const error of run.errors) blocks.push(`${pc.red('✗')} ${error}`);
  return blocks.join('\n\n');
}

function partRow(part: PartResult, backends: string[], titleWidth: number): string {
  const cells = backends.map((name) => {
    const status = part.backends.find((b) => b.backend === name)?.status ?? 'skipped';
    return mark[status] + ' '.repeat(Math.max(0, name.length - 1));
  });
  const earned = `${points(part.score)}/${points(part.maxScore)}${part.bonus ? ' bonus' : ''}`;
  const paint = part.status === 'passed' ? pc.green : part.status === 'failed' ? pc.red : pc.dim;
  return `  ${part.id.padEnd(4)}${part.title.padEnd(titleWidth)}  ${cells.join('  ')}  ${paint(earned)}`;
}

/** The score table of a run. */
export function formatScoreTable(run: RunResult): string {
  const backends = run.backends.map((b) => b.name);
  const lines: string[] = [];
  const titleWidth = Math.max(24, ...run.exercises.flatMap((e) => e.parts.map((p) => p.title.length)));
  for (const exercise of run.exercises) {
    lines.push(`${pc.bold(`${exercise.id} · ${exercise.title}`)}`);
    lines.push(pc.dim(`  ${'part'.padEnd(4)}${''.padEnd(titleWidth)}  ${backends.join('  ')}  points`));
    for (const part of exercise.parts) lines.push(partRow(part, backends, titleWidth));
    const bonus = exercise.parts.filter((p) => p.bonus).reduce((sum, p) => sum + p.score, 0);
    const total = `${points(exercise.score - bonus)}/${points(exercise.maxScore)}${bonus > 0 ? ` (+${points(bonus)} bonus)` : ''}`;
    lines.push(`  ${'total'.padEnd(4 + titleWidth)}  ${' '.repeat(backends.join('  ').length)}  ${pc.bold(total)}`);
  }
  if (run.exercises.length > 1) {
    const score = run.exercises.reduce((s, e) => s + e.score, 0);
    const max = run.exercises.reduce((s, e) => s + e.maxScore, 0);
    lines.push(pc.bold(`course total: ${points(score)}/${points(max)}`));
  }
  if (run.filtered) lines.push(pc.yellow('(filtered run: only some tests ran — a -t filter, a replay or a backend subset; the score is not your full score)'));
  return lines.join('\n');
}

/** The closing line: `N passed, N failed` plus `, N skipped` where relevant. */
export function formatCounts(run: RunResult): string {
  const { passed, failed, skipped } = run.counts;
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

/** The header printed before grading starts. */
export function formatHeader(
  target: string,
  seed: string,
  backends: { name: string; adapter: string }[],
  unavailable: { name: string; reason: string }[],
): string {
  const used = backends.map((b) => (b.name === 'cpu' ? 'cpu' : `${b.name}: ${b.adapter}`)).join(', ');
  const lines = [`Grading ${target} · run seed '${seed}' · backends: ${used}`];
  for (const u of unavailable) lines.push(pc.dim(`${u.name}: skipped — ${u.reason}`));
  return lines.join('\n');
}
