/**
 * SHA-256 of every file under some paths of the repository, for "nothing changed" checks.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from '../../graders/support/inputs/list-files.ts';
import { repoRoot } from '../../graders/support/paths.ts';

/** Map of repository-relative path → hash, for files under `paths` (folders are walked). */
export function hashTree(paths: string[], root = repoRoot): Map<string, string> {
  return new Map(
    listFiles(root, paths).map((file) => [
      file,
      createHash('sha256')
        .update(readFileSync(path.join(root, file)))
        .digest('hex'),
    ]),
  );
}
