import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'correlate2d reads image.data[y·W + x] instead of image.get(y, x): wrong for views (offsets, strides)',
  targets: ['B'],
  edits: [
    { in: 'correlate2d', find: 'sum += image.get(y, x) * kernel.get(u, v);', replace: 'sum += (image.data as Float64Array)[y * w + x] * kernel.get(u, v);' },
  ],
});
