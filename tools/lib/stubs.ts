/**
 * Pristine stubs, so `npm run reset` can put a stub back byte for byte — offline, without git.
 *
 * A student release ships them (the release tool calls {@link writePristineStubs}):
 *
 *     .course/stubs/manifest.json        { "schema": "cnn-course/stubs/v1",
 *                                          "files": { "<folder>/<file>": "<sha256>" } }
 *     .course/stubs/<folder>/<file>      each file course.json lists, exactly as released
 *
 * Where they come from, in order: that folder; else, when grading another folder than exercises/
 * (GRADE_TARGET=…), the file in exercises/, which is then the stub; else nowhere — in the
 * instructors' repository exercises/ is the stubs' source, so only version control can restore it.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadCourse, type Exercise } from '../../graders/support/course.ts';
import { repoRoot, shortPath } from '../../graders/support/paths.ts';

const schema = 'cnn-course/stubs/v1';

/** Where a release keeps its pristine stubs, relative to its root. */
export const stubsDir = path.join('.course', 'stubs');

interface StubsManifest {
  schema: typeof schema;
  files: Record<string, string>;
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * Copies every exercise's stub files (course.json `files`, from `exercises/`) of the repository at
 * `root` into `<outDir>/.course/stubs/`, with a manifest of their hashes.
 *
 * @returns the copied files, relative to `outDir`
 * @example writePristineStubs(repoRoot, '/tmp/release') → ['.course/stubs/exercise-01-convolution/convolution.ts', …]
 */
export function writePristineStubs(root: string, outDir: string): string[] {
  const course = loadCourse(path.join(root, 'course.json'));
  const manifest: StubsManifest = { schema, files: {} };
  const written: string[] = [];
  for (const exercise of course.exercises) {
    for (const file of exercise.files) {
      const source = path.join(root, 'exercises', exercise.folder, file);
      if (!existsSync(source))
        throw new Error(`writePristineStubs: expected the stub exercises/${exercise.folder}/${file} (course.json "files"), but it does not exist`);
      const relative = path.join(stubsDir, exercise.folder, file);
      mkdirSync(path.dirname(path.join(outDir, relative)), { recursive: true });
      copyFileSync(source, path.join(outDir, relative));
      manifest.files[`${exercise.folder}/${file}`] = sha256(source);
      written.push(relative.split(path.sep).join('/'));
    }
  }
  writeFileSync(path.join(outDir, stubsDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return written;
}

/** Where the pristine copy of one stub file is, and which kind of source it is. */
export interface PristineStub {
  file: string;
  origin: 'release' | 'exercises';
}

/**
 * The pristine copy of `file` (a name from course.json `files`) for the folder being graded.
 * Throws an Error whose message is one line saying what is missing and what to do.
 */
export function findPristine(exercise: Exercise, file: string, target: string, root = repoRoot): PristineStub {
  const key = `${exercise.folder}/${file}`;
  const manifestFile = path.join(root, stubsDir, 'manifest.json');
  if (existsSync(manifestFile)) {
    let manifest: StubsManifest;
    try {
      manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as StubsManifest;
    } catch (error) {
      throw new Error(`${shortPath(manifestFile)} is damaged (${(error as Error).message.split('\n')[0]}); get it again from the course's release.`);
    }
    const copy = path.join(root, stubsDir, exercise.folder, file);
    const hash = manifest.files?.[key];
    if (hash === undefined || !existsSync(copy))
      throw new Error(`the release has no pristine copy of ${key} (expected ${shortPath(copy)}); get it again from the course's release.`);
    if (sha256(copy) !== hash)
      throw new Error(`${shortPath(copy)} does not match ${shortPath(manifestFile)} (it was changed); get it again from the course's release.`);
    return { file: copy, origin: 'release' };
  }
  const exercises = path.join(root, 'exercises');
  const stub = path.join(exercises, exercise.folder, file);
  if (path.resolve(target) !== path.resolve(exercises) && existsSync(stub)) return { file: stub, origin: 'exercises' };
  throw new Error(
    `no pristine copy of ${key}: this is the instructors' repository (no ${stubsDir.split(path.sep).join('/')}/, which a student release ships), ` +
      `where exercises/ is the stubs' source — restore it with version control (git checkout -- exercises/${key}).`,
  );
}
