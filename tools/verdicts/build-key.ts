/**
 * Builds exercise 02's Part F key from the hidden solution: the salted hash of each layer's right
 * verdict (the solution's `verdicts`) and the feedback for each wrong verdict, keyed by its hash.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../graders/support/paths.ts';
import { layers, verdictChoices, verdictHash, verdictScheme, type VerdictKey } from '../../graders/exercise-02-equivariance/verdicts.ts';

const solutionDir = path.join(repoRoot, 'solutions', 'exercise-02-equivariance');

/** The key for `salt` (a fresh random salt when none is given). */
export async function buildVerdictKey(salt = randomBytes(16).toString('hex')): Promise<VerdictKey> {
  const { verdicts } = (await import(pathToFileURL(path.join(solutionDir, 'equivariance.ts')).href)) as { verdicts: Record<string, string | undefined> };
  const { verdictFeedback } = (await import(pathToFileURL(path.join(solutionDir, 'verdict-feedback.ts')).href)) as {
    verdictFeedback: Record<string, Partial<Record<string, string>>>;
  };
  const key: VerdictKey = { scheme: verdictScheme, salt, layers: {} };
  for (const { key: layer } of layers) {
    const answer = verdicts[layer];
    if (answer === undefined || !verdictChoices.includes(answer as never)) throw new Error(`solution verdicts.${layer}: expected a verdict, got ${String(answer)}`);
    const feedback: Record<string, string> = {};
    for (const wrong of verdictChoices.filter((v) => v !== answer)) {
      const text = verdictFeedback[layer]?.[wrong];
      if (!text) throw new Error(`solutions/exercise-02-equivariance/verdict-feedback.ts: no feedback for ${layer} = '${wrong}'`);
      feedback[verdictHash(salt, layer, wrong)] = text;
    }
    key.layers[layer] = { answer: verdictHash(salt, layer, answer), feedback };
  }
  return key;
}
