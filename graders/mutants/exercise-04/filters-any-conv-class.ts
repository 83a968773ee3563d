import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description:
    'getFilters accepts every layer whose class name contains "Conv": a depthwise, separable or transposed convolution hands out its first weight instead of throwing',
  targets: ['A'],
  edits: [{ in: 'getFilters', find: "if (layer.getClassName() !== 'Conv2D') {", replace: "if (!layer.getClassName().includes('Conv')) {" }],
});
