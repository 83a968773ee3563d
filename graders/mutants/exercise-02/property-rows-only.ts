import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'equivarianceProperty only shifts rows (dx is always 0)',
  targets: ['C'],
  edits: [{ in: 'equivarianceProperty', find: 'shifts(height), shifts(width), (x, dy, dx) => {', replace: 'shifts(height), fc.constant(0), (x, dy, dx) => {' }],
});
