/**
 * The submissions of a class: one entry per student in the submissions folder, each a folder laid
 * out like exercises/ (one sub-folder per exercise). Anything else is kept as a malformed entry
 * with the reason, so it gets its own line in the gradebook instead of stopping the run.
 */
import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Course } from '../../../graders/support/course.ts';

/** One entry of the submissions folder. */
export interface Submission {
  /** The entry's name: the student's identifier in the gradebook. */
  student: string;
  /** Absolute path of the entry. */
  source: string;
  /** Why it cannot be graded at all (not a folder, a link, no exercise folder). */
  problem: string | undefined;
}

/**
 * Every entry of `dir` (hidden files skipped), in name order.
 *
 * @example listSubmissions('class/', course) → [{ student: 'ada', source: '/…/class/ada', problem: undefined }, …]
 */
export function listSubmissions(dir: string, course: Course): Submission[] {
  const root = path.resolve(dir);
  let names: string[];
  try {
    names = readdirSync(root);
  } catch (error) {
    throw new Error(`--submissions: expected a folder with one sub-folder per student, got '${dir}' (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  const layout = `a folder laid out like exercises/ (e.g. ${course.exercises[0]?.folder ?? 'exercise-01-…'}/)`;
  return names
    .filter((name) => !name.startsWith('.'))
    .sort((a, b) => a.localeCompare(b, 'en'))
    .map((student) => {
      const source = path.join(root, student);
      const stat = lstatSync(source);
      let problem: string | undefined;
      if (stat.isSymbolicLink()) problem = `malformed: a symbolic link, expected ${layout}`;
      else if (!stat.isDirectory()) problem = `malformed: a file, expected ${layout}`;
      else if (!readdirSync(source).some((entry) => course.exercises.some((e) => e.folder === entry))) {
        problem = `malformed: no exercise folder inside, expected ${layout}`;
      }
      return { student, source, problem };
    });
}
