import { expect } from 'vitest';
import { defineGoldenCase, exerciseIn, failureKinds } from '../../golden-case.ts';

export default defineGoldenCase({
  description: "exercise 05 as handed out (every answer still undefined): every part fails as 'stub'",
  exercise: 'exercise-05',
  from: 'exercises',
  means(run) {
    const quiz = exerciseIn(run, 'exercise-05');
    expect(quiz.score).toBe(0);
    expect(quiz.parts.every((p) => p.status === 'failed')).toBe(true);
    expect(failureKinds(quiz)).toEqual(['stub']);
  },
});
