/**
 * The layers of Part F as the README defines them. Their right verdicts and the feedback for
 * wrong ones are not here: they are in `verdict-key.json`, as salted hashes and hash-keyed texts,
 * generated from the hidden solution by `npm run verdict-key` (a spec test fails when it is stale).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export type Verdict = 'equivariant' | 'invariant' | 'neither';

export const verdictChoices: Verdict[] = ['equivariant', 'invariant', 'neither'];

export interface Layer {
  /** The key in `verdicts`. */
  key: string;
  /** The README's definition, in short (the test's name). */
  definition: string;
}

export const layers: Layer[] = [
  { key: 'circularConv', definition: '3×3 correlation, circular padding 1, stride 1, [H, W] → [H, W]' },
  { key: 'zeroPaddedConv', definition: "3×3 correlation, zero padding 1 ('same'), stride 1, [H, W] → [H, W]" },
  { key: 'stride2Conv', definition: '3×3 correlation, circular padding 1, stride 2 (rows and columns 0, 2, 4, …), [H, W] → [H/2, W/2]' },
  { key: 'relu', definition: 'max(x, 0) pixel by pixel, [H, W] → [H, W]' },
  { key: 'maxPool2x2', definition: 'maximum over non-overlapping 2×2 windows (window 2, stride 2, no padding), [H, W] → [H/2, W/2]' },
  { key: 'globalAvgPool', definition: 'the mean of all H·W pixels, [H, W] → [1, 1]' },
  { key: 'circularConvReluGlobalAvgPool', definition: 'circularConv, then relu, then globalAvgPool, [H, W] → [1, 1]' },
  { key: 'flattenDense', definition: 'flatten row by row to H·W values, then a dense layer with generic weights [H·W, 10] and bias, [H, W] → [10]' },
];

/** The contents of verdict-key.json. */
export interface VerdictKey {
  scheme: string;
  salt: string;
  /** Layer key → hash of the right verdict, and feedback texts keyed by the hash of a wrong one. */
  layers: Record<string, { answer: string; feedback: Record<string, string> }>;
}

export const verdictScheme = 'sha256(salt + "\\n" + layer + "\\n" + verdict), hex';

/**
 * The hash of `verdict` for `layer`.
 *
 * @example verdictHash('s4lt', 'relu', 'neither') → 64 hex digits
 */
export function verdictHash(salt: string, layer: string, verdict: string): string {
  return createHash('sha256').update(`${salt}\n${layer}\n${verdict}`).digest('hex');
}

/** Where the generated key lives. */
export const verdictKeyFile = new URL('./verdict-key.json', import.meta.url);

/** Reads the key; throws naming what to run when it is missing or damaged. */
export function loadVerdictKey(file: URL | string = verdictKeyFile): VerdictKey {
  const key = JSON.parse(readFileSync(file, 'utf8')) as VerdictKey;
  if (typeof key.salt !== 'string' || typeof key.layers !== 'object') {
    throw new Error(`verdict key ${String(file)}: expected { salt, layers }; regenerate it with npm run verdict-key.`);
  }
  return key;
}
