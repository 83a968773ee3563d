/**
 * How the quiz grader reads answers: what counts as the same answer (canonical form) and what is
 * refused as the wrong kind, with a message naming the kind expected and the value given.
 */
import { describe, expect, it } from 'vitest';
import { canonicalise, type AnswerKind } from '../../graders/exercise-05-quiz/kinds.ts';
import { answerHash } from '../../graders/exercise-05-quiz/key.ts';
import type { Wire } from '../../graders/support/sandbox/wire.ts';

const choice: AnswerKind = { kind: 'choice', options: ['A', 'B', 'C', 'D'] };
const choices: AnswerKind = { kind: 'choices', options: ['A', 'B', 'C', 'D', 'E'] };
const pair: AnswerKind = { kind: 'integers', labels: ['trainable', 'counted'] };
const matrix: AnswerKind = { kind: 'matrix', rows: 2, columns: 2 };

function canonical(kind: AnswerKind, value: Wire): string | undefined {
  const checked = canonicalise(kind, value);
  return checked.ok ? checked.canonical : undefined;
}

function refusal(kind: AnswerKind, value: Wire): string {
  const checked = canonicalise(kind, value);
  if (checked.ok) throw new Error(`accepted ${JSON.stringify(value)}`);
  return checked.message;
}

describe('the same answer, however it is written', () => {
  it('letters in any case, with spaces', () => {
    expect(['B', 'b', ' B ', 'b\n'].map((v) => canonical(choice, v))).toEqual(['B', 'B', 'B', 'B']);
  });
  it('sets of letters in any order, with repeats', () => {
    expect(canonical(choices, ['d', 'A', 'B', 'a'])).toBe(canonical(choices, ['A', 'B', 'D']));
    expect(canonical(choices, [])).toBe('');
  });
  it('-0 is 0; numbers are exact', () => {
    expect(canonical({ kind: 'integer' }, -0)).toBe('0');
    expect(canonical({ kind: 'integer' }, 73856)).not.toBe(canonical({ kind: 'integer' }, 73856.000001));
    expect(
      canonical(matrix, [
        [-0, 1],
        [2, 3],
      ]),
    ).toBe('0,1;2,3');
  });
  it('a non-whole count is an answer (wrong), with a note', () => {
    const checked = canonicalise({ kind: 'integer' }, 13.5);
    expect(checked).toMatchObject({ ok: true, canonical: '13.5' });
    expect(checked.ok && checked.note).toMatch(/13\.5 is not a whole number/);
  });
});

describe('the wrong kind is refused, naming what was expected and what was given', () => {
  it.each<[string, AnswerKind, Wire, RegExp]>([
    ['a letter that is not an option', choice, 'E', /one option letter.*'A', 'B', 'C', 'D'.*got 'E'/],
    ['an option number instead of a letter', choice, 2, /one option letter.*got 2/],
    ['one string for a set', choices, 'AB', /list of option letters.*got 'AB' \(one string/],
    ['an unknown letter in a set', choices, ['A', 'F'], /each one of.*got \['A', 'F'\]/],
    ['a string for a boolean', { kind: 'boolean' }, 'true', /true or false, without quotes; got 'true' \(a string\)/],
    ['a string for a number', { kind: 'integer' }, '13', /a number, without quotes; got '13' \(a string\)/],
    ['NaN', { kind: 'integer' }, Number.NaN, /a number.*got NaN/],
    ['a list for a number', { kind: 'integer' }, [13], /a number.*got \[13\]/],
    ['a pair of the wrong length', pair, [1, 2, 3], /a list of 2 numbers: \[trainable, counted\]; got \[1, 2, 3\]/],
    ['strings in a pair', pair, ['128', 256], /trainable is '128', a string/],
    ['a flat matrix', matrix, [1, 2, 3, 4], /2 rows of 2 numbers.*got \[1, 2, 3, 4\]/],
    [
      'a matrix with a string',
      matrix,
      [
        [1, 2],
        [3, '4'],
      ],
      /every entry must be a number/,
    ],
    ['an object', choice, { q01: 'A' }, /got \{ q01: 'A' \}/],
  ])('%s', (_, kind, value, message) => {
    expect(refusal(kind, value)).toMatch(message);
  });
});

describe('hashes', () => {
  it('depend on the salt, the question and the answer', () => {
    const base = answerHash('salt', 'q01', 'B');
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(answerHash('salt', 'q02', 'B')).not.toBe(base);
    expect(answerHash('pepper', 'q01', 'B')).not.toBe(base);
    expect(answerHash('salt', 'q01', 'C')).not.toBe(base);
  });
});
