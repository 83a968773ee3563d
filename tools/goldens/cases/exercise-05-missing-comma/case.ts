import { expect } from 'vitest';
import { defineGoldenCase, exerciseIn, failureKinds } from '../../golden-case.ts';

export default defineGoldenCase({
  description: "exercise 05's answers with a comma missing between two entries: the file does not compile, every part fails as 'compile'",
  exercise: 'exercise-05',
  from: 'solutions',
  edits: [{ find: "q09: 'D',", replace: "q09: 'D'" }],
  means(run) {
    const quiz = exerciseIn(run, 'exercise-05');
    expect(quiz.score).toBe(0);
    expect(failureKinds(quiz)).toEqual(['compile']);
  },
});
