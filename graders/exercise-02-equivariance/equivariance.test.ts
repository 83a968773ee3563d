/**
 * Grader of exercise 02 — translation equivariance. One describe block per part (points in
 * course.json); the student's code runs in its own process, the reference, the zoo's checks and
 * every comparison run here. Parts C and D run the student's fast-check properties through the
 * driver (driver.ts) and verify what they claim (proof.ts).
 */
import { prewarm } from '../support/prewarm.ts';

// Start the student's process first: it loads tfjs while this file loads the rest.
prewarm('exercise-02');

const { gradeExercise } = await import('../support/exercise.ts');
const { gradePartA } = await import('./part-a-translate.ts');
const { gradePartB } = await import('./part-b-circular.ts');
const { gradePartC } = await import('./part-c-equivariance.ts');
const { gradePartD } = await import('./part-d-invariance.ts');
const { gradePartE } = await import('./part-e-stride.ts');
const { gradePartF } = await import('./part-f-verdicts.ts');

const ex = gradeExercise('exercise-02');

gradePartA(ex);
gradePartB(ex);
gradePartC(ex);
gradePartD(ex);
gradePartE(ex);
gradePartF(ex);
