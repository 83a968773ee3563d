import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'filterGrid normalises each colour channel of a filter on its own (colours shift) instead of the three together',
  targets: ['B'],
  edits: [
    {
      in: 'filterGrid',
      find: 'const low = tiles.min([1, 2, 3], true);\n    const range = tiles.max([1, 2, 3], true).sub(low);',
      replace: 'const low = tiles.min([1, 2], true);\n    const range = tiles.max([1, 2], true).sub(low);',
    },
  ],
});
