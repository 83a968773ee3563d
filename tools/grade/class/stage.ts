/**
 * Copies a submission into a private folder before grading: regular files only (links are
 * skipped, so a submission cannot point the grader at other files), a size limit per exercise,
 * and only the exercises of course.json. The copy is what GRADE_TARGET points at.
 */
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Course } from '../../../graders/support/course.ts';

/** Bytes one exercise folder of a submission may hold. */
export const maxBytesPerExercise = 2 * 1024 * 1024;

/** What was staged. */
export interface Staged {
  /** The GRADE_TARGET folder. */
  target: string;
  /** Exercise ids whose folder and entry file are present. */
  present: string[];
  /** One line per exercise that cannot be graded, and per thing skipped. */
  notes: string[];
}

function copyTree(from: string, to: string, budget: { bytes: number }, skipped: string[]): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const source = path.join(from, name);
    const stat = lstatSync(source);
    if (stat.isSymbolicLink()) skipped.push(`skipped the link ${name}`);
    else if (stat.isDirectory()) copyTree(source, path.join(to, name), budget, skipped);
    else if (stat.isFile()) {
      budget.bytes -= stat.size;
      if (budget.bytes < 0) {
        skipped.push(`skipped ${name}: the exercise folder is over ${maxBytesPerExercise / 1024 / 1024} MB`);
        continue;
      }
      copyFileSync(source, path.join(to, name));
    }
  }
}

/**
 * Stages the exercises of `source` (a folder laid out like exercises/) into `target`.
 *
 * @example stageSubmission('/class/ada', '/tmp/stage/ada', course) → { target: '/tmp/stage/ada', present: ['exercise-01'], notes: ['exercise-02: missing exercise-02-…/equivariance.ts'] }
 */
export function stageSubmission(source: string, target: string, course: Course, only: string[] = []): Staged {
  const present: string[] = [];
  const notes: string[] = [];
  for (const exercise of course.exercises.filter((e) => only.length === 0 || only.includes(e.id))) {
    const from = path.join(source, exercise.folder);
    const entry = path.join(exercise.folder, exercise.files[0]);
    if (!existsSync(from) || !lstatSync(from).isDirectory() || lstatSync(from).isSymbolicLink()) {
      notes.push(`${exercise.id}: missing ${exercise.folder}/ (0 points)`);
      continue;
    }
    const skipped: string[] = [];
    copyTree(from, path.join(target, exercise.folder), { bytes: maxBytesPerExercise }, skipped);
    notes.push(...skipped.map((s) => `${exercise.id}: ${s}`));
    if (!existsSync(path.join(target, entry))) notes.push(`${exercise.id}: missing ${entry} (0 points)`);
    else present.push(exercise.id);
  }
  mkdirSync(target, { recursive: true });
  return { target, present, notes };
}
