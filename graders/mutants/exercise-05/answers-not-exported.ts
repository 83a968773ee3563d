import { defineMutant } from '../../support/mutants/define.ts';

const everyQuestion = Array.from({ length: 20 }, (_, i) => `q${String(i + 1).padStart(2, '0')}`);

export default defineMutant({
  description: 'the answers object renamed, so the module exports no `answers`: every question fails',
  targets: everyQuestion,
  exactly: true,
  edits: [{ find: 'export const answers: QuizAnswers = {', replace: 'export const myAnswers: QuizAnswers = {' }],
});
