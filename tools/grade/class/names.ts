/**
 * Students' names as the class run uses them: one order every machine agrees on (shards and the
 * merge sort the same way), and a file name for each student's feedback and results that the file
 * system accepts whatever the folder was called.
 */
import { createHash } from 'node:crypto';

/**
 * Orders names by their UTF-16 code units: the same on every machine and locale, unlike
 * localeCompare.
 *
 * @example ['bob', 'Ada', 'ada'].sort(byName) → ['Ada', 'ada', 'bob']
 */
export function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** File names longer than this are shortened (most file systems allow 255 bytes). */
const maxFileName = 120;

/**
 * The file name (without extension) of a student's outputs: the name percent-encoded, shortened
 * with a hash of the full name when it is too long for the file system.
 *
 * @example outputName('ada lovelace') → 'ada%20lovelace'; outputName('x'.repeat(300)) → 'xxx…x-<16 hex digits>'
 */
export function outputName(student: string): string {
  const encoded = encodeURIComponent(student);
  if (encoded.length <= maxFileName) return encoded;
  return `${encoded.slice(0, maxFileName - 17).replace(/%[0-9A-F]?$/, '')}-${createHash('sha256').update(student).digest('hex').slice(0, 16)}`;
}
