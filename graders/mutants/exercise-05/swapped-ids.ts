import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'two answers under each other’s ids: the values of q03 and q04 swapped',
  targets: ['q03', 'q04'],
  exactly: true,
  edits: [
    { find: '  q03: 20490,', replace: '  q03: 73856,' },
    { find: '  q04: 73856,', replace: '  q04: 20490,' },
  ],
});
