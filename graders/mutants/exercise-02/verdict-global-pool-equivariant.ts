import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'verdicts says global average pooling is equivariant',
  targets: ['F'],
  edits: [{ find: "globalAvgPool: 'invariant',", replace: "globalAvgPool: 'equivariant'," }],
  exactly: true,
});
