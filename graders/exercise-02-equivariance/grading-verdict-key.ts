/**
 * The key Part F is graded with. Where the hidden solution is present (the instructors'
 * repository: class grading, the grade of record), it is built from the solution's own `verdicts`
 * and `verdict-feedback.ts`; verdict-key.json, which every student has (three choices per layer:
 * recovered by trying them), is used only where the solution is absent, and that score is advisory.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findExercise } from '../support/course.ts';
import { hasLiveSolution, solutionFile } from '../support/reference.ts';
import { layers, loadVerdictKey, verdictChoices, verdictHash, verdictScheme, type VerdictKey } from './verdicts.ts';

/** The key, and where its right verdicts came from. */
export interface GradingVerdictKey {
  key: VerdictKey;
  /** 'solutions': the verdicts held back; 'shipped': verdict-key.json (advisory). */
  source: 'solutions' | 'shipped';
}

/**
 * The key for plain `verdicts` (layer → verdict) and `feedback` (layer → wrong verdict → text),
 * hashed with `salt`. Throws naming the layer when a verdict or a feedback text is missing.
 *
 * @example verdictKeyFrom('s4lt', { conv: v, … }, { conv: { [w]: '…', … }, … }).layers.conv.answer → verdictHash('s4lt', 'conv', v) (v the right verdict, w each wrong one)
 */
export function verdictKeyFrom(
  salt: string,
  verdicts: Record<string, string | undefined>,
  feedback: Record<string, Partial<Record<string, string>>>,
): VerdictKey {
  const key: VerdictKey = { scheme: verdictScheme, salt, layers: {} };
  for (const { key: layer } of layers) {
    const answer = verdicts[layer];
    if (answer === undefined || !verdictChoices.includes(answer as never))
      throw new Error(`solution verdicts.${layer}: expected a verdict, got ${String(answer)}`);
    const texts: Record<string, string> = {};
    for (const wrong of verdictChoices.filter((v) => v !== answer)) {
      const text = feedback[layer]?.[wrong];
      if (!text) throw new Error(`solutions/exercise-02-equivariance/verdict-feedback.ts: no feedback for ${layer} = '${wrong}'`);
      texts[verdictHash(salt, layer, wrong)] = text;
    }
    key.layers[layer] = { answer: verdictHash(salt, layer, answer), feedback: texts };
  }
  return key;
}

/**
 * The hidden solution's key under `salt`, read from `solutions/` (or the folder given).
 *
 * @example await solutionVerdictKey('s4lt') → the key npm run verdict-key writes
 */
export async function solutionVerdictKey(salt: string, solutionEntry = solutionFile(findExercise('exercise-02'))): Promise<VerdictKey> {
  const { verdicts } = (await import(pathToFileURL(solutionEntry).href)) as { verdicts: Record<string, string | undefined> };
  const { verdictFeedback } = (await import(pathToFileURL(path.join(path.dirname(solutionEntry), 'verdict-feedback.ts')).href)) as {
    verdictFeedback: Record<string, Partial<Record<string, string>>>;
  };
  return verdictKeyFrom(salt, verdicts, verdictFeedback);
}

/**
 * The key to grade with: from the solution when it is here (a fresh salt: nothing of it is
 * shipped), else verdict-key.json.
 *
 * @example const { key, source } = await gradingVerdictKey();
 */
export async function gradingVerdictKey(): Promise<GradingVerdictKey> {
  const exercise = findExercise('exercise-02');
  // Read here, never through the reference's recordings: the plain verdicts must not be sealed into a release.
  if (hasLiveSolution(exercise)) return { key: await solutionVerdictKey(randomBytes(16).toString('hex')), source: 'solutions' };
  return { key: loadVerdictKey(), source: 'shipped' };
}
