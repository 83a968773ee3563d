import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "filterGrid's default is ⌊√n⌋ columns instead of ⌈√n⌉",
  targets: ['B'],
  edits: [{ in: 'filterGrid', find: 'columns = Math.ceil(Math.sqrt(n))', replace: 'columns = Math.max(1, Math.floor(Math.sqrt(n)))' }],
});
