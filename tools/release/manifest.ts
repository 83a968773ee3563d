/**
 * The release manifest (`graders/release-manifest.json`, read by graders/support/integrity.ts):
 * a SHA-256 of every file that decides a grade — graders, harness, sealed recordings, datasets,
 * the students' tools, the configuration and the autograding workflow — so grading can warn when
 * one of them was changed.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { hashFile } from '../../graders/support/integrity.ts';
import { walk } from './contents.ts';

/** The manifest's path in a release. */
export const manifestPath = 'graders/release-manifest.json';

/** Folders and files whose every file the manifest lists. */
export const guarded = ['graders', 'datasets', 'tools', 'solutions', 'vitest.config.ts', 'package.json', 'package-lock.json', 'course.json', 'tsconfig.json', '.github/workflows/classroom.yml'];

/** The manifest's contents. */
export interface ReleaseManifest {
  schema: 'cnn-course/release-manifest/v1';
  files: Record<string, string>;
}

/**
 * Hashes the guarded files of a release folder and writes the manifest; returns it.
 *
 * @example writeManifest('/tmp/release').files['course.json'] → '3f1c…'
 */
export function writeManifest(releaseRoot: string): ReleaseManifest {
  const files: Record<string, string> = {};
  const all = guarded.flatMap((entry) => (entry.startsWith('.github') ? [entry] : walk(releaseRoot, entry)));
  for (const relative of all.sort()) {
    if (relative === manifestPath) continue;
    try {
      files[relative] = hashFile(path.join(releaseRoot, relative));
    } catch {
      // A guarded path the release does not have (e.g. solutions/ before publishing).
    }
  }
  const manifest: ReleaseManifest = { schema: 'cnn-course/release-manifest/v1', files };
  writeFileSync(path.join(releaseRoot, manifestPath), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}
