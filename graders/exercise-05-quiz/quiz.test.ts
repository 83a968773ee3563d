/**
 * Grader of exercise 05 — the quiz. One part per question (points in course.json); the answers
 * are read once from the student's process as plain data and compared, here, with the right
 * answers: the hidden solution's where it is present, else the salted hashes of key.json
 * (grading-key.ts). Plain data only, so it runs on cpu only.
 */
import { prewarm } from '../support/prewarm.ts';

// Start the student's process first: it loads while this file loads the rest.
prewarm('exercise-05');

const { gradeExercise } = await import('../support/exercise.ts');
const { questions } = await import('./questions.ts');
const { gradingKey } = await import('./grading-key.ts');
const { answersReader } = await import('./read-answers.ts');
const { gradeQuestion } = await import('./grade-question.ts');

const ex = gradeExercise('exercise-05');
const { key } = await gradingKey(questions);
const answers = answersReader(
  ex,
  questions.map((q) => q.id),
);

for (const question of questions) gradeQuestion(ex, question, key, answers);
