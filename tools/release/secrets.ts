/**
 * What must never appear in a student release, read from the instructors' repository: the
 * solution files, the bodies of their functions, and the answers their data exports hold (a
 * quiz's `answers`, a table of verdicts) — minus whatever is public anyway because the stubs in
 * exercises/ contain it too (a helper file shipped to students, say).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Course } from '../../graders/support/course.ts';
import { exportedFunctionBodies, minifyTs } from './function-bodies.ts';
import { walk } from './contents.ts';
import escapeStringRegexp from 'escape-string-regexp';

/** Shorter bodies (minified, whitespace removed) are too common to prove a leak. */
export const minBodyLength = 60;

/** A needle for the scanner: what it means, and how to find it. */
export interface Needle {
  what: string;
  /** Searched in the file's text with all whitespace removed and `"` read as `'`. */
  squeezed?: RegExp;
  /** Searched in the raw text. */
  raw?: RegExp;
  /** Searched in code only: the same object literal holding the key and its answer. */
  code?: RegExp;
}

export interface Secrets {
  /** Solution files (repository-relative) by content hash. */
  files: Map<string, string>;
  /** Minified, whitespace-free bodies of exported functions, with the function's file. */
  bodies: { file: string; text: string }[];
  answers: Needle[];
}

function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The scanner's normal form: all whitespace removed, escaped quotes unescaped (JSON inside JSON,
 * as in sealed recordings) and double quotes read as single ones.
 */
export function squeeze(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/\\+(["'])/g, '$1')
    .replace(/"/g, "'");
}

/** `n` written with or without thousands separators (73856, 73,856, 73 856). */
function numberRegex(n: number): RegExp {
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '[,\\s\u2009\u202f]?');
  return new RegExp(`(?<![\\d.])${n < 0 ? '-' : ''}${digits}(?![\\d]|\\.\\d)`);
}

function largeNumbers(value: unknown): number[] {
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) >= 1000 ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(largeNumbers);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(largeNumbers);
  return [];
}

/** Needles for one answer: the `key: value` pair in any spelling, its large numbers, and for a text answer the key and answer in one object literal. */
function answerNeedles(where: string, key: string, value: unknown): Needle[] {
  const json = JSON.stringify(value);
  if (json === undefined) return [];
  const squeezedValue = escapeStringRegexp(squeeze(json));
  const needles: Needle[] = [
    { what: `${where}.${key} = ${json}`, squeezed: new RegExp(`(?<![\\w$])'?${escapeStringRegexp(key)}'?:${squeezedValue}(?![\\w.])`) },
  ];
  for (const n of largeNumbers(value)) needles.push({ what: `${where}.${key} (${n})`, raw: numberRegex(n) });
  if (typeof value === 'string')
    needles.push({
      what: `${where}.${key} = ${json} (key and answer in one object)`,
      code: new RegExp(`'${escapeStringRegexp(key)}'[^{}]{0,300}?'${escapeStringRegexp(value)}'`),
    });
  return needles;
}

async function dataExports(file: string): Promise<Record<string, unknown>> {
  if (!existsSync(file)) return {};
  const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(module).filter(([, v]) => typeof v !== 'function'));
}

/**
 * Every secret of the repository at `root` for the exercises of `course`.
 *
 * @example (await collectSecrets(repoRoot, course)).answers.some((n) => n.what.startsWith('exercise-05 answers.q04')) → true
 */
export async function collectSecrets(root: string, course: Course): Promise<Secrets> {
  const publicFiles = walk(root, 'exercises');
  const publicHashes = new Set(publicFiles.map((f) => sha256(readFileSync(path.join(root, f)))));
  const publicText = publicFiles.map((f) => squeeze(minifyTs(readFileSync(path.join(root, f), 'utf8')) ?? readFileSync(path.join(root, f), 'utf8'))).join('\n');
  const secrets: Secrets = { files: new Map(), bodies: [], answers: [] };
  for (const file of walk(root, 'solutions')) {
    const bytes = readFileSync(path.join(root, file));
    const hash = sha256(bytes);
    if (publicHashes.has(hash)) continue;
    secrets.files.set(hash, file);
    if (!/\.(ts|mts|js|mjs)$/.test(file)) continue;
    const code = minifyTs(bytes.toString('utf8'));
    if (code === undefined) continue;
    for (const body of exportedFunctionBodies(code)) {
      const text = squeeze(body);
      if (text.length >= minBodyLength && !publicText.includes(text)) secrets.bodies.push({ file, text });
    }
  }
  for (const exercise of course.exercises) {
    const solution = await dataExports(path.join(root, 'solutions', exercise.folder, exercise.files[0]));
    const stub = await dataExports(path.join(root, 'exercises', exercise.folder, exercise.files[0]));
    for (const [name, value] of Object.entries(solution)) {
      const where = `${exercise.id} ${name}`;
      const given = stub[name];
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const stubRecord = (given ?? {}) as Record<string, unknown>;
        for (const [key, entry] of Object.entries(value)) {
          if (JSON.stringify(entry) !== JSON.stringify(stubRecord[key])) secrets.answers.push(...answerNeedles(where, key, entry));
        }
      } else if (JSON.stringify(value) !== JSON.stringify(given)) {
        secrets.answers.push(...answerNeedles(exercise.id, name, value));
      }
    }
  }
  return secrets;
}
