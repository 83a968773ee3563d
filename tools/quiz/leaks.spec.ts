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

describe('no feedback, hint or question text states its answer', () => {
  const sections = quizSections();
  for (const question of questions) {
    it(question.id, () => {
      const answer = solution[question.id];
      const feedback = feedbackOf(question);
      const quizText = sections.find((s) => s.id === question.id)?.text ?? '';
      for (const n of distinctiveNumbers(answer)) {
        for (const text of [...feedback, quizText]) expect(text, `${question.id} states ${n}`).not.toMatch(numberPattern(n));
      }
      if (question.answer.kind === 'boolean') {
        for (const text of feedback) expect(text, `${question.id}: feedback mentions true/false`).not.toMatch(/\b(true|false)\b/i);
      }
      if (question.answer.kind === 'choice' || question.answer.kind === 'choices') {
        for (const letter of [answer].flat() as string[]) {
          for (const text of feedback) expect(text, `${question.id}: feedback points at ${letter}`).not.toMatch(new RegExp(`\\b${letter}\\)|\\b(option|answer|letter)\\s+'?${letter}\\b|'${letter}'`, 'i'));
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
    const large = Object.values(solution).flatMap(distinctiveNumbers).filter((n) => n >= 1000);
    expect(large.length).toBeGreaterThan(0);
    for (const n of large) for (const text of texts) expect(text).not.toMatch(numberPattern(n));
  });

  it('the number pattern finds every spelling', () => {
    for (const text of ['73856', 'has 73,856 parameters', '73 856', '73\u202f856.']) expect(text).toMatch(numberPattern(73856));
    for (const text of ['173856', '73856.5', '738560']) expect(text).not.toMatch(numberPattern(73856));
  });
});
