/**
 * The grade of record never uses a key a student has seen: in this repository (solutions present)
 * the quiz and exercise 02's verdicts are graded from the hidden solution, not from the salted
 * keys a release ships.
 */
import { describe, expect, it } from 'vitest';
import { gradingVerdictKey } from '../../../graders/exercise-02-equivariance/grading-verdict-key.ts';
import { layers, loadVerdictKey, verdictHash } from '../../../graders/exercise-02-equivariance/verdicts.ts';
import { gradingKey, keyFromAnswers } from '../../../graders/exercise-05-quiz/grading-key.ts';
import { answerHash, loadKey } from '../../../graders/exercise-05-quiz/key.ts';
import { questions } from '../../../graders/exercise-05-quiz/questions.ts';
import { answers } from '../../../solutions/exercise-05-quiz/answers.ts';
import { verdicts } from '../../../solutions/exercise-02-equivariance/equivariance.ts';

describe('the quiz key', () => {
  it('comes from the solution where it is present', async () => {
    const { key, source } = await gradingKey(questions);
    expect(source).toBe('solutions');
    expect(Object.keys(key.answers).sort()).toEqual(questions.map((q) => q.id).sort());
  });

  it('follows the solution, not key.json, when the two disagree', () => {
    const shipped = loadKey();
    const first = questions[0];
    const changed = { ...answers, [first.id]: first.answer.kind === 'choice' ? (answers[first.id as keyof typeof answers] === 'A' ? 'B' : 'A') : 0 };
    const key = keyFromAnswers(shipped, questions, changed);
    expect(key.answers[first.id]).not.toBe(shipped.answers[first.id]);
    expect(key.answers[questions[1].id]).toBe(shipped.answers[questions[1].id]);
  });

  it('refuses a solution that leaves a question unanswered, naming it', () => {
    const { [questions[2].id]: _dropped, ...partial } = answers as unknown as Record<string, unknown>;
    expect(() => keyFromAnswers(loadKey(), questions, partial)).toThrow(new RegExp(`answer to ${questions[2].id} is missing`));
  });

  it("accepts the solution's own answers", async () => {
    const { key } = await gradingKey(questions);
    const q = questions.find((x) => x.answer.kind === 'choice')!;
    expect(key.answers[q.id]).toBe(answerHash(key.salt, q.id, String(answers[q.id as keyof typeof answers])));
  });
});

describe("exercise 02's verdict key", () => {
  it('comes from the solution, under a salt that was never shipped', async () => {
    const { key, source } = await gradingVerdictKey();
    expect(source).toBe('solutions');
    expect(key.salt).not.toBe(loadVerdictKey().salt);
    for (const { key: layer } of layers) {
      expect(key.layers[layer].answer).toBe(verdictHash(key.salt, layer, (verdicts as Record<string, string>)[layer]));
    }
  });
});
