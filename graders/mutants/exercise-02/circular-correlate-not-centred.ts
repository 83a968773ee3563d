import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'circularCorrelate2d anchors the kernel at its top-left tap instead of its centre (the output comes out shifted)',
  targets: ['B'],
  edits: [
    { in: 'circularCorrelate2d', find: 'mod(i + u - top, h)', replace: 'mod(i + u, h)' },
    { in: 'circularCorrelate2d', find: 'mod(j + v - left, w)', replace: 'mod(j + v, w)' },
  ],
});
