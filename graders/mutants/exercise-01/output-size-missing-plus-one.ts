import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'the output-size formula forgets the + 1: ⌊(n + 2p − d(k−1) − 1)/s⌋ without the final + 1 (counts steps, not positions)',
  targets: ['A'],
  edits: [{ find: 'out: Math.floor((n + 2 * pad - span) / o.stride) + 1', replace: 'out: Math.max(1, Math.floor((n + 2 * pad - span) / o.stride))' }],
});
