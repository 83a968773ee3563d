/**
 * The grading cache: one JSON file per exercise and graded folder under `.grade/cache/`, holding
 * the {@link RunResult} of its last grading and the inputs it was graded from. A result is reused
 * only while every input is unchanged: the student's files, the grading files (the list
 * graders/support/inputs/grading-inputs.ts derives: import graphs of the graders, driver, runner,
 * reference and the submission's shared imports, plus the data course.json declares), the backend
 * set and the run seed. Anything unreadable is simply graded again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { detectWebgpu } from '../../graders/support/backends/detect.ts';
import type { Exercise } from '../../graders/support/course.ts';
import { gradingInputs, graderEntries } from '../../graders/support/inputs/grading-inputs.ts';
import { digestFiles, readRemembered, remember } from '../../graders/support/inputs/input-digest.mjs';
import { repoRoot } from '../../graders/support/paths.ts';
import type { RunResult } from '../../graders/support/results/model.ts';
import { hashStudentFiles, studentFiles } from './student-files.ts';
import { gradeSeed } from '../../graders/support/settings.ts';

export const cacheSchema = 'cnn-course/grade-cache/v1';

/** What a result was graded from; each field is compared on its own so a re-grade can say why. */
export interface CacheInputs {
  /** The graded folder (absolute). */
  target: string;
  /** Hash of the student's module files (see student-files.ts). */
  student: string;
  /** Hash of every file that decides how the exercise is graded. */
  graders: string;
  /** The backends a run uses, e.g. `cpu` or `cpu, webgpu (SwiftShader (CPU emulation))`. */
  backends: string;
  /** The run seed (`default` unless GRADE_SEED is set). */
  seed: string;
}

/** One exercise's cached grading. */
export interface CacheEntry {
  schema: typeof cacheSchema;
  exercise: string;
  inputs: CacheInputs;
  /** How many times this exercise was graded into this cache: a cached run leaves it unchanged. */
  gradings: number;
  gradedAt: string;
  /** The run, narrowed to this exercise (see {@link sliceRun}). */
  result: RunResult;
}

export type CacheLookup =
  | { state: 'fresh'; entry: CacheEntry }
  | { state: 'stale'; entry: CacheEntry; reasons: string[] }
  | { state: 'missing' }
  | { state: 'unreadable'; note: string };

/** Where the list of grading inputs behind an exercise's cached result is remembered (beside it). */
export function inputsFile(exerciseId: string, target: string, root = repoRoot): string {
  return cacheFile(exerciseId, target, root).replace(/\.json$/, '.inputs.json');
}

/**
 * Hash of every file that decides how `exercise` is graded in `target` — the list that
 * graders/support/inputs/grading-inputs.ts derives from the code (import graphs) and course.json
 * (data read at run time). The list is remembered beside the cached result and derived again only
 * when one of its files, the grader files or the student's files change.
 */
export function gradersDigest(exercise: Exercise, target: string, root = repoRoot, student = hashStudentFiles(studentFiles(exercise, target))): string {
  const file = inputsFile(exercise.id, target, root);
  // The student's files decide which shared files their bundle pulls in; a new *.test.ts is a new entry.
  const key = [cacheSchema, exercise.id, target, student, ...graderEntries(exercise, root)].join('\n');
  const remembered = readRemembered(file, key, root);
  if (remembered !== undefined) return remembered.digest;
  const { files } = gradingInputs(exercise, { root, target });
  const digest = digestFiles(root, files);
  remember(file, { key, files, digest });
  return digest;
}

/** The backend set a grading run would use on this machine (vitest.config.ts asks the same). */
export function backendSet(): string {
  const webgpu = detectWebgpu();
  return webgpu.available ? `cpu, webgpu (${webgpu.adapter})` : 'cpu';
}

/** The run seed as GRADE_SEED gives it; `random` means a result can never be reused. */
export function seedOf(env: NodeJS.ProcessEnv = process.env): string {
  return gradeSeed.read(env);
}

/** The inputs of grading `exercise` in `target` now. */
export function currentInputs(exercise: Exercise, target: string, root = repoRoot, env: NodeJS.ProcessEnv = process.env): CacheInputs {
  const student = hashStudentFiles(studentFiles(exercise, target));
  return {
    target,
    student,
    graders: gradersDigest(exercise, target, root, student),
    backends: backendSet(),
    seed: seedOf(env),
  };
}

/** `.grade/cache/<graded folder>/<exercise id>.json`; folders outside the repository by hash. */
export function cacheFile(exerciseId: string, target: string, root = repoRoot): string {
  const relative = path.relative(root, target);
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  const name = inside ? relative.split(path.sep).join('~') : `outside-${createHash('sha256').update(target).digest('hex').slice(0, 12)}`;
  return path.join(root, '.grade', 'cache', name, `${exerciseId}.json`);
}

const reasonOf: Record<keyof CacheInputs, string> = {
  target: 'another folder was graded',
  student: 'your files changed',
  graders: 'the grading files changed',
  backends: 'the backends changed',
  seed: 'the run seed changed',
};

function validEntry(value: unknown, exerciseId: string): value is CacheEntry {
  const entry = value as CacheEntry;
  return (
    entry?.schema === cacheSchema &&
    entry.exercise === exerciseId &&
    typeof entry.gradings === 'number' &&
    typeof entry.inputs?.student === 'string' &&
    entry.result?.schema === 'cnn-course/result/v1' &&
    entry.result.exercises?.[0]?.id === exerciseId &&
    Array.isArray(entry.result.exercises[0].parts)
  );
}

/** Reads the entry at `file` without judging whether it is current. */
export function readEntry(file: string, exerciseId: string): { entry?: CacheEntry; note?: string } {
  if (!existsSync(file)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { note: `the cached result of ${exerciseId} was unreadable (${(error as Error).message.split('\n')[0]}); grading it again` };
  }
  if (!validEntry(parsed, exerciseId)) return { note: `the cached result of ${exerciseId} was not a result of this version; grading it again` };
  return { entry: parsed };
}

/** Whether the entry at `file` was graded from exactly `inputs`. */
export function lookup(file: string, exerciseId: string, inputs: CacheInputs): CacheLookup {
  const { entry, note } = readEntry(file, exerciseId);
  if (note !== undefined) return { state: 'unreadable', note };
  if (entry === undefined) return { state: 'missing' };
  const changed = (Object.keys(reasonOf) as (keyof CacheInputs)[]).filter((key) => entry.inputs[key] !== inputs[key]);
  if (inputs.seed === 'random') changed.push('seed');
  if (changed.length === 0) return { state: 'fresh', entry };
  return { state: 'stale', entry, reasons: [...new Set(changed.map((key) => reasonOf[key]))] };
}

/** Writes an entry atomically (write, then rename), so a reader never sees half of one. */
export function storeEntry(file: string, entry: CacheEntry): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(entry, null, 2) + '\n');
  renameSync(temporary, file);
}

/**
 * The run narrowed to one exercise: what `npm test <id>` reports for it. Scores are per exercise
 * already; counts are recounted, and run-wide errors stay unless they name another exercise.
 */
export function sliceRun(run: RunResult, exerciseId: string): RunResult | undefined {
  const exercise = run.exercises.find((e) => e.id === exerciseId);
  if (exercise === undefined) return undefined;
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const test of exercise.parts.flatMap((p) => p.tests)) counts[test.status]++;
  const others = run.exercises.map((e) => e.id).filter((id) => id !== exerciseId);
  const errors = run.errors.filter((error) => !others.some((id) => error.includes(` of ${id} `)));
  return { ...run, exercises: [exercise], errors, counts };
}
