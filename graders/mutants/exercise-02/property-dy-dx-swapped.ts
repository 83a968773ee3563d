import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'equivarianceProperty shifts the output by (dx, dy) instead of (dy, dx)',
  targets: ['C'],
  edits: [{ in: 'equivarianceProperty', find: "translate(opThenShift, dy, dx, 'circular')", replace: "translate(opThenShift, dx, dy, 'circular')" }],
});
