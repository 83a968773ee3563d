import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'translate ignores the mode and always wraps around',
  targets: ['A'],
  edits: [{ in: 'translate', find: "if (mode === 'circular') {", replace: "if (mode === 'circular' || mode === 'zero') {" }],
});
