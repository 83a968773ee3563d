import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { layers, loadVerdictKey, verdictChoices, verdictHash, verdictKeyFile } from '../../graders/exercise-02-equivariance/verdicts.ts';
import { buildVerdictKey } from './build-key.ts';

describe("exercise 02 Part F's verdict key", () => {
  test('is up to date with the hidden solution (else: npm run verdict-key)', async () => {
    const committed = loadVerdictKey();
    expect(await buildVerdictKey(committed.salt)).toEqual(committed);
  });

  test('accepts exactly one verdict per layer and has feedback for the two others', () => {
    const key = loadVerdictKey();
    for (const { key: layer } of layers) {
      const entry = key.layers[layer];
      const hashes = verdictChoices.map((v) => verdictHash(key.salt, layer, v));
      expect(hashes.filter((h) => h === entry.answer)).toHaveLength(1);
      expect(Object.keys(entry.feedback).sort()).toEqual(hashes.filter((h) => h !== entry.answer).sort());
    }
  });

  test('states no verdict next to its layer in plain text', () => {
    const text = readFileSync(verdictKeyFile, 'utf8');
    for (const { key: layer } of layers) {
      for (const verdict of verdictChoices) expect(text).not.toMatch(new RegExp(`"${layer}"\\s*:\\s*"${verdict}"`));
    }
  });
});
