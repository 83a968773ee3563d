/**
 * The grading cache's key: what a grading was graded from. The result and these inputs are kept
 * in the one result store (graders/support/results/store.ts); tools/lib/cached-grading.ts reuses
 * a stored result only while every input is unchanged: the student's files, the grading files (the list
 * graders/support/inputs/grading-inputs.ts derives: import graphs of the graders, driver, runner,
 * reference and the submission's shared imports, plus the data course.json declares), the backend
 * set and the run seed. Anything unreadable is simply graded again.
 */
import path from 'node:path';
import { detectWebgpu } from '../../graders/support/backends/detect.ts';
import type { Exercise } from '../../graders/support/course.ts';
import { gradingInputs, graderEntries, submissionSharedCode } from '../../graders/support/inputs/grading-inputs.ts';
import { digestFiles, readRemembered, remember } from '../../graders/support/inputs/input-digest.mjs';
import { repoRoot } from '../../graders/support/paths.ts';
import { targetKey } from '../../graders/support/results/store.ts';
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

/** Where the list of grading inputs behind an exercise's cached result is remembered (beside it). */
export function inputsFile(exerciseId: string, target: string, root = repoRoot): string {
  return cacheFile(exerciseId, target, root).replace(/\.json$/, '.inputs.json');
}

/**
 * Hash of every file that decides how `exercise` is graded in `target` — the list that
 * graders/support/inputs/grading-inputs.ts derives from the code (import graphs) and course.json
 * (data read at run time). The list is remembered beside the cached result and derived again only
 * when one of its files changes, or the grader files or the shared files a submission may bundle do.
 */
export function gradersDigest(exercise: Exercise, target: string, root = repoRoot): string {
  const file = inputsFile(exercise.id, target, root);
  // What the list is derived from besides the files on it: a new *.test.ts is a new entry, a new shared
  // file one a submission may bundle. Not the student's files (the list never reads them): a save
  // reuses the list instead of deriving it again (esbuild import graphs, 0.1–0.3 s).
  const key = [cacheSchema, exercise.id, target, ...graderEntries(exercise, root), ...submissionSharedCode(root)].join('\n');
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
    graders: gradersDigest(exercise, target, root),
    backends: backendSet(),
    seed: seedOf(env),
  };
}

/** `.grade/cache/<graded folder>/<exercise id>.json` (named as the result store names it), beside which the input lists are remembered. */
export function cacheFile(exerciseId: string, target: string, root = repoRoot): string {
  return path.join(root, '.grade', 'cache', targetKey(target, root), `${exerciseId}.json`);
}

/** Why a grading is not reused when one input changed (tools/lib/cached-grading.ts says it). */
export const inputReasons: Record<keyof CacheInputs, string> = {
  target: 'another folder was graded',
  student: 'your files changed',
  graders: 'the grading files changed',
  backends: 'the backends changed',
  seed: 'the run seed changed',
};
