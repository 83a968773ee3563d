/**
 * Reading an ndarray out of a wire answer: the student's (a GradeFailure saying what came back
 * instead) or the hidden reference's (an Error: a grader bug, not the student's).
 */
import { GradeFailure } from './failure.ts';
import { formatValue } from './format.ts';
import { isWireNd, type Dense, type Wire } from './sandbox/wire.ts';

/**
 * The dense array inside a student's wire value, or a failure saying what came back instead.
 *
 * @example expectNd({ $nd: { shape: [2], data: Float64Array.of(1, 2) } }, 'correlate(x, k)') → { shape: [2], data: [1, 2] }
 * @throws GradeFailure "<what> is not an ndarray." with the value under "it returned"
 */
export function expectNd(value: Wire, what: string): Dense {
  if (isWireNd(value)) return value.$nd;
  throw new GradeFailure(`${what} is not an ndarray.`, [{ label: 'it returned', body: formatValue(value) }]);
}

/**
 * A dense array from a wire value the reference returned.
 *
 * @throws Error naming `what` and the value (the grader is wrong, not the student)
 */
export function referenceNd(value: Wire, what: string): Dense {
  if (isWireNd(value)) return value.$nd;
  throw new Error(`the reference ${what} did not return an ndarray: ${formatValue(value)}`);
}
