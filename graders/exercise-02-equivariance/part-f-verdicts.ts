/**
 * Part F — verdicts: one test per layer, scored separately (the part is `partial`). A wrong
 * verdict is explained for that layer only; a missing one is "not answered yet". Verdicts are
 * compared by salted hash with the hidden solution's (or, in a student release, verdict-key.json's:
 * an advisory score; grading-verdict-key.ts).
 */
import type { ExerciseGrader } from '../support/exercise.ts';
import { GradeFailure } from '../support/failure.ts';
import { formatValue } from '../support/format.ts';
import type { Wire } from '../support/sandbox/wire.ts';
import { gradingVerdictKey, type GradingVerdictKey } from './grading-verdict-key.ts';
import { layers, verdictChoices, verdictHash, type Verdict } from './verdicts.ts';

const allowed: Verdict[] = verdictChoices;
let loaded: Promise<GradingVerdictKey> | undefined;

export function gradePartF(ex: ExerciseGrader): void {
  ex.part('F', () => {
    for (const layer of layers) {
      ex.test(`${layer.key}: ${layer.definition}`, async () => {
        const table = await ex.readExport('verdicts');
        if (table === null || typeof table !== 'object' || Array.isArray(table)) {
          throw new GradeFailure(`verdicts must be an object with one entry per layer, got ${formatValue(table)}.`);
        }
        const given = (table as { [key: string]: Wire })[layer.key];
        if (given === undefined) {
          const failure = new GradeFailure(`verdicts.${layer.key} is not answered yet: set it to 'equivariant', 'invariant' or 'neither'.`);
          failure.notImplemented = true;
          throw failure;
        }
        if (typeof given !== 'string' || !allowed.includes(given as Verdict)) {
          throw new GradeFailure(`verdicts.${layer.key} is ${formatValue(given)}; expected 'equivariant', 'invariant' or 'neither'.`);
        }
        loaded ??= gradingVerdictKey();
        const { key } = await loaded;
        const hash = verdictHash(key.salt, layer.key, given);
        const entry = key.layers[layer.key];
        if (hash !== entry.answer) {
          throw new GradeFailure(`verdicts.${layer.key} = '${given}' is not right for ${layer.definition}.`, [
            { label: 'why not', body: entry.feedback[hash] ?? '' },
          ]);
        }
      });
    }
  });
}
