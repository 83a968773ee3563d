import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "'same' puts the larger half of an odd padding at the top/left (PyTorch/Caffe habit, not tfjs)",
  targets: ['B', 'C', 'D', 'E'],
  edits: [{ find: 'before: Math.floor(total / 2)', replace: 'before: Math.ceil(total / 2)' }],
});
