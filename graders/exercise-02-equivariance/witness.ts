/**
 * A counterexample the grader finds itself, to show a student whose property accepted an op that
 * breaks the law: a small image with integer pixels of both signs and a shift for which the two
 * sides differ. Deterministic (from a seed), found in the grader's process.
 */
import fc from 'fast-check';
import type { Dense } from '../support/sandbox/wire.ts';
import type { Law, Pair } from './evidence.ts';
import { acceptedNoise, rightSide } from './evidence.ts';
import { relativeGap, sameShape, shift } from './images.ts';
import { applyOp, type OpSpec } from './zoo-ops.ts';
import type { Size } from './zoo.ts';

/** Shifts in order of size: (0, 1), (1, 0), (1, 1), (0, −1), … all of them in the end. */
function shiftsBySize(size: Size): { dy: number; dx: number }[] {
  const all: { dy: number; dx: number }[] = [];
  for (let dy = 0; dy < size.height; dy++) for (let dx = 0; dx < size.width; dx++) if (dy !== 0 || dx !== 0) all.push({ dy, dx });
  const signed = (n: number, m: number): number => (n > m / 2 ? n - m : n);
  const cost = (s: { dy: number; dx: number }): number => Math.abs(signed(s.dy, size.height)) + Math.abs(signed(s.dx, size.width));
  return all.sort((a, b) => cost(a) - cost(b)).map((s) => ({ dy: signed(s.dy, size.height), dx: signed(s.dx, size.width) }));
}

/**
 * The first (image, shift) that breaks the law for `spec`, or a resize (equivariance only), or
 * undefined when none is found (a grader bug for a must-fail op).
 */
export function findWitness(
  law: Law,
  spec: OpSpec,
  size: Size,
  seed: number,
): { kind: 'resize'; x: Dense; output: Dense } | { kind: 'pair'; pair: Pair } | undefined {
  const pixels = fc.array(fc.integer({ min: -9, max: 9 }), { minLength: size.height * size.width, maxLength: size.height * size.width });
  const images: Dense[] = fc.sample(pixels, { seed, numRuns: 12 }).map((values) => ({ shape: [size.height, size.width], data: Float64Array.from(values) }));
  for (const x of images) {
    const opOfX = applyOp(spec, x);
    if (law === 'equivariance' && !sameShape(opOfX.shape, x.shape)) return { kind: 'resize', x, output: opOfX };
    for (const { dy, dx } of shiftsBySize(size)) {
      const left = applyOp(spec, shift(x, dy, dx));
      const right = rightSide(law, opOfX, dy, dx);
      const gap = relativeGap(left, right);
      if (gap > acceptedNoise) return { kind: 'pair', pair: { x, dy, dx, left, right, gap } };
    }
  }
  return undefined;
}
