import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "activationMaps convolves the raw image with the layer's kernel (+ bias, ReLU): right for the first layer only",
  targets: ['C'],
  edits: [
    {
      in: 'activationMaps',
      find: '    const batch = truncate(model, layer).predict(image.expandDims(0)) as tf.Tensor4D;\n    return batch.squeeze([0]) as tf.Tensor3D;',
      replace:
        "    const [kernel, bias] = layer.getWeights();\n    const padding = (layer.getConfig() as { padding: 'valid' | 'same' }).padding;\n    return tf.relu(tf.conv2d(image, kernel as tf.Tensor4D, 1, padding).add(bias)) as tf.Tensor3D;",
    },
  ],
});
