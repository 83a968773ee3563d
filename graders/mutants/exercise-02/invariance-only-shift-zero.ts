import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'invarianceProperty only ever tries the shift (0, 0)',
  targets: ['D'],
  edits: [{ in: 'invarianceProperty', find: 'shifts(height), shifts(width), (x, dy, dx) => {', replace: 'fc.constant(0), fc.constant(0), (x, dy, dx) => {' }],
});
