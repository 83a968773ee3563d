import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "verdicts says 2×2 max pooling is invariant (the seed's FAQ, article errata #17)",
  targets: ['F'],
  edits: [{ find: "maxPool2x2: 'neither',", replace: "maxPool2x2: 'invariant'," }],
  exactly: true,
});
