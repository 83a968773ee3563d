/**
 * The proof that a release leaks no solution: every file of the release tree (compressed sealed
 * recordings unpacked) is searched for a solution file, a solution function body and a plain
 * answer (see secrets.ts). Paths under solutions/, graders/mutants/ or graders/hostile/ are leaks
 * by themselves.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { isSolutionPath } from './contents.ts';
import { minifyTs } from './function-bodies.ts';
import { squeeze, type Secrets } from './secrets.ts';

/** One leak: where, and what it gives away. */
export interface Leak {
  file: string;
  line: number | undefined;
  what: string;
}

/** Every file under `root` (links not followed; node_modules and .git skipped). */
function allFiles(root: string, relative = ''): string[] {
  return readdirSync(path.join(root, relative))
    .sort()
    .flatMap((name) => {
      const child = relative === '' ? name : `${relative}/${name}`;
      if (name === 'node_modules' || name === '.git') return [];
      const stat = lstatSync(path.join(root, child));
      if (stat.isDirectory()) return allFiles(root, child);
      return stat.isFile() ? [child] : [];
    });
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** The texts to search in a file: its text (unpacked when gzip), and for Markdown its code blocks as code. */
function textsOf(file: string, bytes: Buffer): { text: string; code: string | undefined } | undefined {
  let data = bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      data = gunzipSync(bytes);
    } catch {
      return undefined;
    }
  }
  if (data.subarray(0, 8192).includes(0)) return undefined;
  const text = data.toString('utf8');
  if (/\.(ts|mts|js|mjs)$/.test(file)) return { text, code: minifyTs(text, /\.m?js$/.test(file) ? 'js' : 'ts') };
  if (/\.md$/.test(file)) {
    const blocks = [...text.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m) => minifyTs(m[1]) ?? '').join('\n');
    return { text, code: blocks };
  }
  return { text, code: file.endsWith('.json') ? text : undefined };
}

/**
 * Every leak of `secrets` in the release at `root`; empty when the release is clean.
 *
 * @example scanRelease('/tmp/release', secrets) → [{ file: 'COURSE.md', line: 67, what: 'exercise-05 answers.q04 (73856)' }]
 */
export function scanRelease(root: string, secrets: Secrets): Leak[] {
  const leaks: Leak[] = [];
  for (const file of allFiles(root)) {
    if (isSolutionPath(file)) leaks.push({ file, line: undefined, what: 'a file under a folder that holds solutions (or edits of them)' });
    const bytes = readFileSync(path.join(root, file));
    const solution = secrets.files.get(createHash('sha256').update(bytes).digest('hex'));
    if (solution !== undefined) {
      leaks.push({ file, line: undefined, what: `a copy of ${solution}` });
      continue;
    }
    const texts = textsOf(file, bytes);
    if (texts === undefined) continue;
    const squeezed = squeeze(texts.text);
    const squeezedCode = texts.code === undefined ? undefined : squeeze(texts.code);
    for (const body of secrets.bodies) {
      if (squeezed.includes(body.text) || squeezedCode?.includes(body.text))
        leaks.push({ file, line: undefined, what: `the body of a function of ${body.file}: ${body.text.slice(0, 60)}…` });
    }
    for (const needle of secrets.answers) {
      const raw = needle.raw?.exec(texts.text);
      if (raw) leaks.push({ file, line: lineOf(texts.text, raw.index), what: `the answer ${needle.what}` });
      if (needle.squeezed?.test(squeezed)) leaks.push({ file, line: undefined, what: `the answer ${needle.what}` });
      if (needle.code !== undefined && squeezedCode !== undefined && needle.code.test(squeezedCode))
        leaks.push({ file, line: undefined, what: `the answer ${needle.what}` });
    }
  }
  return leaks;
}

/** A leak as one line. */
export function formatLeak(leak: Leak): string {
  return `${leak.file}${leak.line !== undefined ? `:${leak.line}` : ''}: ${leak.what}`;
}
