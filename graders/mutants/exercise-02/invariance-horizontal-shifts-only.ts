import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'invarianceProperty only shifts horizontally (dy is always 0), so an op invariant to horizontal shifts alone passes',
  targets: ['D'],
  edits: [{ in: 'invarianceProperty', find: 'shifts(height), shifts(width), (x, dy, dx) => {', replace: 'fc.constant(0), shifts(width), (x, dy, dx) => {' }],
});
