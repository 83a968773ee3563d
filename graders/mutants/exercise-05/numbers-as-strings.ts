import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "wrong kind: the right numbers written as strings ('0', '13', ['128', '256'])",
  targets: ['q02', 'q05', 'q11'],
  exactly: true,
  edits: [
    { find: '  q02: 0,', replace: "  q02: '0' as never," },
    { find: '  q05: 13,', replace: "  q05: '13' as never," },
    { find: '  q11: [128, 256],', replace: "  q11: ['128', '256'] as never," },
  ],
});
