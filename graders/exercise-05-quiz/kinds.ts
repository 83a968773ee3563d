/**
 * The kinds of answer a quiz question takes, and how a given answer is checked against its kind
 * and reduced to one canonical text (the text that is hashed and compared with the key).
 *
 * Canonical forms are deliberately forgiving where two spellings mean the same answer: option
 * letters in any case and with surrounding spaces, a set of letters in any order or with
 * repeats, `-0` for `0`. A value of the wrong kind (a string where a number is expected, an
 * unknown option letter, a list of the wrong length) is not an answer: the grader says which kind
 * it expected instead of marking it wrong.
 */
import type { Wire } from '../support/sandbox/wire.ts';

/** What a question accepts. */
export type AnswerKind =
  /** One option letter, e.g. `'B'`. */
  | { kind: 'choice'; options: readonly string[] }
  /** Every option that applies, as a list of letters in any order, e.g. `['A', 'C']`. */
  | { kind: 'choices'; options: readonly string[] }
  /** `true` or `false`. */
  | { kind: 'boolean' }
  /** One number (counts and sizes: a whole number). */
  | { kind: 'integer' }
  /** A fixed-length list of numbers, one per label, e.g. `[trainable, counted]`. */
  | { kind: 'integers'; labels: readonly string[] }
  /** A matrix of numbers given as rows, e.g. `[[1, 2], [3, 4]]`. */
  | { kind: 'matrix'; rows: number; columns: number };

/** The outcome of checking a value against its kind. */
export type Canonical =
  /** A well-formed answer; `note` flags something odd about it that is worth saying if it is wrong. */
  | { ok: true; canonical: string; note?: string }
  /** Not an answer of this kind; `message` says what was expected and what was given. */
  | { ok: false; message: string };

/**
 * The kind in words, for messages.
 *
 * @example describeKind({ kind: 'integers', labels: ['VGG-16', 'ResNet-50'] }) === 'a list of 2 numbers: [VGG-16, ResNet-50]'
 */
export function describeKind(kind: AnswerKind): string {
  switch (kind.kind) {
    case 'choice':
      return `one option letter as a string: ${letters(kind.options)}`;
    case 'choices':
      return `a list of option letters (every option that applies, any order), each one of ${letters(kind.options)}`;
    case 'boolean':
      return 'true or false, without quotes';
    case 'integer':
      return 'a number, without quotes';
    case 'integers':
      return `a list of ${kind.labels.length} numbers: [${kind.labels.join(', ')}]`;
    case 'matrix':
      return `${kind.rows} rows of ${kind.columns} numbers each, as [[…], …]`;
  }
}

/**
 * A value as the student would write it in TypeScript.
 *
 * @example showValue(['A', 2, true]) === "['A', 2, true]"
 */
export function showValue(value: Wire): string {
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (value === null || typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(showValue).join(', ')}]`;
  if ('$nd' in value) return 'an ndarray';
  if ('$tensor' in value) return 'a tensor';
  return `{ ${Object.entries(value)
    .map(([k, v]) => `${k}: ${showValue(v)}`)
    .join(', ')} }`;
}

function letters(options: readonly string[]): string {
  return options.map((o) => `'${o}'`).join(', ');
}

function wrong(kind: AnswerKind, value: Wire, why = ''): Canonical {
  return { ok: false, message: `expected ${describeKind(kind)}; got ${showValue(value)}${why}.` };
}

function letter(options: readonly string[], value: Wire): string | undefined {
  if (typeof value !== 'string') return undefined;
  const normalised = value.trim().toUpperCase();
  return options.includes(normalised) ? normalised : undefined;
}

/** A finite number's canonical text (`-0` is `0`), or undefined for anything else. */
function number(value: Wire): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  return Object.is(value, -0) ? '0' : String(value);
}

function stringNote(value: Wire): string {
  return typeof value === 'string' ? ' (a string)' : '';
}

const wholeNote = 'is not a whole number — a count of parameters, positions or pixels always is.';

/**
 * Checks `value` against `kind` and returns its canonical text.
 *
 * @example canonicalise({ kind: 'choices', options: ['A', 'B', 'C'] }, ['c', 'A']) → { ok: true, canonical: 'A,C' }
 * @example canonicalise({ kind: 'integer' }, '12') → { ok: false, message: "expected a number, without quotes; got '12' (a string)." }
 */
export function canonicalise(kind: AnswerKind, value: Wire): Canonical {
  switch (kind.kind) {
    case 'choice': {
      const found = letter(kind.options, value);
      return found === undefined ? wrong(kind, value) : { ok: true, canonical: found };
    }
    case 'choices': {
      if (!Array.isArray(value)) return wrong(kind, value, typeof value === 'string' ? " (one string: put the letters in a list, e.g. ['A'])" : '');
      const found = value.map((v) => letter(kind.options, v));
      if (found.some((f) => f === undefined)) return wrong(kind, value);
      return { ok: true, canonical: [...new Set(found as string[])].sort().join(',') };
    }
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, canonical: String(value) } : wrong(kind, value, stringNote(value));
    case 'integer': {
      const text = number(value);
      if (text === undefined) return wrong(kind, value, stringNote(value));
      return Number.isInteger(value) ? { ok: true, canonical: text } : { ok: true, canonical: text, note: `${text} ${wholeNote}` };
    }
    case 'integers': {
      if (!Array.isArray(value) || value.length !== kind.labels.length) return wrong(kind, value);
      const texts = value.map(number);
      const bad = texts.indexOf(undefined);
      if (bad >= 0) return wrong(kind, value, ` (${kind.labels[bad]} is ${showValue(value[bad])}${typeof value[bad] === 'string' ? ', a string' : ''})`);
      const notWhole = value.find((v) => !Number.isInteger(v));
      return { ok: true, canonical: texts.join(','), ...(notWhole === undefined ? {} : { note: `${showValue(notWhole)} ${wholeNote}` }) };
    }
    case 'matrix': {
      const shaped = Array.isArray(value) && value.length === kind.rows && value.every((row) => Array.isArray(row) && row.length === kind.columns);
      if (!shaped) return wrong(kind, value);
      const rows = (value as Wire[][]).map((row) => row.map(number));
      if (rows.some((row) => row.some((t) => t === undefined))) return wrong(kind, value, ' (every entry must be a number)');
      return { ok: true, canonical: rows.map((row) => row.join(',')).join(';') };
    }
  }
}
