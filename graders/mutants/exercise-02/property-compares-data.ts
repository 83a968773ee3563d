import { defineMutant } from '../../support/mutants/define.ts';

/** Compares the storage arrays element by element: right only for fresh row-major ndarrays. */
export const storageCompare = `
function storageClose(a: NdArray, b: NdArray): boolean {
  if (a.shape.length !== b.shape.length || a.shape.some((n, k) => n !== b.shape[k])) return false;
  for (let i = 0; i < a.size; i++) {
    const p = a.data[i] as number;
    const q = b.data[i] as number;
    if (!(Math.abs(p - q) <= relativeTolerance * Math.max(1, Math.abs(p), Math.abs(q)))) return false;
  }
  return true;
}
`;

export default defineMutant({
  description: "equivarianceProperty compares op's result by its .data array instead of reading values through .get (wrong for views)",
  targets: ['C'],
  edits: [{ in: 'equivarianceProperty', find: 'return allClose(', replace: 'return storageClose(' }, { append: storageCompare }],
});
