/**
 * A throw-away copy of this repository for end-to-end tests that run the real commands: the
 * files grading needs for some exercises (course.json narrowed to them), no `.grade/` state, and
 * `node_modules` hard-linked — not symlinked: the student's process may only read
 * `<repo>/node_modules` and Node's permission model checks real paths, so a symlink to this
 * repository's modules would be refused. Hard links cost no space and about a second.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findExercise } from '../../graders/support/course.ts';
import { linkTree } from './link-tree.ts';
import { repoRoot } from '../../graders/support/paths.ts';

export interface RepoCopy {
  root: string;
  /** Deletes the copy. */
  remove(): void;
}

/** Files and folders every copy needs besides the chosen exercises'. */
const common = ['package.json', 'package-lock.json', 'tsconfig.json', 'vitest.config.ts', 'graders/support', 'datasets', 'tools/lib', 'tools/student'];

function makeCopy(parent: string, exerciseIds: string[]): string {
  const root = mkdtempSync(path.join(parent, 'cnn-course-e2e-'));
  try {
    const exercises = exerciseIds.map((id) => findExercise(id));
    const paths = [...common, ...exercises.flatMap((e) => [`graders/${e.folder}`, `exercises/${e.folder}`, `solutions/${e.folder}`])];
    for (const relative of paths) {
      // An exercise being written may not have every folder yet.
      if (existsSync(path.join(repoRoot, relative))) cpSync(path.join(repoRoot, relative), path.join(root, relative), { recursive: true });
    }
    const course = JSON.parse(readFileSync(path.join(repoRoot, 'course.json'), 'utf8')) as { exercises: { id: string }[] };
    course.exercises = course.exercises.filter((e) => exerciseIds.includes(e.id));
    writeFileSync(path.join(root, 'course.json'), `${JSON.stringify(course, null, 2)}\n`);
    linkTree(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'));
    return root;
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Copies the repository with only `exerciseIds` in its course.json.
 *
 * @example const repo = copyRepo(['exercise-01']); … repo.remove();
 */
export function copyRepo(exerciseIds: string[]): RepoCopy {
  let root: string;
  try {
    root = makeCopy(tmpdir(), exerciseIds);
  } catch (error) {
    // Hard links cannot cross file systems: fall back to the repository's own ignored folder.
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    mkdirSync(path.join(repoRoot, '.grade', 'e2e'), { recursive: true });
    root = makeCopy(path.join(repoRoot, '.grade', 'e2e'), exerciseIds);
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
