/**
 * One question = one part with one test: read the student's answer, check its kind, hash its
 * canonical form and compare with the key. A wrong answer gets the seed's misconception (when the
 * question has one), feedback for a recognised wrong answer, the concept and where to read — but
 * never the answer.
 */
import type { ExerciseGrader } from '../support/exercise.ts';
import { GradeFailure, type Section } from '../support/failure.ts';
import type { Question } from './question.ts';
import { answerHash, type QuizKey } from './key.ts';
import { canonicalise, describeKind, showValue } from './kinds.ts';
import type { ReadAnswers } from './read-answers.ts';

function notAnswered(question: Question, read: ReadAnswers, file: string): GradeFailure {
  const typo = read.unknownKeys.find((key) => key.toLowerCase().replace(/^q0*/, '') === question.id.replace(/^q0*/, ''));
  const sections: Section[] =
    typo === undefined ? [] : [{ label: 'note', body: `\`answers\` has an entry '${typo}': the key must be spelled exactly '${question.id}'.` }];
  return new GradeFailure(
    `${question.id} is not answered yet: in ${file}, set ${question.id} to ${describeKind(question.answer)}. The question is in QUIZ.md.`,
    sections,
    'stub',
  );
}

function feedback(question: Question, given: string, trap: string | undefined, note: string | undefined): Section[] {
  const sections: Section[] = [{ label: 'your answer', body: given }];
  if (note !== undefined) sections.push({ label: 'note', body: note });
  if (trap !== undefined) sections.push({ label: 'about this answer', body: trap });
  if (question.seed !== undefined) sections.push({ label: 'the seed', body: question.seed });
  sections.push({ label: 'think again', body: question.concept }, { label: 'read', body: question.read });
  return sections;
}

/**
 * Declares the part of `question`: one test that earns its points for the right answer.
 *
 * @example for (const q of questions) gradeQuestion(ex, q, loadKey(), answersReader(ex, ids));
 */
export function gradeQuestion(ex: ExerciseGrader, question: Question, key: QuizKey, answers: () => Promise<ReadAnswers>): void {
  ex.part(question.id, () => {
    ex.test(`answer to ${question.id}`, async () => {
      const read = await answers();
      const given = read.values[question.id];
      if (given === undefined) throw notAnswered(question, read, ex.entryPath);
      const checked = canonicalise(question.answer, given);
      if (!checked.ok) throw new GradeFailure(`${question.id}: ${checked.message}`);
      const expected = key.answers[question.id];
      if (expected === undefined) throw new Error(`the quiz key has no entry for ${question.id} (regenerate graders/exercise-05-quiz/key.json)`);
      const hash = answerHash(key.salt, question.id, checked.canonical);
      if (hash === expected) return;
      const trapName = key.traps[question.id]?.find((t) => t.hash === hash)?.trap;
      const trap = trapName === undefined ? undefined : question.traps?.[trapName];
      throw new GradeFailure(`${question.id}: not the right answer yet.`, feedback(question, showValue(given), trap, checked.note));
    });
  });
}
