/**
 * Is a property's failure real? Given the images an op received during the failing run (as the
 * driver logged them) and the op's spec, find — in the grader's process, with the grader's own
 * op and shift — two images x and translate(x, dy, dx) for which the law really breaks:
 *
 * - equivariance: op(translate(x)) differs from translate(op(x)), or op changes the size;
 * - invariance: op(translate(x)) differs from op(x).
 *
 * "Differs" means a relative gap above 1e-9 (the float noise a property must accept). The same
 * search also explains a wrong rejection: it finds the pair a property compared and shows how
 * close the two sides really were.
 */
import type { Dense } from '../support/sandbox/wire.ts';
import { relativeGap, sameShape, shift } from './images.ts';
import { applyOp, type OpSpec } from './zoo-ops.ts';

export type Law = 'equivariance' | 'invariance';

/** Relative differences up to this are float noise that a property must accept (README). */
export const acceptedNoise = 1e-9;

/** Two logged images, the second a circular shift of the first, and what the op does with them. */
export interface Pair {
  x: Dense;
  dy: number;
  dx: number;
  /** op(translate(x, dy, dx)). */
  left: Dense;
  /** translate(op(x), dy, dx) for equivariance, op(x) for invariance. */
  right: Dense;
  /** relativeGap(left, right): Infinity when the shapes differ. */
  gap: number;
}

/** The law's right-hand side for x: translate(op(x)) or op(x). */
export function rightSide(law: Law, opOfX: Dense, dy: number, dx: number): Dense {
  return law === 'equivariance' && opOfX.shape.length === 2 ? shift(opOfX, dy, dx) : opOfX;
}

/** Every shift (dy, dx) with b = translate(a, dy, dx, 'circular') exactly (several for a periodic image; none for most pairs). */
function shiftBetween(a: Dense, b: Dense, sortedA: Float64Array, sortedB: Float64Array): { dy: number; dx: number }[] {
  if (!sameShape(a.shape, b.shape) || a.shape.length !== 2) return [];
  // A circular shift permutes the pixels: different multisets cannot match.
  if (!sortedA.every((v, i) => Object.is(v, sortedB[i]))) return [];
  const [h, w] = a.shape;
  const found: { dy: number; dx: number }[] = [];
  for (let dy = 0; dy < h; dy++) {
    for (let dx = 0; dx < w; dx++) {
      let match = true;
      for (let i = 0; i < h && match; i++) {
        const from = (((i - dy) % h) + h) % h;
        for (let j = 0; j < w; j++) {
          if (!Object.is(b.data[i * w + j], a.data[from * w + ((((j - dx) % w) + w) % w)])) {
            match = false;
            break;
          }
        }
      }
      if (match) found.push({ dy, dx });
    }
  }
  return found;
}

/**
 * Every pair (x, translate(x, dy, dx)) among the logged images, with both sides of the law
 * computed here. Stops early once `enough` says so.
 */
export function pairsInLog(law: Law, spec: OpSpec, log: Dense[], enough: (pair: Pair) => boolean = () => false): Pair[] {
  const outputs = new Map<number, Dense>();
  const opOf = (k: number): Dense => {
    let out = outputs.get(k);
    if (out === undefined) {
      out = applyOp(spec, log[k]);
      outputs.set(k, out);
    }
    return out;
  };
  const sorted = log.map((x) => x.data.slice().sort());
  const pairs: Pair[] = [];
  for (let a = 0; a < log.length; a++) {
    for (let b = 0; b < log.length; b++) {
      if (a === b) continue;
      for (const { dy, dx } of shiftBetween(log[a], log[b], sorted[a], sorted[b])) {
        const left = opOf(b);
        const right = rightSide(law, opOf(a), dy, dx);
        const gap = law === 'equivariance' && !sameShape(opOf(a).shape, log[a].shape) ? Infinity : relativeGap(left, right);
        const pair = { x: log[a], dy, dx, left, right, gap };
        pairs.push(pair);
        if (enough(pair)) return pairs;
      }
    }
  }
  return pairs;
}

/** What proves that the op breaks the law, found in the log. */
export type Evidence = { kind: 'resize'; x: Dense; output: Dense } | { kind: 'pair'; pair: Pair };

/** Evidence in the failing run's log that the op really breaks the law, or undefined. */
export function findEvidence(law: Law, spec: OpSpec, log: Dense[]): Evidence | undefined {
  if (law === 'equivariance') {
    for (const x of log) {
      const output = applyOp(spec, x);
      if (!sameShape(output.shape, x.shape)) return { kind: 'resize', x, output };
    }
  }
  const pairs = pairsInLog(law, spec, log, (p) => p.gap > acceptedNoise);
  const last = pairs[pairs.length - 1];
  return last !== undefined && last.gap > acceptedNoise ? { kind: 'pair', pair: last } : undefined;
}
