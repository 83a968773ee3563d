/**
 * Grader of exercise 03 — residual block. One describe block per part (points in course.json).
 * The student's block and network are built and run in their own process by driver.ts; the
 * reference, the error bounds and every verdict are made here.
 */
import { prewarm } from '../support/prewarm.ts';

// Start the student's process first: it loads tfjs while this file loads the rest.
prewarm('exercise-03');

const { gradeExercise } = await import('../support/exercise.ts');
const { gradePartA } = await import('./part-a-block-structure.ts');
const { gradePartB } = await import('./part-b-block-function.ts');
const { gradePartC } = await import('./part-c-identity.ts');
const { gradePartD } = await import('./part-d-resnet-structure.ts');
const { gradePartE } = await import('./part-e-resnet-learns.ts');

const ex = gradeExercise('exercise-03');

gradePartA(ex);
gradePartB(ex);
gradePartC(ex);
gradePartD(ex);
gradePartE(ex);
