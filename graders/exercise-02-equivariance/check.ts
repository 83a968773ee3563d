/**
 * Reading wire results of exercise 02: the dense array inside a student's or the reference's
 * answer, or a failure that says what came back instead.
 */
import { GradeFailure } from '../support/failure.ts';
import { formatValue } from '../support/format.ts';
import { isWireNd, type Dense, type Wire } from '../support/sandbox/wire.ts';

/** The dense array inside a student's wire value, or a failure saying what came back instead. */
export function expectNd(value: Wire, what: string): Dense {
  if (isWireNd(value)) return value.$nd;
  throw new GradeFailure(`${what} is not an ndarray.`, [{ label: 'it returned', body: formatValue(value) }]);
}

/** A dense array from a wire value the reference returned (a grader bug otherwise). */
export function referenceNd(value: Wire, what: string): Dense {
  if (isWireNd(value)) return value.$nd;
  throw new Error(`the reference ${what} did not return an ndarray: ${formatValue(value)}`);
}
