/**
 * The student's files of an exercise: the ones course.json lists (`files`, which must exist) plus
 * any other module in the exercise's folder (a student may split their code into helpers, and
 * some exercises ship a helper module beside the stub). These are what grading compiles, so they
 * are what the cache hashes and what watch mode watches. READMEs, editor swap files and reset's
 * backups are not.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Exercise } from '../../graders/support/course.ts';
import { shortPath } from '../../graders/support/paths.ts';

const moduleExtensions = new Set(['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json']);

/**
 * Whether a file name in an exercise folder is a module grading may compile.
 *
 * @example isModuleFile('convolution.ts') === true; isModuleFile('.convolution.ts.swp') === false;
 *          isModuleFile('convolution.ts.bak-20260101-120000') === false
 */
export function isModuleFile(name: string): boolean {
  return !name.startsWith('.') && !name.endsWith('~') && moduleExtensions.has(path.extname(name));
}

/** The exercise's folder in the graded tree (`<target>/<folder>`). */
export function exerciseDir(exercise: Exercise, target: string): string {
  return path.join(target, exercise.folder);
}

/** What is on disk for one exercise. */
export interface StudentFiles {
  dir: string;
  /** Absolute paths of every module file, sorted by name. */
  modules: string[];
  /** Files course.json lists that do not exist (absolute paths). */
  missing: string[];
}

/** Lists the exercise's module files in `target` and the listed files that are missing. */
export function studentFiles(exercise: Exercise, target: string): StudentFiles {
  const dir = exerciseDir(exercise, target);
  const names = existsSync(dir) ? readdirSync(dir).filter((name) => isModuleFile(name) && statSync(path.join(dir, name)).isFile()) : [];
  const missing = exercise.files.filter((file) => !names.includes(file)).map((file) => path.join(dir, file));
  return { dir, modules: names.sort().map((name) => path.join(dir, name)), missing };
}

/** SHA-256 over the names and contents of the module files: what "the student's code" is. */
export function hashStudentFiles(files: StudentFiles): string {
  const hash = createHash('sha256');
  for (const file of files.modules)
    hash
      .update(`${path.basename(file)}\0`)
      .update(readFileSync(file))
      .update('\0');
  for (const file of files.missing) hash.update(`missing ${path.basename(file)}\0`);
  return hash.digest('hex');
}

/** The one line for a listed file that is gone, naming the command that brings the stub back. */
export function missingFileLine(exercise: Exercise, file: string): string {
  return `${shortPath(file)} is missing: ${exercise.id} expects it (course.json "files"); run \`npm run reset -- ${exercise.id}\` to get the stub back.`;
}
