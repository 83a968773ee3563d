/**
 * The release manifest (`graders/release-manifest.json`, read by graders/support/integrity.ts and
 * by the workflow's pristine step, tools/release/pristine.mjs): a SHA-256 of every file of the
 * release except the students' own (everything under `exercises/`) — graders, harness, sealed
 * recordings, datasets, tools, configuration, the workflow, and the extras (README, .gitignore,
 * pristine stubs) — and, per exercise, which of them decide its grade (the list
 * graders/support/inputs derives). A file outside `exercises/` that is not listed is an addition.
 */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Course } from '../../graders/support/course.ts';
import { gradingInputs } from '../../graders/support/inputs/grading-inputs.ts';
import { hashFile } from '../../graders/support/integrity.ts';

/** The manifest's path in a release. */
export const manifestPath = 'graders/release-manifest.json';

/** The students' own files: the manifest leaves them out, and the pristine step never touches them. */
export function isStudentPath(relative: string): boolean {
  return relative.startsWith('exercises/');
}

/** Never part of a release's tree: git's own folder, installed modules, caches and outputs. */
export const untracked = ['.git', 'node_modules'];

/** The manifest's contents. */
export interface ReleaseManifest {
  schema: 'cnn-course/release-manifest/v1';
  /** Per exercise id, the files that decide its grade in this release (graders/support/inputs), sorted. */
  grading?: Record<string, string[]>;
  /** Every file but the students' own: the grading files above plus the extras (tools, guide, workflow, stubs). */
  files: Record<string, string>;
}

/**
 * Each exercise's grading inputs as the release holds them; throws naming the first exercise and
 * file when one would be missing (only the optional ones may be absent — the reference, which a
 * release has none of until published, and a driver an exercise does without — and the manifest
 * itself, written last).
 */
export function releaseGrading(releaseRoot: string, course: Course): Record<string, string[]> {
  const grading: Record<string, string[]> = {};
  for (const exercise of course.exercises) {
    const { files, optional } = gradingInputs(exercise, { root: releaseRoot, course, target: path.join(releaseRoot, 'exercises') });
    const missing = files.filter((file) => file !== manifestPath && !optional.includes(file) && !existsSync(path.join(releaseRoot, file)));
    if (missing.length > 0) throw new Error(`release: ${exercise.id} is graded by ${missing.join(', ')}, which the release does not hold.`);
    grading[exercise.id] = files.filter((file) => existsSync(path.join(releaseRoot, file)));
  }
  return grading;
}

/** Every file under `root`, dot files included, as sorted `/` paths (minus {@link untracked}). */
export function treeFiles(root: string, relative = ''): string[] {
  const names = readdirSync(path.join(root, relative)).sort();
  return names.flatMap((name) => {
    const child = relative === '' ? name : `${relative}/${name}`;
    if (relative === '' && untracked.includes(name)) return [];
    const stat = statSync(path.join(root, child));
    return stat.isDirectory() ? treeFiles(root, child) : [child];
  });
}

/**
 * Hashes every file of a release folder but the students' own and writes the manifest; returns it.
 * Given the course, it also records each exercise's grading inputs (and refuses a release missing one).
 *
 * @example writeManifest('/tmp/release', course).grading['exercise-03'] → ['course.json', 'datasets/kernels/register.ts', …]
 */
export function writeManifest(releaseRoot: string, course?: Course): ReleaseManifest {
  const grading = course === undefined ? undefined : releaseGrading(releaseRoot, course);
  const files: Record<string, string> = {};
  for (const relative of treeFiles(releaseRoot)) {
    if (relative === manifestPath || isStudentPath(relative)) continue;
    files[relative] = hashFile(path.join(releaseRoot, relative));
  }
  const manifest: ReleaseManifest = { schema: 'cnn-course/release-manifest/v1', ...(grading === undefined ? {} : { grading }), files };
  writeFileSync(path.join(releaseRoot, manifestPath), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
