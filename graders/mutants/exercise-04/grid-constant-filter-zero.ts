import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'filterGrid turns a constant filter into 0 (black) instead of 0.5',
  targets: ['B'],
  edits: [{ in: 'filterGrid', find: 'tf.fill(tiles.shape, 0.5)', replace: 'tf.fill(tiles.shape, 0)' }],
});
