/**
 * A list of input files remembered beside what was made from it (a bundle, a cached grade), and
 * re-checked by content: the list stays valid while every file on it hashes the same. An edit that
 * changes the import graph edits a file on the list, so a stale list is always caught; only then is
 * the graph derived again (esbuild), which keeps the cached path to hashing a few dozen files.
 *
 * Plain JavaScript (types in input-digest.d.mts) because tools/student/launch.mjs, which runs
 * before anything can be compiled, uses it too.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * SHA-256 over each file's name and contents (or `absent`): the same list and contents give the
 * same digest, any edit, addition or removal another.
 *
 * @param {string} root the folder the paths are relative to
 * @param {string[]} files repository-relative paths
 * @returns {string} 64 hex digits
 * @example digestFiles('/repo', ['course.json', 'graders/sealed/exercise-01.json.gz']) → '9c1e…'
 */
export function digestFiles(root, files) {
  const hash = createHash('sha256');
  for (const file of files) {
    const absolute = path.join(root, file);
    hash.update(`${file}\0`);
    if (existsSync(absolute)) hash.update(readFileSync(absolute)).update('\0');
    else hash.update('absent\0\0');
  }
  return hash.digest('hex');
}

/**
 * The list in `file`, if it was made for `key` and every file on it is unchanged.
 *
 * @param {string} file the remembered list (JSON)
 * @param {string} key what it must have been derived for (an entry, a folder)
 * @param {string} root the folder its paths are relative to
 */
export function readRemembered(file, key, root) {
  let remembered;
  try {
    remembered = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (remembered?.key !== key || !Array.isArray(remembered.files) || typeof remembered.digest !== 'string') return undefined;
  return digestFiles(root, remembered.files) === remembered.digest ? remembered : undefined;
}

/**
 * Writes the list atomically (write, then rename), so a concurrent reader never sees half.
 *
 * @param {string} file
 * @param {{ key: string, files: string[], digest: string, output?: string }} remembered
 */
export function remember(file, remembered) {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(remembered, null, 2)}\n`);
  renameSync(temporary, file);
}
