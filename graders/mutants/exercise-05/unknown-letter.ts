import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "wrong kind (choice): 'E', a letter that q01 does not offer",
  targets: ['q01'],
  exactly: true,
  edits: [{ find: "  q01: 'B',", replace: "  q01: 'E' as never," }],
});
