import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'correlate2d ignores dilation when reading the image (but sizes the output with it)',
  targets: ['B'],
  edits: [
    { in: 'correlate2d', find: 'const y = i * o.stride + u * o.dilation - rows.before;', replace: 'const y = i * o.stride + u - rows.before;' },
    { in: 'correlate2d', find: 'const x = j * o.stride + v * o.dilation - cols.before;', replace: 'const x = j * o.stride + v - cols.before;' },
  ],
});
