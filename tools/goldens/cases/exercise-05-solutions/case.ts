import { expect } from 'vitest';
import { defineGoldenCase, exerciseIn } from '../../golden-case.ts';

export default defineGoldenCase({
  description: "exercise 05's reference answers: full marks",
  exercise: 'exercise-05',
  from: 'solutions',
  means(run) {
    const quiz = exerciseIn(run, 'exercise-05');
    expect(run.filtered).toBe(false);
    expect(quiz.parts.every((p) => p.status === 'passed' && p.score === p.maxScore)).toBe(true);
    expect(run.counts.failed).toBe(0);
  },
});
