/**
 * Copies a submission into a private folder before grading: regular files only (links, fifos,
 * sockets and devices are skipped and named, so a submission cannot point the grader at other
 * files or block it), limits per exercise on bytes, files and depth (a huge tree is cut short, not
 * walked), and only the exercises of course.json. Any error while copying one exercise (a path over
 * the OS limit, an unreadable file) leaves that exercise ungraded with the reason; the others are
 * graded. The copy is what GRADE_TARGET points at.
 */
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { Course } from '../../../graders/support/course.ts';
import { relativeTo } from './relative-paths.ts';

/** Bytes one exercise folder of a submission may hold. */
export const maxBytesPerExercise = 2 * 1024 * 1024;
/** Files one exercise folder may hold. */
export const maxFilesPerExercise = 500;
/** Folders deep one exercise folder may go. */
export const maxDepth = 12;

/** What was staged. */
export interface Staged {
  /** The GRADE_TARGET folder. */
  target: string;
  /** Exercise ids whose folder and entry file are present. */
  present: string[];
  /** One line per exercise that cannot be graded, and per thing skipped; paths relative to the submission. */
  notes: string[];
}

interface Walk {
  bytes: number;
  files: number;
  skipped: string[];
  /** Set once a limit is reached: nothing more is read. */
  stopped: boolean;
}

function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return 'a fifo';
  if (stat.isSocket()) return 'a socket';
  if (stat.isBlockDevice() || stat.isCharacterDevice()) return 'a device';
  return 'not a regular file';
}

function copyTree(from: string, to: string, rel: string, depth: number, walk: Walk): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from).sort()) {
    if (walk.stopped) return;
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const source = path.join(from, name);
    const shown = `${rel}/${name}`;
    const stat = lstatSync(source);
    if (stat.isSymbolicLink()) walk.skipped.push(`skipped the link ${shown}`);
    else if (stat.isDirectory()) {
      if (depth >= maxDepth) walk.skipped.push(`skipped ${shown}/: folders nested over ${maxDepth} deep`);
      else copyTree(source, path.join(to, name), shown, depth + 1, walk);
    } else if (!stat.isFile()) walk.skipped.push(`skipped ${shown}: ${kindOf(stat)}`);
    else if (++walk.files > maxFilesPerExercise) {
      walk.skipped.push(`stopped at ${shown}: the exercise folder holds over ${maxFilesPerExercise} files`);
      walk.stopped = true;
    } else {
      walk.bytes -= stat.size;
      if (walk.bytes < 0) walk.skipped.push(`skipped ${shown}: the exercise folder is over ${maxBytesPerExercise / 1024 / 1024} MB`);
      else copyFileSync(source, path.join(to, name));
    }
  }
}

/**
 * Stages the exercises of `source` (a folder laid out like exercises/) into `target`.
 *
 * @example stageSubmission('/class/ada', '/tmp/stage/s1', course) → { target: '/tmp/stage/s1', present: ['exercise-01'], notes: ['exercise-02: missing exercise-02-…/ (0 points)'] }
 */
export function stageSubmission(source: string, target: string, course: Course, only: string[] = []): Staged {
  const present: string[] = [];
  const notes: string[] = [];
  mkdirSync(target, { recursive: true });
  for (const exercise of course.exercises.filter((e) => only.length === 0 || only.includes(e.id))) {
    const from = path.join(source, exercise.folder);
    const entry = `${exercise.folder}/${exercise.files[0]}`;
    const walk: Walk = { bytes: maxBytesPerExercise, files: 0, skipped: [], stopped: false };
    try {
      const stat = existsSync(from) ? lstatSync(from) : undefined;
      if (stat === undefined || !stat.isDirectory()) {
        notes.push(`${exercise.id}: missing ${exercise.folder}/ (0 points)`);
        continue;
      }
      copyTree(from, path.join(target, exercise.folder), exercise.folder, 1, walk);
    } catch (error) {
      notes.push(...walk.skipped.map((s) => `${exercise.id}: ${s}`));
      const message = relativeTo((error as Error).message, [source, target]);
      notes.push(`${exercise.id}: could not be copied for grading (${message}) (0 points)`);
      continue;
    }
    notes.push(...walk.skipped.map((s) => `${exercise.id}: ${s}`));
    if (!existsSync(path.join(target, entry))) notes.push(`${exercise.id}: missing ${entry} (0 points)`);
    else present.push(exercise.id);
  }
  return { target, present, notes };
}
