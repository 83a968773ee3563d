import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'wrong kind (matrix): the right numbers, flattened into one list of 9',
  targets: ['q20'],
  exactly: true,
  edits: [{ find: '  q20: [\n    [1, 1, 0],\n    [1, 1, 0],\n    [0, 0, 0],\n  ],', replace: '  q20: [1, 1, 0, 1, 1, 0, 0, 0, 0] as never,' }],
});
