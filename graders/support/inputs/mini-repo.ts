/**
 * A repository (or release) in miniature for specs: a temporary folder holding the given files.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A part that course.json accepts, for miniature courses. */
export const miniPart = { id: 'A', title: 'a', points: 1, hints: ['nudge', 'more'] };

/**
 * Writes `files` (repository-relative path → text) under a new temporary folder; returns its path.
 *
 * @example miniRepo({ 'course.json': '{…}', 'datasets/kernels/kernel.ts': 'export const k = 1;\n' }) → '/tmp/mini-repo-Ab12Cd'
 */
export function miniRepo(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'mini-repo-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}
