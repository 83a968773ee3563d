/**
 * Grades exercises the way `npm test <id>` does — one `vitest run` writing a RunResult file —
 * but only those whose cached result is not current. Used by `npm start` and watch mode, so they
 * can never disagree with `npm test` on a score: the numbers they show are that run's.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Exercise } from '../../graders/support/course.ts';
import { repoRoot, shortPath } from '../../graders/support/paths.ts';
import { cacheFile, cacheSchema, currentInputs, lookup, sliceRun, storeEntry, type CacheEntry, type CacheInputs } from './grade-cache.ts';
import { gradeRun } from './grade-run.ts';
import { hashStudentFiles, missingFileLine, studentFiles } from './student-files.ts';
import { gradeTarget } from '../../graders/support/settings.ts';

/** Where one exercise stands after {@link gradeExercises}. */
export interface ExerciseState {
  exercise: Exercise;
  /** The result for the files as they are now (absent when it could not be graded). */
  entry?: CacheEntry;
  /** Graded by this call rather than read from the cache. */
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
  gradings: number;
}

/** Looks at one exercise: a problem, a current cached result, or something to grade. */
function inspect(exercise: Exercise, options: GradingOptions, root: string): { state: ExerciseState; pending?: Pending } {
  const state: ExerciseState = { exercise, graded: false, notes: [] };
  const missing = studentFiles(exercise, options.target).missing;
  if (missing.length > 0) return { state: { ...state, problem: missingFileLine(exercise, missing[0]) } };
  if (!hasGrader(exercise, root))
    return { state: { ...state, problem: `${exercise.id} has no grader yet (expected a *.test.ts in graders/${exercise.folder}/).` } };
  const inputs = currentInputs(exercise, options.target, root);
  const found = lookup(cacheFile(exercise.id, options.target, root), exercise.id, inputs);
  if (found.state === 'fresh' && !options.force) return { state: { ...state, entry: found.entry } };
  if (found.state === 'unreadable') state.notes.push(found.note);
  const gradings = found.state === 'fresh' || found.state === 'stale' ? found.entry.gradings : 0;
  const why = options.force ? 'asked to re-grade' : found.state === 'stale' ? found.reasons.join(', ') : 'no earlier result';
  return { state, pending: { state, why, inputs, gradings } };
}

/** GRADE_TARGET as the student set it (or unset), so failures print the replay command `npm test` prints. */
function targetAsSet(target: string, root: string): string | undefined {
  const raw = gradeTarget.read();
  return path.resolve(root, raw) === path.resolve(target) ? (raw === 'exercises' ? undefined : raw) : target;
}

/** Grades every pending exercise in one vitest run and records each result. */
async function gradePending(pending: Pending[], options: GradingOptions, root: string): Promise<void> {
  const ids = pending.map((p) => p.state.exercise.id);
  // GRADE_PATH would grade one case only.
  const env = { GRADE_PATH: undefined, GRADE_TARGET: targetAsSet(options.target, root) };
  const run = await gradeRun({ target: options.target, exercises: ids, cwd: root, signal: options.signal, env });
  if (options.signal?.aborted) throw new GradingStopped('grading stopped');
  for (const { state, inputs, gradings } of pending) {
    const id = state.exercise.id;
    const result = run.result === undefined ? undefined : sliceRun(run.result, id);
    if (result === undefined) {
      state.problem = `grading ${id} produced no result (vitest exited with code ${run.exitCode}: ${lastLine(run.output)}); run \`npm test ${id}\` to see why.`;
      continue;
    }
    const entry: CacheEntry = {
      schema: cacheSchema,
      exercise: id,
      inputs: { ...inputs, seed: result.seed },
      gradings: gradings + 1,
      gradedAt: new Date().toISOString(),
      result,
    };
    state.entry = entry;
    state.graded = true;
    // A save during the run may not be what was graded: show the result, but do not reuse it.
    if (hashStudentFiles(studentFiles(state.exercise, options.target)) === inputs.student) storeEntry(cacheFile(id, options.target, root), entry);
    else state.notes.push(`${shortPath(path.join(options.target, state.exercise.folder))} changed while it was graded; it will be graded again`);
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
