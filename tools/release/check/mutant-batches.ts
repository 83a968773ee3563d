/**
 * Mutants graded in batches: batch k holds the k-th mutant of every exercise (mutants of one
 * exercise never share a batch), materialised side by side in one folder laid out like
 * exercises/, so one grading run judges a mutant of each exercise at once. Exercises are graded
 * independently, so a batch gives every mutant the verdict it would get alone.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Exercise } from '../../../graders/support/course.ts';
import { applyEdits } from '../../../graders/support/mutants/apply.ts';
import type { Mutant } from '../../../graders/support/mutants/define.ts';

export interface MutantJob {
  exercise: Exercise;
  name: string;
  definition: Mutant;
}

export interface Batch {
  /** The backends its mutants are graded on. */
  backends: string[];
  jobs: MutantJob[];
}

/** Every mutant definition of the exercises (graders/mutants/<id>/*.ts), in name order. */
export async function loadMutantJobs(root: string, exercises: Exercise[]): Promise<MutantJob[]> {
  const jobs: MutantJob[] = [];
  for (const exercise of exercises) {
    const dir = path.join(root, 'graders', 'mutants', exercise.id);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .sort()) {
      const definition = ((await import(pathToFileURL(path.join(dir, file)).href)) as { default: Mutant }).default;
      jobs.push({ exercise, name: path.basename(file, '.ts'), definition });
    }
  }
  return jobs;
}

/**
 * Groups jobs into batches: by backend set, then one mutant per exercise per batch.
 *
 * @example batchMutants([a1, a2, b1]) → [{ backends: ['cpu'], jobs: [a1, b1] }, { backends: ['cpu'], jobs: [a2] }]
 */
export function batchMutants(jobs: MutantJob[]): Batch[] {
  const byBackends = new Map<string, MutantJob[]>();
  for (const job of jobs) {
    const key = (job.definition.backends ?? ['cpu']).join(',');
    byBackends.set(key, [...(byBackends.get(key) ?? []), job]);
  }
  const batches: Batch[] = [];
  for (const [key, group] of byBackends) {
    const perExercise = new Map<string, MutantJob[]>();
    for (const job of group) perExercise.set(job.exercise.id, [...(perExercise.get(job.exercise.id) ?? []), job]);
    const depth = Math.max(...[...perExercise.values()].map((list) => list.length));
    for (let k = 0; k < depth; k++) {
      const jobsK = [...perExercise.values()].flatMap((list) => (list[k] === undefined ? [] : [list[k]]));
      batches.push({ backends: key.split(','), jobs: jobsK });
    }
  }
  return batches;
}

/** Writes a batch into `target` (a GRADE_TARGET folder): each job's solution copy with its edits applied. */
export function materialiseBatch(root: string, batch: Batch, target: string): void {
  mkdirSync(target, { recursive: true });
  for (const job of batch.jobs) {
    const folder = path.join(target, job.exercise.folder);
    cpSync(path.join(root, 'solutions', job.exercise.folder), folder, { recursive: true });
    const entry = path.join(folder, job.exercise.files[0]);
    writeFileSync(entry, applyEdits(readFileSync(entry, 'utf8'), job.definition.edits));
  }
}
