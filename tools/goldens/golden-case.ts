/**
 * A golden case: a submission (the solution or the stub of one exercise, optionally edited like a
 * mutant) that `goldens.spec.ts` grades with the real runner and compares with the case's
 * committed `expected.json`. Each case lives in `cases/<name>/case.ts`.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findExercise } from '../../graders/support/course.ts';
import { materialise } from '../../graders/support/mutants/apply.ts';
import type { Edit, Mutant } from '../../graders/support/mutants/define.ts';
import { repoRoot, stateDir } from '../../graders/support/paths.ts';
import type { ExerciseResult, RunResult } from '../../graders/support/results/model.ts';

export interface GoldenCase {
  /** What the submission is, in a sentence. */
  description: string;
  /** The one exercise graded, e.g. 'exercise-05'. */
  exercise: string;
  /** The folder the submission starts from: the reference solution or the stub. */
  from: 'solutions' | 'exercises';
  /** A mutant of graders/mutants/<exercise>/ whose edits are applied (a realistic mistake). */
  mutant?: string;
  /** Edits of the entry file, for a submission no mutant describes (applied after the mutant's). */
  edits?: Edit[];
  /**
   * What the golden must mean, asserted on the normalised result with `expect`: a regenerated
   * golden that lost its meaning (full marks no longer full) fails here, not only in review.
   */
  means(result: RunResult): void;
}

/** Declares a golden case (identity function, for type checking). */
export function defineGoldenCase(c: GoldenCase): GoldenCase {
  return c;
}

/** The folder that holds one folder per case. */
export const casesDir = path.join(repoRoot, 'tools', 'goldens', 'cases');

/** The names of the cases (folders of `casesDir` with a case.ts), sorted. */
export function caseNames(): string[] {
  return readdirSync(casesDir)
    .filter((name) => existsSync(path.join(casesDir, name, 'case.ts')))
    .sort();
}

/** Loads `cases/<name>/case.ts`. */
export async function loadCase(name: string): Promise<GoldenCase> {
  const file = path.join(casesDir, name, 'case.ts');
  return ((await import(pathToFileURL(file).href)) as { default: GoldenCase }).default;
}

/**
 * Writes the case's submission as a folder laid out like exercises/ (a GRADE_TARGET) under
 * `.grade/goldens/<name>/` and returns it. Inside the repository, so the result's `target` is the
 * same relative path on every machine.
 *
 * @example await materialiseCase('exercise-01-bias-ignored', c) → '/…/.grade/goldens/exercise-01-bias-ignored'
 */
export async function materialiseCase(name: string, c: GoldenCase): Promise<string> {
  const exercise = findExercise(c.exercise);
  const edits: Edit[] = [];
  if (c.mutant !== undefined) {
    const file = path.join(repoRoot, 'graders', 'mutants', exercise.id, `${c.mutant}.ts`);
    if (!existsSync(file)) throw new Error(`golden case ${name}: expected a mutant file ${path.relative(repoRoot, file)}, found none`);
    edits.push(...((await import(pathToFileURL(file).href)) as { default: Mutant }).default.edits);
  }
  edits.push(...(c.edits ?? []));
  const target = path.join(stateDir, 'goldens', name);
  materialise(path.join(repoRoot, c.from, exercise.folder), exercise.files[0], edits, target);
  return target;
}

/** The result of `id` in `run`; throws naming the exercises it has when it is not there. */
export function exerciseIn(run: RunResult, id: string): ExerciseResult {
  const found = run.exercises.find((e) => e.id === id);
  if (found === undefined) throw new Error(`expected a result for ${id}, got ${run.exercises.map((e) => e.id).join(', ') || 'none'}`);
  return found;
}

/** The failure kinds of an exercise's failed tests, one each, sorted. */
export function failureKinds(exercise: ExerciseResult): string[] {
  const kinds = exercise.parts.flatMap((p) => p.tests.filter((t) => t.status === 'failed').map((t) => t.failure?.kind ?? 'no failure data'));
  return [...new Set(kinds)].sort();
}
