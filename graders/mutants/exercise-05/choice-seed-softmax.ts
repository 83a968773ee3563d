import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "one letter wrong (choice): a softmax head for a multi-label problem — the seed's multi-class answer",
  targets: ['q16'],
  exactly: true,
  edits: [{ find: "  q16: 'D',", replace: "  q16: 'A'," }],
});
