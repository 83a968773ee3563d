import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "a matrix wrong: what a correct 'valid' correlation gives, not what the seed's loops print",
  targets: ['q20'],
  exactly: true,
  edits: [{ find: '    [1, 1, 0],\n    [1, 1, 0],\n    [0, 0, 0],', replace: '    [1, 1, 1],\n    [1, 1, 1],\n    [1, 1, 1],' }],
});
