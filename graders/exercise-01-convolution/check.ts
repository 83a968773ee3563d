/**
 * Shared checks of exercise 01: read a student's ndarray result and compare it, element by
 * element, with an expected array within float32 tolerance of sums of `terms` products.
 */
import { expectClose } from '../support/compare.ts';
import { GradeFailure } from '../support/failure.ts';
import { formatValue } from '../support/format.ts';
import { isWireNd, type Dense, type Wire } from '../support/sandbox/wire.ts';
import { sumTolerances } from '../support/tolerance.ts';

/** The dense array inside a wire value, or a failure saying what came back instead. */
export function expectNd(value: Wire, what: string): Dense {
  if (isWireNd(value)) return value.$nd;
  throw new GradeFailure(`${what} is not an ndarray.`, [{ label: 'it returned', body: formatValue(value) }]);
}

/**
 * Compares `got` with `expected`, allowing float32 rounding of sums of `terms` products whose
 * absolute values sum to `magnitude` (element-wise).
 */
export function expectSums(got: Dense, expected: Dense, magnitude: Dense, terms: number, what: string, backend: string): void {
  const tolerance = magnitude.data.length === expected.data.length ? sumTolerances(terms, magnitude.data) : 1e-9;
  expectClose(got, expected, tolerance, { what, backend });
}

/** A dense array from a wire value the reference returned. */
export function referenceNd(value: Wire, what: string): Dense {
  if (isWireNd(value)) return value.$nd;
  throw new Error(`the reference ${what} did not return an ndarray: ${formatValue(value)}`);
}
