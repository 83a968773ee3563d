import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'a non-whole number: the output width computed as (n + 2p − span)/s + 1 without the floor',
  targets: ['q05'],
  exactly: true,
  edits: [{ find: '  q05: 13,', replace: '  q05: (32 + 2 * 1 - (2 * (5 - 1) + 1)) / 2 + 1,' }],
});
