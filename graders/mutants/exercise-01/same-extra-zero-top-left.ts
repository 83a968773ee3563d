import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description:
    "'same' puts the extra zero of an odd total padding at the top/left instead of the bottom/right (an off-by-one in the split: ⌈total/2⌉ before instead of ⌊total/2⌋; tfjs, TensorFlow and PyTorch's padding='same' all put it after)",
  targets: ['B', 'C', 'D', 'E'],
  edits: [{ find: 'before: Math.floor(total / 2)', replace: 'before: Math.ceil(total / 2)' }],
});
