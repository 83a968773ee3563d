import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'invarianceProperty checks op(translate(x)) = translate(op(x)): equivariance, not invariance',
  targets: ['D'],
  edits: [
    {
      in: 'invarianceProperty',
      find: "return allClose(op(translate(x, dy, dx, 'circular')), op(x));",
      replace: "return allClose(op(translate(x, dy, dx, 'circular')), translate(op(x), dy, dx, 'circular'));",
    },
  ],
});
