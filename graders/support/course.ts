/**
 * The course manifest, `course.json`: the ordered exercises, their parts, points and hints.
 * Everything that scores or lists exercises reads it through this module.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.ts';

/** One graded part of an exercise: a `describe` block in its grader. */
export interface Part {
  /** A capital letter, or `q01`-style ids for quizzes. */
  id: string;
  title: string;
  points: number;
  /** Bonus points count towards the score but not the maximum. */
  bonus?: boolean;
  /** Partial credit: the share of passing tests, instead of all or nothing. */
  partial?: boolean;
  /** Graded on every tfjs backend (true) or once, on cpu, because it uses no tensors (false). */
  tensors?: boolean;
  /** Hints in increasing detail: a nudge first. At least two. */
  hints: string[];
}

/** One exercise: a folder in exercises/, solutions/ and graders/. */
export interface Exercise {
  /** `exercise-NN`: what students type. */
  id: string;
  /** The folder name under exercises/, solutions/ and graders/. */
  folder: string;
  title: string;
  /** The files a student edits, relative to the exercise folder; the first is the entry module. */
  files: string[];
  parts: Part[];
  /**
   * Files (or folders) this exercise's grading reads at run time that no import graph shows,
   * repository-relative, e.g. a key file or a model's weights (see inputs/grading-inputs.ts).
   */
  gradingData?: string[];
}

export interface Course {
  title: string;
  exercises: Exercise[];
  /** Like {@link Exercise.gradingData}, for every exercise: configuration and the release manifest. */
  gradingData?: string[];
}

function invalid(message: string): never {
  throw new Error(`course.json: ${message}`);
}

/** `gradingData`, when present: repository-relative paths with `/`, never leaving the repository. */
function checkGradingData(where: string, value: unknown): void {
  if (value === undefined) return;
  const good = (p: unknown): boolean => typeof p === 'string' && p !== '' && !p.startsWith('/') && !p.includes('\\') && !p.split('/').includes('..');
  if (!Array.isArray(value) || !value.every(good)) {
    invalid(`${where} "gradingData": expected an array of repository-relative paths (like "datasets/models/bars-cnn"), got ${JSON.stringify(value)}`);
  }
}

/** Parses and checks a manifest; throws an Error naming the first problem. */
export function parseCourse(text: string): Course {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    invalid(`not valid JSON (${(error as Error).message})`);
  }
  const course = raw as Course;
  if (typeof course?.title !== 'string' || !Array.isArray(course.exercises)) {
    invalid('expected an object with "title" (string) and "exercises" (array)');
  }
  checkGradingData("the course's", course.gradingData);
  const ids = new Set<string>();
  for (const exercise of course.exercises) {
    if (!/^exercise-\d\d$/.test(exercise?.id)) invalid(`expected an exercise id like "exercise-01", got ${JSON.stringify(exercise?.id)}`);
    if (ids.has(exercise.id)) invalid(`exercise id ${exercise.id} appears twice`);
    ids.add(exercise.id);
    if (!exercise.folder?.startsWith(exercise.id)) invalid(`${exercise.id}: folder must start with the id, got ${JSON.stringify(exercise.folder)}`);
    if (!Array.isArray(exercise.files) || exercise.files.length === 0) invalid(`${exercise.id}: expected at least one file in "files"`);
    if (!Array.isArray(exercise.parts) || exercise.parts.length === 0) invalid(`${exercise.id}: expected at least one part`);
    checkGradingData(`${exercise.id}:`, exercise.gradingData);
    const partIds = new Set<string>();
    for (const part of exercise.parts) {
      if (typeof part?.id !== 'string' || part.id === '') invalid(`${exercise.id}: a part has no id`);
      if (partIds.has(part.id)) invalid(`${exercise.id}: part ${part.id} appears twice`);
      partIds.add(part.id);
      if (!(Number.isFinite(part.points) && part.points > 0))
        invalid(`${exercise.id} part ${part.id}: expected positive points, got ${JSON.stringify(part.points)}`);
      if (!Array.isArray(part.hints) || part.hints.length < 2 || part.hints.some((h) => typeof h !== 'string' || h.trim() === '')) {
        invalid(`${exercise.id} part ${part.id}: expected at least two non-empty hints (a nudge, then more detail)`);
      }
    }
  }
  return course;
}

let cached: Course | undefined;

/** The repository's course manifest (read once per process). */
export function loadCourse(file = path.join(repoRoot, 'course.json')): Course {
  if (file !== path.join(repoRoot, 'course.json')) return parseCourse(readFileSync(file, 'utf8'));
  cached ??= parseCourse(readFileSync(file, 'utf8'));
  return cached;
}

/** Finds an exercise by id (`exercise-01`), number (`01`, `1`) or folder name. */
export function findExercise(key: string, course: Course = loadCourse()): Exercise {
  const normalised = /^\d+$/.test(key) ? `exercise-${key.padStart(2, '0')}` : key;
  const found = course.exercises.find((e) => e.id === normalised || e.folder === normalised);
  if (found === undefined) {
    const known = course.exercises.map((e) => e.id).join(', ');
    throw new Error(`unknown exercise '${key}': expected one of ${known}.`);
  }
  return found;
}

/** Maximum score of an exercise (bonus parts excluded). */
export function maxScore(exercise: Exercise): number {
  return exercise.parts.filter((p) => !p.bonus).reduce((sum, p) => sum + p.points, 0);
}
