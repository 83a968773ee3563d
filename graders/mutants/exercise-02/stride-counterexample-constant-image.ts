import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'strideCounterexample uses a constant image, which every shift leaves unchanged',
  targets: ['E'],
  edits: [
    {
      in: 'strideCounterexample',
      find: 'const image = ndarray(new Float64Array(16), [4, 4]);',
      replace: 'const image = ndarray(new Float64Array(16).fill(1), [4, 4]);',
    },
  ],
});
