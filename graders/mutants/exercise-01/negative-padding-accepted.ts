import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'negative padding is accepted silently (it crops the input instead of throwing)',
  targets: ['A'],
  edits: [{ find: '(Number.isInteger(padding) && (padding as number) >= 0)', replace: 'Number.isInteger(padding)' }],
});
