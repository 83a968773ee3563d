import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'filterGrid floors a fractional column count (columns: 2.5 draws 2 columns) instead of rejecting it',
  targets: ['B'],
  edits: [
    {
      in: 'filterGrid',
      find: 'const { columns = Math.ceil(Math.sqrt(n)), padding = 1, background = 1 } = options ?? {};',
      replace: 'const { columns: asked = Math.ceil(Math.sqrt(n)), padding = 1, background = 1 } = options ?? {};\n  const columns = Math.floor(asked);',
    },
  ],
});
