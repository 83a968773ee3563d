/**
 * Points as every view prints them (score table, `npm start`, watch, exports): integers bare,
 * fractions with two decimals.
 *
 * @example points(2) → '2'; points(0.6667) → '0.67'
 */
export function points(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
