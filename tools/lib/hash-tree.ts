/**
 * SHA-256 of every file under some paths of the repository, for "nothing changed" checks.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../graders/support/paths.ts';

/** Map of repository-relative path → hash, for files under `paths` (folders are walked). */
export function hashTree(paths: string[], root = repoRoot): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (relative: string): void => {
    const absolute = path.join(root, relative);
    if (!existsSync(absolute)) return;
    if (statSync(absolute).isDirectory()) {
      for (const entry of readdirSync(absolute).sort()) walk(path.join(relative, entry));
    } else {
      out.set(relative.split(path.sep).join('/'), createHash('sha256').update(readFileSync(absolute)).digest('hex'));
    }
  };
  for (const p of paths) walk(p);
  return out;
}
