import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "a set of letters wrong (choices): the seed's remedies only — weight decay and dropout, no data augmentation",
  targets: ['q15'],
  exactly: true,
  edits: [{ find: "  q15: ['A', 'B', 'D'],", replace: "  q15: ['D', 'B']," }],
});
