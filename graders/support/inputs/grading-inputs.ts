/**
 * The one list of files that decide an exercise's grade, derived from the code: the import graphs
 * (esbuild's metafile) of the exercise's grader files, its driver, the student's process runner,
 * the reporter and vitest.config.ts, the live reference solution, and the shared code a graded
 * submission may bundle; plus the data files that code reads at run time, which
 * no import graph can see, declared once in course.json (`gradingData`, course-wide and per
 * exercise), and the sealed recording of a release (reference.ts names it). The grade cache key,
 * the driver bundle cache and the release manifest all read this list.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadCourse, type Course, type Exercise } from '../course.ts';
import { repoRoot } from '../paths.ts';
import { sealedFile, solutionFile } from '../reference.ts';
import { importGraph } from './import-graph.ts';
import { listFiles } from './list-files.ts';

/**
 * Entry modules of every grading, whatever the exercise: vitest's configuration, the reporter it
 * names by path (a string, not an import), and the runner bundled for the student's process
 * (client.ts names it by path).
 */
export const harnessEntries = ['vitest.config.ts', 'graders/support/reporter.ts', 'graders/support/sandbox/runner-main.ts'];

/** Folders a submission may bundle from besides its own (bundle.ts confines it to these). */
export const submissionSharedRoots = ['datasets', 'node_modules'];

/** The exercise's grader files: what vitest's `include` (`graders/exercise-*\/**\/*.test.ts`) runs. */
export function graderEntries(exercise: Exercise, root = repoRoot): string[] {
  return listFiles(root, [`graders/${exercise.folder}`]).filter((file) => file.endsWith('.test.ts'));
}

/** The exercise's driver (trusted code run in the student's process), whether or not it exists. */
export function driverEntry(exercise: Exercise): string {
  return `graders/${exercise.folder}/driver.ts`;
}

/** What decides a grade, repository-relative and sorted. */
export interface GradingInputs {
  /** Entry modules whose import graphs were followed. */
  entries: string[];
  /** Every file of those graphs. */
  code: string[];
  /** Files read at run time (declared in course.json, the sealed recording), present or not. */
  data: string[];
  /** Files on the list whether or not they exist (the driver, the live reference): their arrival counts. */
  optional: string[];
  /** `code` and `data` together, without the graded submission's own folder. */
  files: string[];
}

export interface GradingInputsOptions {
  root?: string;
  course?: Course;
  /** The graded folder (laid out like exercises/): the shared code it may bundle counts, its own folder does not. Default: none. */
  target?: string;
}

const codeFile = /\.[cm]?[jt]s$/;

/**
 * The shared code a submission may bundle: every TypeScript/JavaScript file under the roots
 * bundle.ts lets it import besides its own folder (npm packages stand as package-lock.json). Not
 * the submission's own import graph: that would mean bundling untrusted code here, outside the
 * confinement (esbuild's synchronous API takes no plugins), on every cached `npm start`.
 */
export function submissionSharedCode(root = repoRoot): string[] {
  return listFiles(
    root,
    submissionSharedRoots.filter((r) => r !== 'node_modules'),
  ).filter((file) => codeFile.test(file));
}

/**
 * The files that decide how `exercise` is graded (in `options.target`, when given).
 *
 * @example gradingInputs(findExercise('exercise-03')).files
 *   → ['course.json', 'datasets/bars/prng.ts', 'datasets/kernels/register.ts', …, 'graders/exercise-03-residual-block/driver.ts', …, 'vitest.config.ts']
 */
export function gradingInputs(exercise: Exercise, options: GradingInputsOptions = {}): GradingInputs {
  const root = options.root ?? repoRoot;
  const course = options.course ?? loadCourse(path.join(root, 'course.json'));
  const solution = path
    .relative(root, solutionFile(exercise, path.join(root, 'solutions')))
    .split(path.sep)
    .join('/');
  const entries = [...graderEntries(exercise, root), driverEntry(exercise), solution, ...harnessEntries].filter((file) => existsSync(path.join(root, file)));
  const code = new Set(importGraph(root, entries));
  if (options.target !== undefined) for (const file of submissionSharedCode(root)) code.add(file);
  const sealed = path.relative(root, sealedFile(exercise, root)).split(path.sep).join('/');
  // Declared folders are walked; a declared file that is absent (a release's sealed recording in
  // this repository, the reference in a release) is still listed: its arrival changes the grade.
  const declared = [...(course.gradingData ?? []), ...(exercise.gradingData ?? [])];
  const data = new Set([...declared.flatMap((p) => (isFolder(root, p) ? listFiles(root, [p]) : [p])), sealed, driverEntry(exercise), solution]);
  for (const file of code) data.delete(file);
  const own = options.target === undefined ? undefined : path.relative(root, path.join(options.target, exercise.folder)).split(path.sep).join('/');
  const files = [...new Set([...code, ...data])].filter((file) => own === undefined || !(file === own || file.startsWith(`${own}/`))).sort();
  return { entries: entries.sort(), code: [...code].sort(), data: [...data].sort(), optional: [driverEntry(exercise), solution], files };
}

function isFolder(root: string, relative: string): boolean {
  const absolute = path.join(root, relative);
  return existsSync(absolute) && statSync(absolute).isDirectory();
}
