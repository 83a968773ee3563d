/**
 * Shared checks of exercise 01: read a student's ndarray result and compare it, element by
 * element, with an expected array within float32 tolerance of sums of `terms` products.
 */
import { expectClose } from '../support/compare.ts';
import type { Dense } from '../support/sandbox/wire.ts';
import { sumTolerances } from '../support/tolerance.ts';

// The harness's readers of an ndarray answer (shared with exercise 02).
export { expectNd, referenceNd } from '../support/read-wire.ts';

/**
 * Compares `got` with `expected`, allowing float32 rounding of sums of `terms` products whose
 * absolute values sum to `magnitude` (element-wise).
 */
export function expectSums(got: Dense, expected: Dense, magnitude: Dense, terms: number, what: string, backend: string): void {
  const tolerance = magnitude.data.length === expected.data.length ? sumTolerances(terms, magnitude.data) : 1e-9;
  expectClose(got, expected, tolerance, { what, backend });
}
