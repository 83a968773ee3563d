import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'a number wrong (integer): the 3×3 convolution counted without its 128 biases',
  targets: ['q04'],
  exactly: true,
  edits: [{ find: '  q04: 73856,', replace: '  q04: 3 * 3 * 64 * 128,' }],
});
