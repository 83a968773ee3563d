import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'equivarianceProperty only ever tries the shift (0, 0): it proves nothing',
  targets: ['C'],
  edits: [{ in: 'equivarianceProperty', find: 'shifts(height), shifts(width), (x, dy, dx) => {', replace: 'fc.constant(0), fc.constant(0), (x, dy, dx) => {' }],
});
