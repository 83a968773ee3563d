import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'filterGrid fills the grid column by column (rows and columns swapped in the tile order)',
  targets: ['B'],
  edits: [
    {
      in: 'filterGrid',
      find: '.reshape([rows, columns, kh + padding, kw + padding, cin])\n      .transpose([0, 2, 1, 3, 4])',
      replace: '.reshape([columns, rows, kh + padding, kw + padding, cin])\n      .transpose([1, 2, 0, 3, 4])',
    },
  ],
});
