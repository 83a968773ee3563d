/**
 * Comparing a student's numbers with the expected ones: shapes first, then the first element
 * outside its tolerance, reported with its index so the student can find it.
 */
import { GradeFailure } from './failure.ts';
import { formatDense, formatNumber } from './format.ts';
import type { Dense } from './sandbox/wire.ts';

/** One element that differs by more than its tolerance. */
export interface Difference {
  index: number[];
  got: number;
  expected: number;
  tolerance: number;
}

/** Turns a flat row-major offset into an index. */
export function unflatten(flat: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length);
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    index[axis] = flat % shape[axis];
    flat = Math.floor(flat / shape[axis]);
  }
  return index;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

/** The first element outside its tolerance (NaN is never within it), or undefined. */
export function firstDifference(got: Dense, expected: Dense, tolerance: Float64Array | number): Difference | undefined {
  for (let i = 0; i < expected.data.length; i++) {
    const tol = typeof tolerance === 'number' ? tolerance : tolerance[i];
    const g = got.data[i];
    const e = expected.data[i];
    if (g === e) continue;
    if (!(Math.abs(g - e) <= tol)) return { index: unflatten(i, expected.shape), got: g, expected: e, tolerance: tol };
  }
  return undefined;
}

/** Options for {@link expectClose}. */
export interface CloseOptions {
  /** What is compared, e.g. "the result of correlate2d". */
  what: string;
  /** The tfjs backend, or 'js' for plain-JavaScript parts. */
  backend: string;
}

/**
 * Throws a {@link GradeFailure} unless `got` has `expected`'s shape and every element is within
 * its tolerance. The message names the first differing element and shows both arrays.
 */
export function expectClose(got: Dense, expected: Dense, tolerance: Float64Array | number, options: CloseOptions): void {
  if (!sameShape(got.shape, expected.shape)) {
    throw new GradeFailure(`${options.what} has shape [${got.shape.join(', ')}], expected [${expected.shape.join(', ')}].`, [
      { label: 'got', body: formatDense(got) },
      { label: 'expected', body: formatDense(expected) },
    ]);
  }
  const diff = firstDifference(got, expected, tolerance);
  if (diff === undefined) return;
  const where = `[${diff.index.join(', ')}]`;
  throw new GradeFailure(
    `${options.what} differs at ${where}: got ${formatNumber(diff.got)}, expected ${formatNumber(diff.expected)} ` +
      `(tolerance ${diff.tolerance.toExponential(1)}, backend ${options.backend}).`,
    [
      { label: 'got', body: formatDense(got) },
      { label: 'expected', body: formatDense(expected) },
    ],
  );
}
