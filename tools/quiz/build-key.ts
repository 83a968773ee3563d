/**
 * Builds the quiz's hashed key from plain answers: validates every answer (and every recognised
 * wrong answer) against its question's kind, canonicalises it, and hashes it with the salt.
 * Used by make-key.ts (to write key.json) and key.spec.ts (to prove key.json is current).
 */
import { answerHash, SCHEME, type QuizKey, type TrapEntry } from '../../graders/exercise-05-quiz/key.ts';
import { canonicalise } from '../../graders/exercise-05-quiz/kinds.ts';
import type { Question } from '../../graders/exercise-05-quiz/question.ts';
import type { Wire } from '../../graders/support/sandbox/wire.ts';

function canonicalOf(question: Question, value: unknown, what: string): string {
  const checked = canonicalise(question.answer, value as Wire);
  if (!checked.ok) throw new Error(`quiz key: ${what} of ${question.id} is not a valid answer: ${checked.message}`);
  if (checked.note !== undefined) throw new Error(`quiz key: ${what} of ${question.id} is suspicious: ${checked.note}`);
  return checked.canonical;
}

/**
 * The key for the `solution`'s answers (question id → plain answer) and `traps` (question id → trap name → plain
 * wrong answers). Throws naming the question when an answer is missing or of the wrong kind, a trap
 * has no feedback (or feedback no trap), or a trap is the right answer.
 *
 * @example buildKey('s4lt', questions, { q01: 'D', … }, traps).answers.q01 → 64 hex digits
 */
export function buildKey(salt: string, questions: Question[], solution: object, traps: Record<string, Record<string, unknown[]>>): QuizKey {
  const answers = solution as Record<string, unknown>;
  const key: QuizKey = { scheme: SCHEME, salt, answers: {}, traps: {} };
  const extra = Object.keys(answers).filter((id) => !questions.some((q) => q.id === id));
  if (extra.length > 0) throw new Error(`quiz key: answers for unknown questions ${extra.join(', ')}`);
  for (const question of questions) {
    if (answers[question.id] === undefined) throw new Error(`quiz key: the solution does not answer ${question.id}`);
    const right = canonicalOf(question, answers[question.id], 'the answer');
    key.answers[question.id] = answerHash(salt, question.id, right);
    const named = traps[question.id] ?? {};
    const feedback = Object.keys(question.traps ?? {});
    const unlisted = feedback.filter((name) => !(name in named));
    const orphan = Object.keys(named).filter((name) => !feedback.includes(name));
    if (unlisted.length > 0 || orphan.length > 0) {
      throw new Error(`quiz key: ${question.id}: traps without answers [${unlisted.join(', ')}], answers without feedback [${orphan.join(', ')}]`);
    }
    const entries: TrapEntry[] = [];
    for (const [trap, values] of Object.entries(named)) {
      for (const value of values) {
        const canonical = canonicalOf(question, value, `trap '${trap}'`);
        if (canonical === right) throw new Error(`quiz key: trap '${trap}' of ${question.id} is the right answer`);
        entries.push({ hash: answerHash(salt, question.id, canonical), trap });
      }
    }
    if (entries.length > 0) key.traps[question.id] = entries;
  }
  return key;
}

/**
 * key.json's text: 2-space JSON with a final newline.
 *
 * @example writeFileSync(file, keyText(buildKey(salt, questions, answers, traps)))
 */
export function keyText(key: QuizKey): string {
  return `${JSON.stringify(key, null, 2)}\n`;
}
