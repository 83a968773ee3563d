import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "wrong kind (boolean): the right answer written as the string 'true'",
  targets: ['q07'],
  exactly: true,
  edits: [{ find: '  q07: true,', replace: "  q07: 'true' as never," }],
});
