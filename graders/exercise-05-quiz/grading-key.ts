/**
 * The key the quiz is graded with. Where the hidden solution is present (the instructors'
 * repository: class grading, the grade of record), the right answers are read from
 * `solutions/exercise-05-quiz/answers.ts` itself; the salted hashes of key.json, which every student
 * has, are used only where the solution is absent (a student release), and that score is advisory:
 * the allowed answers are few, so anyone can recover the shipped key by trying them all.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { findExercise } from '../support/course.ts';
import { hasLiveSolution, solutionFile } from '../support/reference.ts';
import type { Wire } from '../support/sandbox/wire.ts';
import { answerHash, keyFile, loadKey, type QuizKey } from './key.ts';
import { canonicalise } from './kinds.ts';
import type { Question } from './question.ts';

/** The key, and where its right answers came from. */
export interface GradingKey {
  key: QuizKey;
  /** 'solutions': the plain answers held back; 'shipped': key.json (advisory). */
  source: 'solutions' | 'shipped';
}

/**
 * `shipped` with its right answers replaced by the hashes of `answers` (question id → plain answer),
 * under the shipped salt; the recognised wrong answers (feedback only, no points) are kept.
 * Throws naming the question when the solution leaves one unanswered or gives an invalid answer.
 *
 * @example keyFromAnswers(loadKey(), questions, { q01: 'D', … }).answers.q01 → answerHash(salt, 'q01', 'D')
 */
export function keyFromAnswers(shipped: Pick<QuizKey, 'scheme' | 'salt' | 'traps'>, questions: Question[], answers: Record<string, unknown>): QuizKey {
  const key: QuizKey = { scheme: shipped.scheme, salt: shipped.salt, answers: {}, traps: shipped.traps };
  for (const question of questions) {
    const given = answers[question.id];
    const checked = given === undefined ? undefined : canonicalise(question.answer, given as Wire);
    if (checked === undefined || !checked.ok) {
      throw new Error(
        `quiz: the solution's answer to ${question.id} is ${checked === undefined ? 'missing' : `not valid (${checked.message})`}; expected ${question.id} to be answered in solutions/exercise-05-quiz/answers.ts.`,
      );
    }
    key.answers[question.id] = answerHash(shipped.salt, question.id, checked.canonical);
  }
  return key;
}

/**
 * The key to grade with: from the solution when it is here, else key.json.
 *
 * @example const { key, source } = await gradingKey(questions); // source: 'solutions' in the instructors' repository
 */
export async function gradingKey(questions: Question[]): Promise<GradingKey> {
  const exercise = findExercise('exercise-05');
  if (!hasLiveSolution(exercise)) return { key: loadKey(), source: 'shipped' };
  // Loaded here, never through the reference's recordings: the plain answers must not be sealed into a release.
  const { answers } = (await import(pathToFileURL(solutionFile(exercise)).href)) as { answers: Record<string, unknown> };
  const shipped = existsSync(keyFile) ? loadKey() : { scheme: 'solutions', salt: 'solutions', traps: {} };
  return { key: keyFromAnswers(shipped, questions, answers), source: 'solutions' };
}
