import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "'same' keeps the input size whatever the stride (⌈n/s⌉ is right)",
  targets: ['A'],
  edits: [{ find: 'const out = Math.ceil(n / o.stride);', replace: 'const out = n;' }],
});
