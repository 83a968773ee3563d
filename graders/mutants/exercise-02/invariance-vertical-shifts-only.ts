import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'invarianceProperty only shifts vertically (dx is always 0), so an op invariant to vertical shifts alone passes',
  targets: ['D'],
  edits: [{ in: 'invarianceProperty', find: 'shifts(height), shifts(width), (x, dy, dx) => {', replace: 'shifts(height), fc.constant(0), (x, dy, dx) => {' }],
});
