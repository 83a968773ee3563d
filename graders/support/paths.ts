/**
 * Where things are: the repository, the folder being graded, and the ignored state folder.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gradeTarget } from './settings.ts';

/** The repository root (the folder holding course.json). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The one ignored folder for generated state: builds, results, caches. */
export const stateDir = path.join(repoRoot, '.grade');

/** The hidden reference solutions (absent from a student release). */
export const solutionsDir = path.join(repoRoot, 'solutions');

/**
 * The folder being graded: `GRADE_TARGET` (absolute, or relative to the repository root),
 * default `exercises`. It is laid out like `exercises/`: one sub-folder per exercise.
 *
 * @example GRADE_TARGET=solutions npm test exercise-01
 */
export function targetDir(env: NodeJS.ProcessEnv = process.env): string {
  const raw = gradeTarget.read(env);
  const dir = path.resolve(repoRoot, raw);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new Error(`GRADE_TARGET: expected a folder laid out like exercises/ (one sub-folder per exercise), got '${raw}' (${dir} does not exist).`);
  }
  return dir;
}

/** A path relative to the repository root, with forward slashes, for messages. */
export function shortPath(file: string): string {
  const relative = path.relative(repoRoot, file);
  return (relative.startsWith('..') ? file : relative).split(path.sep).join('/');
}
