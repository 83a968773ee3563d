/**
 * The submissions of a class: one entry per student in the submissions folder, each a folder laid
 * out like exercises/ (one sub-folder per exercise). Anything else is kept with the reason, so it
 * gets its own line in the gradebook instead of stopping the run: a malformed entry, or a hidden
 * folder (name starting with `.`) that is skipped.
 */
import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Course } from '../../../graders/support/course.ts';
import { byName } from './names.ts';

/** One entry of the submissions folder. */
export interface Submission {
  /** The entry's name: the student's identifier in the gradebook. */
  student: string;
  /** Absolute path of the entry. */
  source: string;
  /** Why it cannot be graded at all (not a folder, a link, no exercise folder). */
  problem: string | undefined;
  /** Why it is not graded although it is a folder (a hidden folder). */
  skipped?: string;
}

function why(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

/**
 * Every entry of `dir` in name order ({@link byName}); hidden files (`.DS_Store`) are left out,
 * hidden folders are listed as skipped.
 *
 * @example listSubmissions('class/', course) → [{ student: 'ada', source: '/…/class/ada', problem: undefined }, …]
 */
export function listSubmissions(dir: string, course: Course): Submission[] {
  const root = path.resolve(dir);
  let names: string[];
  try {
    names = readdirSync(root);
  } catch (error) {
    throw new Error(`--submissions: expected a folder with one sub-folder per student, got '${dir}' (${why(error)}).`);
  }
  const layout = `a folder laid out like exercises/ (e.g. ${course.exercises[0]?.folder ?? 'exercise-01-…'}/)`;
  const entries: Submission[] = [];
  for (const student of names.sort(byName)) {
    const source = path.join(root, student);
    let problem: string | undefined;
    try {
      const stat = lstatSync(source);
      if (student.startsWith('.')) {
        if (stat.isDirectory())
          entries.push({
            student,
            source,
            problem: undefined,
            skipped: "skipped: the folder's name starts with '.', which marks a hidden folder, not a submission (rename it to grade it)",
          });
        continue;
      }
      if (stat.isSymbolicLink()) problem = `malformed: a symbolic link, expected ${layout}`;
      else if (!stat.isDirectory()) problem = `malformed: a file, expected ${layout}`;
      else if (!readdirSync(source).some((entry) => course.exercises.some((e) => e.folder === entry))) {
        problem = `malformed: no exercise folder inside, expected ${layout}`;
      }
    } catch (error) {
      if (student.startsWith('.')) continue;
      problem = `malformed: the folder could not be read (${why(error)}), expected ${layout}`;
    }
    entries.push({ student, source, problem });
  }
  return entries;
}
