/**
 * The release manifest (`graders/release-manifest.json`, read by graders/support/integrity.ts and
 * by the workflow's pristine step, tools/release/pristine.mjs): a SHA-256 of every file of the
 * release except the students' own (everything under `exercises/`) — graders, harness, sealed
 * recordings, datasets, tools, configuration, the workflow, and the extras (README, .gitignore,
 * pristine stubs). A file outside `exercises/` that is not listed is an addition.
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
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
  files: Record<string, string>;
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
 *
 * @example writeManifest('/tmp/release').files['course.json'] → '3f1c…'
 */
export function writeManifest(releaseRoot: string): ReleaseManifest {
  const files: Record<string, string> = {};
  for (const relative of treeFiles(releaseRoot)) {
    if (relative === manifestPath || isStudentPath(relative)) continue;
    files[relative] = hashFile(path.join(releaseRoot, relative));
  }
  const manifest: ReleaseManifest = { schema: 'cnn-course/release-manifest/v1', files };
  writeFileSync(path.join(releaseRoot, manifestPath), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}
