/**
 * Questions q01–q08: what a convolutional layer is, and what layers cost in parameters and sizes
 * (the seed's FAQ on CNNs vs other networks, pooling, convolutional vs fully connected layers).
 */
import { defineQuestion, type Question } from './question.ts';

const abcd = ['A', 'B', 'C', 'D'] as const;

export const layerQuestions: Question[] = [
  defineQuestion({
    id: 'q01',
    answer: { kind: 'choice', options: abcd },
    seed: "The seed's FAQ answers that the difference is 'the use of convolutional layers' — which restates the question — and that CNNs are 'designed to process data with grid-like topology, such as images'. That is where CNNs are used, not what makes a layer convolutional (article errata #23).",
    concept:
      'Ask two things of each layer: which inputs does one output read, and whose weights does it use? A dense layer gives every output its own weight for every input. ' +
      'Compare the number of weights of a dense layer and of a 3×3 convolution that both turn a 32×32×3 image into a 32×32×16 map.',
    traps: {
      onlyImages:
        'A convolution is defined on any regular grid: 1-D (audio, text), 2-D (images), 3-D (video, medical volumes). Images are where CNNs shine, not what makes a layer convolutional.',
      moreParameters:
        'Count them: a 3×3 convolution from 3 to 16 channels has 3·3·3·16 weights plus 16 biases whatever the image size, while a dense layer with the same outputs needs one weight per (input, output) pair — millions.',
      activation: 'Dense layers are followed by activation functions too, so the activation cannot be what distinguishes the two.',
    },
    read: 'COURSE.md › Questions and answers › What makes a network convolutional; Goodfellow, Bengio & Courville, Deep Learning (2016), §9.2 (sparse interactions, parameter sharing).',
  }),
  defineQuestion({
    id: 'q02',
    answer: { kind: 'integer' },
    seed: "The seed says pooling 'helps to reduce the number of parameters in the model' (article errata #14).",
    concept:
      'Parameters are the numbers a layer learns: the tensors `layer.getWeights()` returns, which `countParams()` counts. Write down what a max-pool computes from one window — is there anything in that computation that training could change? ' +
      'You can also build the layer in tfjs and ask it.',
    traps: {
      windowSize: 'That is the number of values in one pooling window, which is fixed by `poolSize`. Is any of them learned?',
    },
    read: 'COURSE.md › Questions and answers › Pooling; Goodfellow, Bengio & Courville, Deep Learning (2016), §9.3.',
  }),
  defineQuestion({
    id: 'q03',
    answer: { kind: 'integer' },
    seed: 'The seed credits pooling with reducing parameters (article errata #14). The pooling layer has none of its own; the saving is in the dense layer that reads the pooled map — this question measures it.',
    concept:
      'A dense layer after a flatten has one weight per (input value, unit) pair, plus one bias per unit. Work out the shape of the pooled map first — a 2×2 window with stride 2 halves the height and the width and keeps the channels — then count.',
    traps: {
      beforePooling:
        'That is the count for the map before pooling. The pooled map holds a quarter of the values, and the dense layer’s weight matrix shrinks with it.',
      noBias: 'Almost: `tf.layers.dense` has a bias by default, one per unit.',
    },
    read: 'COURSE.md › Questions and answers › Pooling; the tfjs API reference of tf.layers.dense and tf.layers.maxPooling2d.',
  }),
  defineQuestion({
    id: 'q04',
    answer: { kind: 'integer' },
    concept:
      'Each output channel has one k×k filter for every input channel (a filter spans the full input depth), plus its own bias. Multiply the kernel area by the input channels and the output channels, then add the biases.',
    traps: {
      noBias: 'You counted the weights only: `useBias: true` (the default) adds one bias per output channel.',
      noInputChannels: 'Each filter spans all input channels: on a 64-channel input one 3×3 filter has 3·3·64 weights, not 9.',
    },
    read: 'COURSE.md › Questions and answers › Counting parameters and sizes; CS231n notes, "Convolutional Networks" (parameter sharing).',
  }),
  defineQuestion({
    id: 'q05',
    answer: { kind: 'integer' },
    concept:
      'First find how many input pixels the dilated kernel spans (its taps are d pixels apart). Then count the positions where that span fits inside the padded input, moving s pixels at a time — the first position counts too, and a position that would run past the end does not.',
    traps: {
      ignoredDilation: 'That ignores the dilation: with d = 2 the kernel’s taps are two pixels apart, so it spans more than k pixels.',
      noPlusOne: 'Off by one: that counts the steps between positions, not the positions. The first position counts too.',
      roundedUp: 'A position where the kernel would run past the padded input does not count: round down, not up.',
    },
    read: 'COURSE.md › Questions and answers › Counting parameters and sizes; Dumoulin & Visin, "A guide to convolution arithmetic for deep learning" (2016), §2 and §5.',
  }),
  defineQuestion({
    id: 'q06',
    answer: { kind: 'integer' },
    concept:
      'One 3×3 convolution sees a window 3 pixels wide. A second 3×3 layer (stride 1) combines 3 neighbouring outputs of the first, and neighbouring windows overlap in all but one column. How much wider does the receptive field get with each further layer?',
    traps: {
      product: 'Receptive fields of stride-1 layers grow additively, not multiplicatively: neighbouring windows overlap.',
      sum: 'Adding up the kernel widths counts the overlapping pixels several times: two neighbouring 3-wide windows together cover 4 pixels, not 6.',
    },
    read: 'COURSE.md › Questions and answers › Counting parameters and sizes; Simonyan & Zisserman, "Very Deep Convolutional Networks for Large-Scale Image Recognition" (2015), §2.3.',
  }),
  defineQuestion({
    id: 'q07',
    answer: { kind: 'boolean' },
    seed: "The seed's FAQ sets convolutional and fully connected layers apart as if they had nothing in common (article errata #15).",
    concept:
      'Write out one output of a 1×1 convolution at pixel (i, j): which input values does it read, and which weights? Compare it with a dense layer applied to the vector of C_in channel values at that pixel. ' +
      'You can check in tfjs: reshape the input to [H·W, C_in], use tf.matMul with the kernel reshaped to [C_in, C_out], add the bias, and compare with tf.conv2d.',
    read: 'COURSE.md › Questions and answers › Convolutional and fully connected layers; Lin, Chen & Yan, "Network In Network" (2014).',
  }),
  defineQuestion({
    id: 'q08',
    answer: { kind: 'integers', labels: ['VGG-16', 'ResNet-50'] },
    seed: "The seed says fully connected layers 'are not typically used in CNNs' (article errata #15).",
    concept:
      'Count the layers labelled FC (fully connected) in the architecture tables: Simonyan & Zisserman (2015), Table 1, configuration D (VGG-16); He et al. (2016), Table 1, the 50-layer column. Pooling and softmax are not layers with weights.',
    traps: {
      seedNone: "That is the seed's claim. Classification CNNs end in dense layers that turn features into class scores.",
    },
    read: 'COURSE.md › Questions and answers › Convolutional and fully connected layers; the two papers’ Table 1.',
  }),
];
