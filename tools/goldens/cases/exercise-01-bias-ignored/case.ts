import { expect } from 'vitest';
import { defineGoldenCase, exerciseIn } from '../../golden-case.ts';

export default defineGoldenCase({
  description: 'exercise 01 with a realistic mistake (the bias-ignored mutant: conv2d forgets to add the bias): only Part D loses points',
  exercise: 'exercise-01',
  from: 'solutions',
  mutant: 'bias-ignored',
  means(run) {
    const conv = exerciseIn(run, 'exercise-01');
    expect(conv.parts.filter((p) => p.score < p.maxScore).map((p) => p.id)).toEqual(['D']);
    expect(conv.parts.find((p) => p.id === 'D')?.tests.some((t) => t.failure?.kind === 'wrong')).toBe(true);
  },
});
