import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'one question left unanswered (undefined)',
  targets: ['q10'],
  exactly: true,
  edits: [{ find: "  q10: 'A',", replace: '  q10: undefined,' }],
});
