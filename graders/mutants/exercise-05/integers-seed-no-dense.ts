import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "a list of numbers wrong (integers): the seed's claim that CNNs have no fully connected layers",
  targets: ['q08'],
  exactly: true,
  edits: [{ find: '  q08: [3, 1],', replace: '  q08: [0, 0],' }],
});
