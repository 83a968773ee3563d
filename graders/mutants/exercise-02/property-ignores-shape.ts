import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'equivarianceProperty never checks that op keeps the size, so a 1×1 global pool (or a stride-2 layer) looks equivariant',
  targets: ['C'],
  edits: [{ in: 'equivarianceProperty', find: '    if (!hasShape(opThenShift, [height, width])) return false;\n', replace: '' }],
});
