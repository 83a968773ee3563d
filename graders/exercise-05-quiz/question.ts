/**
 * What the grader knows about one quiz question: its answer kind and the feedback a wrong answer
 * gets. Never the answer itself (that is only in the hashed key) — and no feedback text may state
 * it either (`tools/quiz/leaks.spec.ts` checks).
 *
 * The question's wording is in exercises/exercise-05-quiz/QUIZ.md; its title, points and hints are
 * its part in course.json.
 */
import type { AnswerKind } from './kinds.ts';

export interface Question {
  /** `q01`…: the part id in course.json and the key in the student's `answers`. */
  id: string;
  answer: AnswerKind;
  /**
   * The seed's claim this question corrects, with its entry in ARTICLE-ERRATA.md ("article errata
   * #N") — shown with every wrong answer so the student sees where the misconception comes from.
   */
  seed?: string;
  /** The concept, explained so that the student can find the answer (never stating it). */
  concept: string;
  /**
   * Feedback for recognised wrong answers, by name. Which answers they are is hashed in key.json
   * (the plain answers are in tools/quiz/traps.ts, outside a student release).
   */
  traps?: Record<string, string>;
  /** Where to read more: the COURSE.md section, then primary sources. */
  read: string;
}

/**
 * Declares a question (identity function, for type checking).
 *
 * @example defineQuestion({ id: 'q02', answer: { kind: 'integer' }, concept: '…', read: 'COURSE.md › …' })
 */
export function defineQuestion(question: Question): Question {
  return question;
}
