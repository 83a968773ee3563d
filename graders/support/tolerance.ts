/**
 * How close is close enough, derived from float precision rather than guessed per test.
 *
 * Every backend the course grades on (tfjs cpu and webgpu) computes in float32, and a student's
 * plain-JavaScript code may store results in a Float32Array, so comparisons allow float32
 * rounding: a sum of K products computed in any order is within (K + 2)·u·Σ|terms| of the exact
 * value, with u = 2⁻²⁴ the float32 unit roundoff (Higham, "Accuracy and Stability of Numerical
 * Algorithms", §3.1; the +2 covers rounding the two inputs of each product to float32).
 */

/** Unit roundoff of IEEE float32. */
export const float32UnitRoundoff = 2 ** -24;

/** Safety factor over the worst-case bound, for fused multiply-adds and reordering. */
const safety = 2;

/** Absolute floor, for results whose terms are all zero. */
export const absoluteFloor = 1e-12;

/**
 * The tolerance for one result that sums `terms` products whose absolute values sum to
 * `magnitude`.
 *
 * @example sumTolerance(27, 100) ≈ 3.5e-4 (a 3×3×3 window whose |x·k| sum to 100)
 */
export function sumTolerance(terms: number, magnitude: number): number {
  return safety * (terms + 2) * float32UnitRoundoff * magnitude + absoluteFloor;
}

/**
 * Per-element tolerances for a result computed as sums of `terms` products, given the
 * per-element sums of absolute terms (for a linear op: the op applied to |inputs|).
 */
export function sumTolerances(terms: number, magnitudes: Float64Array): Float64Array {
  return magnitudes.map((m) => sumTolerance(terms, Math.abs(m)));
}

/**
 * The tolerance for a value computed by a short chain of float32 operations (no long sums),
 * relative to its own size: used where no magnitude bound is at hand.
 *
 * @example relativeTolerance(1000, 8) ≈ 9.5e-4
 */
export function relativeTolerance(value: number, operations: number): number {
  return safety * operations * float32UnitRoundoff * Math.max(Math.abs(value), 1);
}
