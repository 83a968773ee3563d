import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "equivarianceProperty checks op(translate(x)) = op(x): invariance, the seed's definition of equivariance (article errata #6)",
  targets: ['C'],
  edits: [
    {
      in: 'equivarianceProperty',
      find: "return allClose(shiftThenOp, translate(opThenShift, dy, dx, 'circular'));",
      replace: 'return allClose(shiftThenOp, opThenShift);',
    },
  ],
});
