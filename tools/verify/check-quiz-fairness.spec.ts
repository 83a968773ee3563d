/**
 * The quiz-fairness measure on hand-made questions (each rule fails on its own), and on the quiz.
 */
import { describe, expect, it } from 'vitest';
import { answers } from '../../solutions/exercise-05-quiz/answers.ts';
import { choiceQuestions, measureFairness, quizFairness, visibleLength, type ChoiceQuestion } from './check-quiz-fairness.ts';

/** A four-option question whose options have the given lengths, keyed `keyed`. */
function question(id: string, lengths: number[], keyed: string): ChoiceQuestion {
  return { id, options: lengths.map((n, i) => ({ letter: 'ABCD'[i], text: 'x'.repeat(n) })), keyed };
}

describe('measureFairness', () => {
  it('passes options whose length and position say nothing', () => {
    const items = [
      question('q1', [10, 20, 30, 40], 'B'),
      question('q2', [10, 20, 30, 40], 'C'),
      question('q3', [20, 10, 40, 30], 'A'),
      question('q4', [20, 40, 10, 30], 'D'),
    ];
    expect(measureFairness(items).problems).toEqual([]);
  });

  it('fails when the keyed option is the longest (ties included) in two questions', () => {
    const items = [question('q1', [10, 20, 30, 40], 'D'), question('q2', [30, 30, 10, 20], 'A'), question('q3', [10, 20, 30, 40], 'B')];
    expect(measureFairness(items).problems).toEqual([expect.stringMatching(/^the keyed option is the longest in q1, q2: "pick the longest" scores 2 of 3/)]);
  });

  it('fails when the keyed option is the shortest in two questions', () => {
    const items = [question('q1', [10, 20, 30, 40], 'A'), question('q2', [30, 20, 10, 40], 'C'), question('q3', [10, 20, 30, 40], 'B')];
    expect(measureFairness(items).problems).toEqual([expect.stringMatching(/^the keyed option is the shortest in q1, q2/)]);
  });

  it('fails when the keyed letters pile up on one or two positions', () => {
    const same = ['q1', 'q2', 'q3', 'q4', 'q5'].map((id) => question(id, [10, 20, 30, 40], 'B'));
    expect(measureFairness(same).problems).toEqual([
      'the keyed letters use 1 position(s) (B); expected at least 3 of A–D.',
      "'B' is keyed in 5 of 5 single-choice questions; expected at most 3.",
    ]);
    const two = [question('q1', [10, 20, 30, 40], 'B'), question('q2', [10, 20, 30, 40], 'C'), question('q3', [10, 20, 30, 40], 'B')];
    expect(measureFairness(two).problems).toEqual(['the keyed letters use 2 position(s) (B, C); expected at least 3 of A–D.']);
  });

  it('refuses a key that names no option', () => {
    expect(() => measureFairness([question('q1', [1, 2], 'D')])).toThrow(/q1 is keyed 'D', but its options are A, B/);
  });

  it('measures the text a reader sees', () => {
    expect(visibleLength('**A)** `out` is')).toBe('A) out is'.length);
  });
});

describe('the quiz', () => {
  it('reads every single-choice question with four options and its key', () => {
    const items = choiceQuestions(answers as unknown as Record<string, unknown>);
    expect(items.length).toBeGreaterThanOrEqual(7);
    for (const item of items)
      expect(
        item.options.map((o) => o.letter),
        item.id,
      ).toEqual(['A', 'B', 'C', 'D']);
  });

  it('is fair', async () => {
    const result = await quizFairness();
    expect(result.lines.filter((l) => /expected/.test(l))).toEqual([]);
    expect(result.ok).toBe(true);
  });
});
