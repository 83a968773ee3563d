import { defineHostile } from '../../support/mutants/define.ts';

/**
 * A correct block in another style: the 1×1 projection convolution uses padding 'valid'. With a
 * 1×1 kernel 'valid' and 'same' compute the same function at every stride and size, so this is
 * the same network: full marks.
 */
export default defineHostile({
  description: "control: correct, with the 1×1 projection's padding 'valid' (the same function as 'same' for a 1×1 kernel) — full marks",
  category: 'control',
  edits: [
    {
      find: "tf.layers.conv2d({ filters, kernelSize, strides, padding: 'same', useBias })",
      replace: "tf.layers.conv2d({ filters, kernelSize, strides, padding: kernelSize === 1 ? 'valid' : 'same', useBias })",
    },
  ],
  expect: { A: 'pass', B: 'pass', C: 'pass', D: 'pass', E: 'pass' },
  checks: ['no-leftover-processes', 'graders-untouched'],
});
