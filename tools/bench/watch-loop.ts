/**
 * Bench entry: watch mode's save → first verdict. Starts `npm run watch -- <exercise>` on a copy
 * of the exercise's reference solution (a GRADE_TARGET folder in a temporary directory), then saves
 * the student's file `runs` times — a wrong edit (one of the exercise's mutants) and the correct
 * file in turn — and times each save to the first verdict line on the watch's output, and to
 * the complete result. Between saves it waits `thinkMs`, as a student reads the screen.
 * `npm run bench -- --watch` runs it (target: ≤ 1.0 s median on cpu for exercise 01).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findExercise } from '../../graders/support/course.ts';
import { applyEdits } from '../../graders/support/mutants/apply.ts';
import type { Mutant } from '../../graders/support/mutants/define.ts';
import { repoRoot, solutionsDir } from '../../graders/support/paths.ts';
import type { BenchTiming } from './verify-steps.ts';

/** The first verdict after a save: the focused part's line, or a complete screen's. */
export const verdictLine = /^(?:[✓✗?] Part [A-Z]+ · |First failing part: |Every part of |✗ exercise-\d+: the grader could not run)/;
/** The line that ends a complete screen (every part graded). */
export const completeLine = /^(?:First failing part: |Every part of |✗ exercise-\d+: the grader could not run)/;

export interface WatchBenchOptions {
  exercise: string;
  /** Timed saves (half wrong, half correct); one unmeasured pair comes first. */
  runs: number;
  /** Pause after each complete result before the next save (default 3 s). */
  thinkMs?: number;
  /** `npm run watch -- <id> --cold`: a fresh `vitest run` per save, the loop before it was kept warm. */
  cold?: boolean;
  /** Extra environment for the watch (e.g. cpu only). */
  env?: NodeJS.ProcessEnv;
}

/** A wrong version of the solution's entry file: the first mutant (by name) aimed at one required part. */
async function wrongEdit(exerciseId: string, source: string): Promise<{ name: string; text: string }> {
  const dir = path.join(repoRoot, 'graders', 'mutants', exerciseId);
  const exercise = findExercise(exerciseId);
  const required = new Set(exercise.parts.filter((p) => !p.bonus).map((p) => p.id));
  for (const file of readdirSync(dir).sort()) {
    const mutant = (await import(path.join(dir, file))).default as Mutant;
    if (mutant.targets.length !== 1 || !required.has(mutant.targets[0])) continue;
    try {
      return { name: `${path.basename(file, '.ts')} (part ${mutant.targets[0]})`, text: applyEdits(source, mutant.edits) };
    } catch {
      // Its edits do not apply to this solution: try the next one.
    }
  }
  throw new Error(`bench watch: expected a mutant of ${exerciseId} aimed at one required part, found none in ${dir}`);
}

/** Lines of a child's output, each with the time it arrived, and a way to wait for one. */
class Lines {
  private readonly seen: { at: number; text: string }[] = [];
  private partial = '';
  private waiter: (() => void) | undefined;

  push(chunk: Buffer): void {
    const lines = (this.partial + chunk.toString('utf8')).split('\n');
    this.partial = lines.pop() ?? '';
    const at = performance.now();
    for (const text of lines) this.seen.push({ at, text: text.trimEnd() });
    this.waiter?.();
  }

  /** The first line matching `pattern` that arrived after `since` (ms, performance.now()). */
  async next(pattern: RegExp, since: number, timeoutMs: number): Promise<{ at: number; text: string }> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const found = this.seen.find((l) => l.at >= since && pattern.test(l.text));
      if (found !== undefined) return found;
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`bench watch: no line matching ${pattern} within ${timeoutMs / 1000} s; last lines:\n${this.tail()}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  tail(): string {
    return this.seen
      .slice(-15)
      .map((l) => l.text)
      .join('\n');
  }
}

/**
 * Times `runs` saves in watch mode: save → first verdict, and save → complete result.
 *
 * @example await benchWatchLoop({ exercise: 'exercise-01', runs: 6 }) → [{ name: 'watch exercise-01: save → first verdict', seconds: [0.8, …] }, …]
 */
export async function benchWatchLoop(options: WatchBenchOptions): Promise<BenchTiming[]> {
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error(`benchWatchLoop: expected a whole number of runs ≥ 1, got ${options.runs}.`);
  const exercise = findExercise(options.exercise);
  const target = mkdtempSync(path.join(tmpdir(), 'bench-watch-'));
  cpSync(path.join(solutionsDir, exercise.folder), path.join(target, exercise.folder), { recursive: true });
  const file = path.join(target, exercise.folder, exercise.files[0]);
  const right = readFileSync(file, 'utf8');
  const wrong = await wrongEdit(exercise.id, right);
  const thinkMs = options.thinkMs ?? 3000;
  const child = spawn(process.execPath, [path.join(repoRoot, 'tools', 'student', 'launch.mjs'), 'watch', exercise.id, ...(options.cold ? ['--cold'] : [])], {
    cwd: repoRoot,
    env: { ...process.env, ...options.env, GRADE_TARGET: target, NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = new Lines();
  child.stdout.on('data', (c: Buffer) => lines.push(c));
  child.stderr.on('data', (c: Buffer) => lines.push(c));
  const first: number[] = [];
  const complete: number[] = [];
  try {
    await lines.next(completeLine, 0, 300_000);
    // One unmeasured wrong/right pair: the watch learns which part is in focus.
    for (let i = -2; i < options.runs; i++) {
      await new Promise((resolve) => setTimeout(resolve, thinkMs));
      const isWrong = (i + 2) % 2 === 0;
      const saved = performance.now();
      writeFileSync(file, isWrong ? wrong.text : right);
      const verdict = await lines.next(verdictLine, saved, 300_000);
      const done = completeLine.test(verdict.text) ? verdict : await lines.next(completeLine, saved, 300_000);
      const expected = isWrong ? /^(✗|First failing)/ : /^(✓|Every part)/;
      if (!expected.test(verdict.text)) process.stderr.write(`warning: bench watch: a ${isWrong ? 'wrong' : 'correct'} save showed '${verdict.text}'\n`);
      if (i < 0) continue;
      first.push((verdict.at - saved) / 1000);
      complete.push((done.at - saved) / 1000);
      process.stderr.write(
        `  watch ${exercise.id}: save ${i + 1}/${options.runs} → first verdict ${first.at(-1)!.toFixed(2)} s, complete ${complete.at(-1)!.toFixed(2)} s\n`,
      );
    }
  } finally {
    child.kill('SIGINT');
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(undefined);
      }, 15_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve(undefined);
      });
    });
    rmSync(target, { recursive: true, force: true });
  }
  const flag = options.cold ? ' --cold' : '';
  const command = `npm run watch -- ${exercise.id}${flag} (saves: ${wrong.name} and the correct file in turn)`;
  const kind = options.cold ? 'cold watch (a vitest run per save)' : 'watch';
  return [
    { name: `${kind} ${exercise.id}: save → first verdict`, command, seconds: first },
    { name: `${kind} ${exercise.id}: save → complete result`, command, seconds: complete },
  ];
}
