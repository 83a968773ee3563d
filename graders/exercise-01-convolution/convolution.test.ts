/**
 * Grader of exercise 01 — convolution. One describe block per part (points in course.json);
 * the student's code runs in its own process, the reference and every comparison run here.
 */
import { prewarm } from '../support/prewarm.ts';

// Start the student's process first: it loads tfjs while this file loads the rest.
prewarm('exercise-01');

const { gradeExercise } = await import('../support/exercise.ts');
const { gradePartA } = await import('./part-a-output-size.ts');
const { gradePartB } = await import('./part-b-correlate.ts');
const { gradePartC } = await import('./part-c-convolve.ts');
const { gradePartD } = await import('./part-d-conv2d.ts');
const { gradePartE } = await import('./part-e-matmul.ts');
const { gradePartF } = await import('./part-f-backward.ts');

const ex = gradeExercise('exercise-01');

gradePartA(ex);
gradePartB(ex);
gradePartC(ex);
gradePartD(ex);
gradePartE(ex);
gradePartF(ex);
