/**
 * Grader of exercise 04 — what did the network learn? One describe block per part (points in
 * course.json). The student's functions take tfjs models, which cannot cross the process
 * boundary: driver.ts builds each model in the student's process from a plain spec (models.ts),
 * and the reference and every verdict run here on the same spec.
 */
import { prewarm } from '../support/prewarm.ts';

// Start the student's process first: it loads tfjs while this file loads the rest.
prewarm('exercise-04');

const { gradeExercise } = await import('../support/exercise.ts');
const { gradePartA } = await import('./part-a-get-filters.ts');
const { gradePartB } = await import('./part-b-filter-grid.ts');
const { gradePartC } = await import('./part-c-activation-maps.ts');
const { gradePartD } = await import('./part-d-maximize.ts');

const ex = gradeExercise('exercise-04');

gradePartA(ex);
gradePartB(ex);
gradePartC(ex);
gradePartD(ex);
