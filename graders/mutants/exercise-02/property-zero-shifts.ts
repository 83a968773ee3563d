import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "equivarianceProperty shifts with 'zero' instead of 'circular' (zero shifts are not symmetries of a circular convolution)",
  targets: ['C'],
  edits: [{ in: 'equivarianceProperty', find: "'circular'", replace: "'zero'", all: true }],
});
