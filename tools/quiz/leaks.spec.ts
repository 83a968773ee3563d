/**
 * No text a student can read before answering states an answer: not the grader's feedback (seed,
 * concept, traps, read), not the hints in course.json, not the question in QUIZ.md, not the README.
 * Numbers are searched in every spelling (73856, 73,856, 73 856); booleans by the words true/false
 * in feedback and hints; letters by references such as "B)" or "option B".
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Question } from '../../graders/exercise-05-quiz/question.ts';
import { questions } from '../../graders/exercise-05-quiz/questions.ts';
import { answers } from '../../solutions/exercise-05-quiz/answers.ts';
import { exercise, quizSections, readme } from './quiz-files.ts';

const solution = answers as unknown as Record<string, unknown>;

/** Feedback and hints of a question: shown after a wrong answer, or asked for. */
function feedbackOf(question: Question): string[] {
  const hints = exercise.parts.find((p) => p.id === question.id)?.hints ?? [];
  return [question.seed ?? '', question.concept, question.read, ...Object.values(question.traps ?? {}), ...hints];
}

/** A regular expression for `n` written with or without thousands separators. */
function numberPattern(n: number): RegExp {
  const digits = String(Math.abs(n));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '[,\\s\u2009\u202f]?');
  return new RegExp(`(?<![\\d.])${n < 0 ? '-' : ''}${grouped}(?![\\d]|\\.\\d)`);
}

/** Numbers of an answer that are distinctive enough to search for (small ones occur everywhere). */
function distinctiveNumbers(value: unknown): number[] {
  return [value].flat(2).filter((v): v is number => typeof v === 'number' && Math.abs(v) >= 10);
}

const digitWords = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/**
 * A small whole number (0–9) stated as an answer: after a verb ("is 7", "= seven", "has none"),
 * or before a unit ("7 pixels", "no parameters"). Bare digits occur everywhere; these do not.
 */
function statedSmallNumber(n: number): RegExp {
  const said = n === 0 ? '0|zero|none' : `${n}|${digitWords[n]}`;
  const counted = n === 0 ? '0|zero|no' : `${n}|${digitWords[n]}`;
  return new RegExp(
    `\\b(?:is|are|equals?|gives|has|have|makes|sees?)\\s+(?:${said})\\b|=\\s*(?:${said})\\b|\\b(?:${counted})\\s+(?:parameters?|weights?|pixels?|layers?|columns?)\\b`,
    'i',
  );
}

/** A list of numbers written out, in any spacing, with or without commas or numpy's trailing dots: `[3, 1]`, `[1. 1. 0.]`. */
function listPattern(values: readonly number[]): RegExp {
  return new RegExp(`\\[\\s*${values.map((v) => `${v}\\.?`).join('\\s*[,\\s]\\s*')}\\s*\\]`);
}

/** Every way a text could state `answer` that {@link distinctiveNumbers} misses: small numbers, lists and matrix rows. */
function statementPatterns(answer: unknown): RegExp[] {
  const patterns: RegExp[] = [];
  const small = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 10;
  if (small(answer)) patterns.push(statedSmallNumber(answer));
  if (Array.isArray(answer) && answer.every((v) => typeof v === 'number')) {
    patterns.push(listPattern(answer), ...answer.filter(small).map(statedSmallNumber));
  }
  if (Array.isArray(answer) && answer.every((row) => Array.isArray(row))) patterns.push(...(answer as number[][]).map(listPattern));
  return patterns;
}

describe('no feedback, hint or question text states its answer', () => {
  const sections = quizSections();
  for (const question of questions) {
    it(question.id, () => {
      const answer = solution[question.id];
      const feedback = feedbackOf(question);
      const quizText = sections.find((s) => s.id === question.id)?.text ?? '';
      expect(quizText, `${question.id} has a section in QUIZ.md`).not.toBe('');
      for (const n of distinctiveNumbers(answer)) {
        for (const text of [...feedback, quizText]) expect(text, `${question.id} states ${n}`).not.toMatch(numberPattern(n));
      }
      for (const pattern of statementPatterns(answer)) {
        for (const text of [...feedback, quizText]) expect(text, `${question.id} states its answer (${pattern.source})`).not.toMatch(pattern);
      }
      if (question.answer.kind === 'boolean') {
        for (const text of feedback) expect(text, `${question.id}: feedback mentions true/false`).not.toMatch(/\b(true|false)\b/i);
      }
      if (question.answer.kind === 'choice' || question.answer.kind === 'choices') {
        for (const letter of [answer].flat() as string[]) {
          for (const text of feedback)
            expect(text, `${question.id}: feedback points at ${letter}`).not.toMatch(
              new RegExp(`\\b${letter}\\)|\\b(option|answer|letter)\\s+'?${letter}\\b|'${letter}'`, 'i'),
            );
        }
      }
    });
  }

  it('the large answers appear nowhere in the grader, course.json, QUIZ.md or the README', () => {
    const graderDir = new URL('../../graders/exercise-05-quiz/', import.meta.url);
    const graderTexts = readdirSync(graderDir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(new URL(f, graderDir), 'utf8'));
    const texts = [...graderTexts, JSON.stringify(exercise), sections.map((s) => s.text).join('\n'), readme()];
    const large = Object.values(solution)
      .flatMap(distinctiveNumbers)
      .filter((n) => n >= 1000);
    expect(large.length).toBeGreaterThan(0);
    for (const n of large) for (const text of texts) expect(text).not.toMatch(numberPattern(n));
  });

  it('the statement patterns find small numbers, lists and matrix rows stated, and leave their mere mention alone', () => {
    const [zero] = statementPatterns(0);
    for (const text of ['The layer has 0 parameters.', 'it has none', 'no parameters at all', 'countParams() = 0']) expect(text).toMatch(zero);
    for (const text of ['a 0-padded input', 'none of them is learned', 'no dilation']) expect(text).not.toMatch(zero);
    const [seven] = statementPatterns(7);
    for (const text of ['the field is 7 pixels wide', 'it sees seven', '7 pixels']) expect(text).toMatch(seven);
    for (const text of ['7×7 filters', 'range(7, 9)']) expect(text).not.toMatch(seven);
    const [list, three, one] = statementPatterns([3, 1]);
    expect('answer [3,1] here').toMatch(list);
    expect('VGG-16 has 3 dense layers').toMatch(three);
    expect('ResNet-50 has one').toMatch(one);
    expect('Table 1 of the paper, a 3×3 window').not.toMatch(new RegExp(`${list.source}|${three.source}|${one.source}`, 'i'));
    const rows = statementPatterns([
      [1, 1, 0],
      [0, 0, 0],
    ]);
    expect(rows).toHaveLength(2);
    expect('[[1. 1. 0.]').toMatch(rows[0]);
    expect('[0, 0, 0]').toMatch(rows[1]);
    expect('range(2, 4) and np.zeros((3, 3))').not.toMatch(rows[1]);
  });

  it('the number pattern finds every spelling', () => {
    for (const text of ['73856', 'has 73,856 parameters', '73 856', '73\u202f856.']) expect(text).toMatch(numberPattern(73856));
    for (const text of ['173856', '73856.5', '738560']) expect(text).not.toMatch(numberPattern(73856));
  });
});
