import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "verdicts says a circular convolution is invariant (the seed's confusion, article errata #6 and #17)",
  targets: ['F'],
  edits: [{ find: "circularConv: 'equivariant',", replace: "circularConv: 'invariant'," }],
  exactly: true,
});
