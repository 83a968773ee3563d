import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'correlate2d sizes the output for the stride but slides the window one pixel at a time',
  targets: ['B'],
  edits: [
    { in: 'correlate2d', find: 'const y = i * o.stride + u * o.dilation - rows.before;', replace: 'const y = i + u * o.dilation - rows.before;' },
    { in: 'correlate2d', find: 'const x = j * o.stride + v * o.dilation - cols.before;', replace: 'const x = j + v * o.dilation - cols.before;' },
  ],
});
