/**
 * Judging error messages: an invalid argument must produce an `Error` (any subclass) whose
 * message says what was given — the offending value must appear in it — so that the person who
 * passed it can fix their call. Values are recognised by meaning, not by one phrasing: `-1` is
 * the number -1 wherever it stands (`got -1`, `padding=-1`, `(-1)`), never a piece of `-10`; a
 * rank is found as "3 dimensions", "rank 3", "3-D", "ndim=3", "expected 2 dims, got 3"…; a shape
 * as `[2, 2, 1]`, `(2, 2, 1)`, `2x2x1`, `2×2×1`….
 */
import { GradeFailure } from './failure.ts';
import type { Thrown } from './sandbox/wire.ts';

/**
 * Something a message must mention:
 * - a string: a number (`'-1'`, `'1.5'`) must appear as that number; other text (a name, `'full'`)
 *   must appear as written, case-insensitive;
 * - a list: any one of its alternatives;
 * - `{ shape }`: the given shape, in any common wording;
 * - `{ rank, shape? }`: the given rank in any common wording, or (when given) its shape.
 */
export type Mention = string | string[] | { shape: number[] } | { rank: number; shape?: number[] };

const NUMBER = /^[-+]?\d+(\.\d+)?$/;
const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
/** Not glued to more digits or a decimal point on either side (3 in "13", "3.5" or "0.3" is not 3). */
const alone = (digits: string): string => `(?<![\\d.])${digits}(?!\\.?\\d)`;

/**
 * The numbers written in `message`, as numbers: `-1` counts as negative only when its minus is a
 * sign (after a space, `=`, `(`…), not a hyphen (`rank-4` is 4); `−` (U+2212) is a minus too.
 *
 * @example numbersIn('got shape [2, 2, 1], padding=-1.5') → [2, 2, 1, -1.5]
 */
export function numbersIn(message: string): number[] {
  const found = message.matchAll(/(?<![\d.])((?<![\p{L}\d])[-−])?(\d+(?:\.\d+)?(?:e[-+]?\d+)?)/giu);
  return [...found].map((m) => (m[1] ? -1 : 1) * Number(m[2]));
}

/** The patterns a shape is written in: `[2, 2, 1]`, `(2,2,1)`, `2x2x1`, `2 × 2 × 1`, `2 by 2 by 1`; `[4]`, `(4,)`, `shape 4`. */
function shapePattern(shape: number[]): RegExp {
  if (shape.length === 1) return new RegExp(`[[(]\\s*${alone(String(shape[0]))}\\s*,?\\s*[\\])]|shape\\W{0,3}${alone(String(shape[0]))}`, 'i');
  return new RegExp(shape.map((d) => alone(String(d))).join('\\s*(?:,|x|×|\\*|by)\\s*'), 'i');
}

/** The patterns a rank is written in: "3 dimensions", "3-D", "3D", "rank 3", "ndim=3", "expected 2 dims, got 3", "three-dimensional". */
function rankPattern(rank: number): RegExp {
  const n = `(?:${alone(String(rank))}${WORDS[rank] ? `|\\b${WORDS[rank]}\\b` : ''})`;
  const word = String.raw`(?:rank|ndims?|dims?|dimensions?|dimensionality|dimensional|axes|order|length|\d-?d)`;
  const after = String.raw`${n}\s*-?\s*(?:d|dims?|dimensions?|dimension\(s\)|dimensional|axes|axis|rank)\b`;
  const before = String.raw`\b${word}\b[\s:=-]*(?:(?:of|is|was|equals?|equal to)\s+)?${n}`;
  const contrast = String.raw`\b${word}\b[^.;\n]{0,40}?\b(?:got|given|received|has|have|had|found|is|was|not|but|instead)\b[\s:=]*(?:(?:a|an|only|rank|ndim|of)\b[\s:=-]*)*${n}(?=\s*(?:$|[.,;:!)\]}]|and\b|but\b|instead\b))`;
  return new RegExp(`${after}|${before}|${contrast}`, 'iu');
}

/** Whether `message` mentions `m` (see {@link Mention}). */
export function mentions(message: string, m: Mention): boolean {
  if (Array.isArray(m)) return m.some((alt) => mentions(message, alt));
  if (typeof m === 'string') {
    return NUMBER.test(m) ? numbersIn(message).includes(Number(m)) : message.toLowerCase().includes(m.toLowerCase());
  }
  if (m.shape && shapePattern(m.shape).test(message)) return true;
  return 'rank' in m && rankPattern(m.rank).test(message);
}

/** A mention as a reader would say it, for the failure message. */
function describe(m: Mention): string {
  if (Array.isArray(m)) return m.map(describe).join(' or ');
  if (typeof m === 'string') return `'${m}'`;
  const shape = m.shape ? `its shape [${m.shape.join(', ')}]` : '';
  return 'rank' in m ? `its rank (${m.rank})${shape ? ` or ${shape}` : ''}` : shape;
}

/**
 * Fails unless `thrown` is an Error whose message mentions every entry of `mentions` (see
 * {@link Mention}), e.g. the value given and the parameter's name.
 *
 * @example expectInformative('outputSize', 'for padding -1', thrown, ['-1', 'padding'])
 * @example expectInformative('correlate2d', 'for an image of rank 3', thrown, [{ rank: 3, shape: [2, 2, 1] }])
 */
export function expectInformative(fn: string, situation: string, thrown: Thrown, required: Mention[]): void {
  if (!thrown.isError) {
    throw new GradeFailure(`${fn} threw a non-Error value (${thrown.message}) ${situation}; throw new Error('…') with a message instead.`);
  }
  const missing = required.filter((m) => !mentions(thrown.message, m));
  if (missing.length > 0) {
    throw new GradeFailure(`${fn} threw ${situation}, but its message does not say what was given: it should mention ${missing.map(describe).join(' and ')}.`, [
      { label: 'your message', body: thrown.message || '(empty)' },
    ]);
  }
}
