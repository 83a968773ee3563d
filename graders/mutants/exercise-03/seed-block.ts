import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description:
    "the seed's ResidualBlock transcribed to tfjs: two 3×3 convs without padding and a ReLU between, then + input; no BN, no projection, no final ReLU (article errata #8–#10)",
  targets: ['A', 'B', 'C', 'D', 'E'],
  edits: [
    {
      replaceFunction: 'residualBlock',
      with: `export function residualBlock(input: tf.SymbolicTensor, options: ResidualBlockOptions): tf.SymbolicTensor {
  let out = apply(tf.layers.conv2d({ filters: options.filters, kernelSize: 3 }), input);
  out = apply(tf.layers.reLU(), out);
  out = apply(tf.layers.conv2d({ filters: options.filters, kernelSize: 3 }), out);
  return apply(tf.layers.add(), [out, input]);
}`,
    },
  ],
});
