import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'filterGrid normalises all filters with one global min and max instead of each filter on its own',
  targets: ['B'],
  edits: [
    {
      in: 'filterGrid',
      find: 'const low = tiles.min([1, 2, 3], true);\n    const range = tiles.max([1, 2, 3], true).sub(low);',
      replace: 'const low = tiles.min();\n    const range = tiles.max().sub(low);',
    },
  ],
});
