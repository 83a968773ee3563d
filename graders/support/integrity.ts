/**
 * Tamper evidence: a student release records a hash of every grading file (graders, harness,
 * configuration) in `graders/release-manifest.json`. Grading compares the files with it and
 * reports the ones that changed, on screen and in every export (`graders_modified`).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.ts';

/** The manifest's location in a release. */
export const manifestFile = path.join(repoRoot, 'graders', 'release-manifest.json');

/** A file's SHA-256, hex. */
export function hashFile(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Files listed in the release manifest whose contents changed or that are missing. */
export function modifiedGraderFiles(root = repoRoot): string[] {
  const file = path.join(root, 'graders', 'release-manifest.json');
  if (!existsSync(file)) return [];
  let manifest: { files: Record<string, string> };
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as { files: Record<string, string> };
  } catch {
    return ['graders/release-manifest.json'];
  }
  const changed: string[] = [];
  for (const [relative, hash] of Object.entries(manifest.files)) {
    const absolute = path.join(root, relative);
    if (!existsSync(absolute) || hashFile(absolute) !== hash) changed.push(relative);
  }
  return changed;
}
