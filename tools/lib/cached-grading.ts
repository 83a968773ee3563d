/**
 * Grades exercises the way `npm test <id>` does — one `vitest run` writing a RunResult file —
 * but only those whose stored result is not current, and records each result in the one result
 * store (graders/support/results/store.ts) with the inputs it was graded from. Used by
 * `npm start` and watch mode, so they can never disagree with `npm test` on a score: both read
 * and write the same store.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Exercise } from '../../graders/support/course.ts';
import { repoRoot, shortPath } from '../../graders/support/paths.ts';
import { readStoreEntry, recordRun, type StoredGrading } from '../../graders/support/results/store.ts';
import { type CacheInputs, currentInputs, inputReasons } from './grade-cache.ts';
import { type GradeRun, type GradeRunOptions, gradeRun } from './grade-run.ts';
import { hashStudentFiles, missingFileLine, studentFiles } from './student-files.ts';
import { gradeTarget } from '../../graders/support/settings.ts';

/** Where one exercise stands after {@link gradeExercises}. */
export interface ExerciseState {
  exercise: Exercise;
  /** The complete grading of the files as they are now (absent when it could not be graded). */
  entry?: StoredGrading;
  /** Graded by this call rather than read from the store. */
  graded: boolean;
  /** Why it has no result: one line saying what was expected and what to run. */
  problem?: string;
  /** Things the student should know, e.g. an unreadable cache that was replaced. */
  notes: string[];
}

export interface GradingOptions {
  /** The graded folder (absolute): `targetDir()` normally. */
  target: string;
  /** Repository root (tests run a copy). */
  root?: string;
  /** Grade even when the cache is current. */
  force?: boolean;
  /** Stops a grading in progress (it then throws {@link GradingStopped}). */
  signal?: AbortSignal;
  /** Called once before a grading starts, with each exercise to grade and why. */
  onGrading?: (why: Map<string, string>) => void;
  /** Runs the grading (default: a fresh `vitest run`; watch mode passes its warm one). */
  gradeRun?: (options: GradeRunOptions) => Promise<GradeRun>;
}

/** A grading was stopped by its signal (Ctrl-C in watch mode). */
export class GradingStopped extends Error {
  override name = 'GradingStopped';
}

function hasGrader(exercise: Exercise, root: string): boolean {
  const dir = path.join(root, 'graders', exercise.folder);
  return existsSync(dir) && readdirSync(dir).some((name) => name.endsWith('.test.ts'));
}

/** The last lines of a crashed run's output, for the one-line problem report. */
function lastLine(output: string): string {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return lines.at(-1) ?? '(no output)';
}

/** An exercise that must be graded: why, what it is graded from, and its count so far. */
interface Pending {
  state: ExerciseState;
  why: string;
  inputs: CacheInputs;
}

/**
 * Why a stored grading cannot be reused for `now`: one reason per changed input; none when it
 * can. A grading recorded without inputs (by `npm test`) and `GRADE_SEED=random` are never reused.
 */
export function staleReasons(stored: StoredGrading, now: CacheInputs): string[] {
  if (stored.inputs === undefined) return ['graded by npm test, whose inputs are not recorded'];
  const current: Record<string, string> = { ...now };
  const changed = Object.keys(current).filter((key) => stored.inputs?.[key] !== current[key]);
  if (now.seed === 'random') changed.push('seed');
  const reasons: Record<string, string> = inputReasons;
  return [...new Set(changed.map((key) => reasons[key] ?? 'the grading inputs changed'))];
}

/** Looks at one exercise: a problem, a current stored result, or something to grade. */
function inspect(exercise: Exercise, options: GradingOptions, root: string): { state: ExerciseState; pending?: Pending } {
  const state: ExerciseState = { exercise, graded: false, notes: [] };
  const missing = studentFiles(exercise, options.target).missing;
  if (missing.length > 0) return { state: { ...state, problem: missingFileLine(exercise, missing[0]) } };
  if (!hasGrader(exercise, root))
    return { state: { ...state, problem: `${exercise.id} has no grader yet (expected a *.test.ts in graders/${exercise.folder}/).` } };
  const inputs = currentInputs(exercise, options.target, root);
  const { entry, note } = readStoreEntry(exercise.id, options.target, root);
  if (note !== undefined) state.notes.push(note);
  const stored = entry?.complete;
  const reasons = stored === undefined ? ['no earlier result'] : staleReasons(stored, inputs);
  if (reasons.length === 0 && !options.force) return { state: { ...state, entry: stored } };
  return { state, pending: { state, why: options.force ? 'asked to re-grade' : reasons.join(', '), inputs } };
}

/** GRADE_TARGET as the student set it (or unset), so failures print the replay command `npm test` prints. */
function targetAsSet(target: string, root: string): string | undefined {
  const raw = gradeTarget.read();
  return path.resolve(root, raw) === path.resolve(target) ? (raw === 'exercises' ? undefined : raw) : target;
}

/** Grades every pending exercise in one vitest run and records each result in the store. */
async function gradePending(pending: Pending[], options: GradingOptions, root: string): Promise<void> {
  const ids = pending.map((p) => p.state.exercise.id);
  // GRADE_PATH would grade one case only.
  const env = { GRADE_PATH: undefined, GRADE_TARGET: targetAsSet(options.target, root) };
  const run = await (options.gradeRun ?? gradeRun)({ target: options.target, exercises: ids, cwd: root, signal: options.signal, env });
  if (run.result?.filtered === true)
    throw new Error(`grading ${ids.join(', ')} ran only some of the tests (a filter in the environment?); expected a complete run.`);
  if (options.signal?.aborted) throw new GradingStopped('grading stopped');
  // A save during the run may not be what was graded: record the result without its inputs, so it is shown but never reused.
  const unchanged = new Set(
    pending.filter((p) => hashStudentFiles(studentFiles(p.state.exercise, options.target)) === p.inputs.student).map((p) => p.state.exercise.id),
  );
  const byId = new Map(pending.map((p) => [p.state.exercise.id, p]));
  const recorded =
    run.result === undefined
      ? new Map<string, StoredGrading>()
      : recordRun(run.result, {
          target: options.target,
          root,
          inputs: (id) => {
            const inputs = byId.get(id)?.inputs;
            return inputs === undefined || !unchanged.has(id) ? undefined : { ...inputs, seed: run.result!.seed };
          },
        });
  for (const { state } of pending) {
    const id = state.exercise.id;
    const stored = recorded.get(id);
    if (stored === undefined) {
      state.problem = `grading ${id} produced no result (vitest exited with code ${run.exitCode}: ${lastLine(run.output)}); run \`npm test ${id}\` to see why.`;
      continue;
    }
    state.entry = stored;
    state.graded = true;
    if (!unchanged.has(id))
      state.notes.push(`${shortPath(path.join(options.target, state.exercise.folder))} changed while it was graded; it will be graded again`);
  }
}

/**
 * Returns each exercise's current result, grading (in one vitest run) those whose cached result
 * does not match the current inputs. Order follows `exercises`.
 */
export async function gradeExercises(exercises: Exercise[], options: GradingOptions): Promise<ExerciseState[]> {
  const root = options.root ?? repoRoot;
  const inspected = exercises.map((exercise) => inspect(exercise, options, root));
  const pending = inspected.flatMap((i) => (i.pending === undefined ? [] : [i.pending]));
  if (pending.length > 0) {
    options.onGrading?.(new Map(pending.map((p) => [p.state.exercise.id, p.why])));
    await gradePending(pending, options, root);
  }
  return inspected.map((i) => i.state);
}
