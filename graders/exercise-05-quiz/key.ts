/**
 * The quiz's answer key, as the graders see it: salted SHA-256 hashes, never the answers.
 *
 * `key.json` beside this file is generated from `solutions/exercise-05-quiz/answers.ts` by
 * `tools/quiz/make-key.ts` (a spec test fails when it is stale). A student release ships it
 * without the solution, so grading works while the answers stay unreadable. Each hash covers the
 * salt, the question id and the canonical answer, so equal answers to different questions hash
 * differently and a table of precomputed hashes of common answers is useless.
 *
 * What it cannot do: the answers of a quiz come from small sets (four letters, two booleans), so
 * anyone can still try them all — exactly as the grader itself lets them. The key keeps answers
 * out of sight; it is not a secret against guessing.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** A recognised wrong answer (usually the seed's), by its hash, and the name of its feedback. */
export interface TrapEntry {
  hash: string;
  /** A key of the question's `traps` in questions.ts. */
  trap: string;
}

/** The contents of key.json. */
export interface QuizKey {
  /** Written by the tool: how `hash` is computed. */
  scheme: string;
  salt: string;
  /** Question id → hash of the right answer's canonical text. */
  answers: Record<string, string>;
  /** Question id → recognised wrong answers. */
  traps: Record<string, TrapEntry[]>;
}

/** The hashing scheme, as recorded in key.json. */
export const SCHEME = 'sha256(salt + "\\n" + id + "\\n" + canonical answer), hex';

/**
 * The hash of one canonical answer to question `id`.
 *
 * @example answerHash('s4lt', 'q02', '7') → 64 hex digits; answerHash('s4lt', 'q03', '7') differs
 */
export function answerHash(salt: string, id: string, canonical: string): string {
  return createHash('sha256').update(`${salt}\n${id}\n${canonical}`).digest('hex');
}

/** Where the committed key lives. */
export const keyFile = new URL('./key.json', import.meta.url);

/**
 * Reads and checks key.json; throws naming what is wrong with it.
 *
 * @example loadKey().answers.q01 → 64 hex digits
 */
export function loadKey(file: URL | string = keyFile): QuizKey {
  const key = JSON.parse(readFileSync(file, 'utf8')) as QuizKey;
  if (typeof key.salt !== 'string' || key.salt === '' || typeof key.answers !== 'object' || typeof key.traps !== 'object') {
    throw new Error(`quiz key ${String(file)}: expected { salt, answers, traps }; regenerate it with tools/quiz/make-key.ts.`);
  }
  return key;
}
