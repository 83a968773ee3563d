/**
 * Finds and materialises the hostile submissions of an exercise (mutants are graded in batches:
 * tools/release/check/mutant-batches.ts).
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Exercise } from '../../graders/support/course.ts';
import { repoRoot, solutionsDir, stateDir } from '../../graders/support/paths.ts';
import { materialise } from '../../graders/support/mutants/apply.ts';
import type { Hostile, Mutant } from '../../graders/support/mutants/define.ts';

/** A mutant or hostile definition with its name and where it was materialised. */
export interface Materialised<T> {
  name: string;
  definition: T;
  /** A GRADE_TARGET folder. */
  target: string;
}

async function load<T>(kind: 'mutants' | 'hostile', exercise: Exercise): Promise<Materialised<T>[]> {
  const dir = path.join(repoRoot, 'graders', kind, exercise.id);
  if (!existsSync(dir)) return [];
  const out: Materialised<T>[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const name = path.basename(file, '.ts');
    const definition = ((await import(path.join(dir, file))) as { default: T }).default;
    const target = path.join(stateDir, kind, exercise.id, name);
    materialise(path.join(solutionsDir, exercise.folder), exercise.files[0], (definition as { edits: Mutant['edits'] }).edits, target);
    out.push({ name, definition, target });
  }
  return out;
}

/** The exercise's hostile submissions, materialised under .grade/hostile/. */
export function loadHostile(exercise: Exercise): Promise<Materialised<Hostile>[]> {
  return load<Hostile>('hostile', exercise);
}
