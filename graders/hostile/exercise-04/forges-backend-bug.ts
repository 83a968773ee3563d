import { defineHostile } from '../../support/mutants/define.ts';
import { forgeSend } from '../forge-send.ts';

// Issue 13's attack on "not counted": on webgpu, filterGrid halves its grid (wrong on every
// case), and process.send adds AddN to every kernel list and turns any reproduction's "broken"
// into a bug shown. While the student's process reproduced the bug, every value test of Part B
// was excused on webgpu (4/4, measured on the tree before f045a76). Now the grader reproduces tf.addN itself, on its own tfjs and the same
// device: with fewer inputs than the adapter's limit the bug does not bite, so those cases fail.
export default defineHostile({
  description: 'filterGrid is wrong on webgpu only; process.send claims AddN ran and that the reproduction of its webgpu bug showed it',
  category: 'forged-report',
  edits: [
    {
      in: 'filterGrid',
      find: 'return cin === 1 ? (grid.squeeze([2]) as tf.Tensor2D) : (grid as tf.Tensor3D);',
      replace: [
        "const shown = tf.getBackend() === 'webgpu' ? grid.mul(0.5) : grid;",
        '    return cin === 1 ? (shown.squeeze([2]) as tf.Tensor2D) : (shown as tf.Tensor3D);',
      ].join('\n'),
    },
    forgeSend(
      "(k: string, v: unknown): unknown => (k === 'kernels' && Array.isArray(v) ? [...v, 'AddN'] : k === 'broken' && Array.isArray(v) ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17] : v)",
    ),
  ],
  expect: { B: 'fail' },
  messages: { B: 'the result of filterGrid' },
  backends: ['webgpu'],
});
