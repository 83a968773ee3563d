import { expect } from 'vitest';
import { defineGoldenCase, exerciseIn, failureKinds } from '../../golden-case.ts';

export default defineGoldenCase({
  description:
    'exercise 01 with a debugging line left at the top of the file that throws (outputSize with a negative padding): the module cannot be imported, every part fails',
  exercise: 'exercise-01',
  from: 'solutions',
  edits: [{ append: 'console.log(outputSize(5, 3, { padding: -1 }));' }],
  means(run) {
    const conv = exerciseIn(run, 'exercise-01');
    expect(conv.score).toBe(0);
    expect(failureKinds(conv)).toEqual(['setup']);
  },
});
