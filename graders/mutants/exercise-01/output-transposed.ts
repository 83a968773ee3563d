import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'correlate2d returns the output transposed ([W′, H′] with rows and columns swapped)',
  targets: ['B'],
  edits: [
    {
      in: 'correlate2d',
      find: 'ndarray(new Float64Array(rows.out * cols.out), [rows.out, cols.out])',
      replace: 'ndarray(new Float64Array(rows.out * cols.out), [cols.out, rows.out])',
    },
    { in: 'correlate2d', find: 'out.set(i, j, sum);', replace: 'out.set(j, i, sum);' },
  ],
});
