import { defineHostile } from '../../support/mutants/define.ts';

export default defineHostile({
  description:
    'a wrong correlate2d (returns zeros) that patches Math.abs, Object.is, Number.isFinite and Array/TypedArray methods so comparisons in its own realm always succeed',
  category: 'patch-globals',
  edits: [
    { in: 'correlate2d', find: 'out.set(i, j, sum);', replace: 'out.set(i, j, 0 * sum);' },
    {
      append: [
        'Math.abs = () => 0;',
        'Object.is = () => true;',
        'Number.isFinite = () => true;',
        'Array.prototype.every = function () { return true; };',
        'Array.prototype.some = function () { return false; };',
        'Float64Array.prototype.every = function () { return true; };',
        'Float32Array.prototype.every = function () { return true; };',
      ].join('\n'),
    },
  ],
  expect: { B: 'fail' },
});
