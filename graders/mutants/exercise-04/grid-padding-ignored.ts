import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'filterGrid ignores padding: the tiles touch',
  targets: ['B'],
  edits: [
    {
      in: 'filterGrid',
      find: 'const { columns = Math.ceil(Math.sqrt(n)), padding = 1, background = 1 } = options ?? {};',
      replace: 'let { columns = Math.ceil(Math.sqrt(n)), padding = 1, background = 1 } = options ?? {};',
    },
    { in: 'filterGrid', find: 'const rows = Math.ceil(n / columns);', replace: 'const rows = Math.ceil(n / columns);\n  padding = 0;' },
  ],
});
