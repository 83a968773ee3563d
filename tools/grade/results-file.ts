/**
 * Where the exports read a grade: an explicit results file (`--results`, the autograding
 * workflow's `.grade/autograding/<id>.json`), or the result store's last complete grading of each
 * exercise. A missing or unreadable file is not an exception but "no result", which every export
 * turns into a valid zero with a reason. A filtered run (a replay, `-t`, a backend subset) is
 * never a grade: from a file it is refused, and the store's filtered runs are never read.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Course } from '../../graders/support/course.ts';
import type { RunResult } from '../../graders/support/results/model.ts';
import { readRunResult } from '../../graders/support/results/schema.ts';
import { readStoreEntry, storedExercises, storeDir } from '../../graders/support/results/store.ts';
import { mergeRuns } from '../grade/class/merge-runs.ts';

/** Why a filtered run is no grade, and what to run instead. */
export function filteredProblem(where: string): string {
  return `${where} holds a filtered run (a replay, a -t name filter or a subset of the backends), not a grade: grade every test (npm test <exercise>) and export again`;
}

/** A results file's run, or why there is none (a filtered run counts as none). */
export function readRun(file: string): { run: RunResult | undefined; problem: string | undefined } {
  if (!existsSync(file)) return { run: undefined, problem: `no results file at ${file}` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { run: undefined, problem: `${file} is not valid JSON (${(error as Error).message})` };
  }
  try {
    const run = readRunResult(parsed, file);
    return run.filtered ? { run: undefined, problem: filteredProblem(file) } : { run, problem: undefined };
  } catch (error) {
    return { run: undefined, problem: (error as Error).message };
  }
}

/**
 * The last complete grading of each exercise in the store for `target` (those named, else every
 * exercise stored), as one run; `problems` says why an exercise has none (only a filtered run,
 * an unreadable file).
 *
 * @example storedRun(course, '/repo/exercises', ['exercise-01']) → { run: { exercises: [{ id: 'exercise-01', … }], … }, problems: [] }
 */
export function storedRun(course: Course, target: string, ids: string[] = [], root?: string): { run: RunResult | undefined; problems: string[] } {
  const stored = storedExercises(target, root);
  const wanted = course.exercises.map((e) => e.id).filter((id) => (ids.length > 0 ? ids.includes(id) : stored.includes(id)));
  const runs: RunResult[] = [];
  const problems: string[] = wanted.length === 0 ? [`the result store has no result for ${target} (grade first: npm test)`] : [];
  for (const id of wanted) {
    const { entry, note } = readStoreEntry(id, target, root);
    if (note !== undefined) problems.push(note);
    else if (entry?.complete !== undefined) runs.push(entry.complete.result);
    else if (entry?.filtered !== undefined) problems.push(filteredProblem(`the result store's only result of ${id}`));
    else problems.push(`no result of ${id} in ${storeDir(target, root)} (grade it first: npm test ${id})`);
  }
  return { run: mergeRuns(runs, wanted), problems };
}
