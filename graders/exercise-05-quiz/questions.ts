/**
 * Every question of the quiz, in order (q01…q20). Each is one part in course.json and one key of
 * the student's `answers`.
 */
import type { Question } from './question.ts';
import { layerQuestions } from './questions-layers.ts';
import { trainingQuestions } from './questions-training.ts';
import { translationQuestions } from './questions-translation.ts';
import { familyQuestions } from './questions-families.ts';
import { seedCodeQuestions } from './questions-seed-code.ts';

export const questions: Question[] = [...layerQuestions, ...trainingQuestions, ...translationQuestions, ...familyQuestions, ...seedCodeQuestions];
