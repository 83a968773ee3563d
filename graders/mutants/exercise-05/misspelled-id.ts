import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "the right answer under a misspelled key ('Q13' instead of 'q13'), so q13 is unanswered",
  targets: ['q13'],
  exactly: true,
  edits: [
    { find: "  q13: 'B',", replace: '  q13: undefined,' },
    { find: 'export const answers: QuizAnswers = {', replace: "export const answers: QuizAnswers = {\n  ...({ Q13: 'B' } as object)," },
  ],
});
