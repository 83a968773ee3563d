/**
 * Questions q09–q11: activation functions and batch normalisation (the seed's FAQ on the
 * activation function and on the batch normalisation layer).
 */
import { defineQuestion, type Question } from './question.ts';

const abcd = ['A', 'B', 'C', 'D'] as const;

export const trainingQuestions: Question[] = [
  defineQuestion({
    id: 'q09',
    answer: { kind: 'choice', options: abcd },
    seed: "The seed names 'the ReLU … and the Sigmoid functions' as the most common activations in CNNs (article errata #16).",
    concept:
      'Think about the gradient of an activation for large inputs, and about what the hidden layers of AlexNet (2012), VGG (2014), ResNet (2015) and later networks use. ' +
      'Where is a squashing function like the sigmoid still the right choice?',
    traps: {
      sigmoid:
        'The sigmoid saturates: for large |x| its gradient is almost 0, so deep stacks of sigmoids train slowly. Modern CNNs keep it for output layers (binary or multi-label) and for gates that scale another signal (squeeze-and-excitation blocks; SiLU is x·sigmoid(x)), not as the activation of their convolutions.',
      softmax: 'Softmax turns a vector into a probability distribution: an output layer’s job, not a hidden activation’s.',
      convNonlinear:
        'A convolution is linear in its input (a weighted sum plus a bias), so a stack of convolutions without activations is still one linear map.',
    },
    read: 'COURSE.md › Questions and answers › Activation functions; Glorot, Bordes & Bengio, "Deep Sparse Rectifier Neural Networks" (2011); Krizhevsky, Sutskever & Hinton (2012), §3.1.',
  }),
  defineQuestion({
    id: 'q10',
    answer: { kind: 'choice', options: abcd },
    seed: "The seed says batch normalisation 'is used to normalize the input data before it is fed into the next layer' by subtracting its mean and dividing by its standard deviation (article errata #20).",
    concept:
      'In training, batch normalisation normalises each channel with the statistics of the current mini-batch, and keeps running averages of them as it goes. ' +
      'At inference a prediction must not depend on which other images happen to share its batch — and must work for a batch of one image. Which statistics satisfy both?',
    traps: {
      batchStatistics:
        'With batch statistics at inference the same image would get different predictions depending on its batch-mates, and a batch holding one image would be normalised to its own mean.',
      perImage: 'Normalising each image with its own statistics is instance normalisation, a different layer.',
      switchedOff:
        'Switched off, the layer would hand the next layer activations on a different scale from the one it was trained on. Inference still normalises.',
    },
    read: 'COURSE.md › Questions and answers › Batch normalisation; Ioffe & Szegedy, "Batch Normalization" (2015), §3.1.',
  }),
  defineQuestion({
    id: 'q11',
    answer: { kind: 'integers', labels: ['trainable', 'countParams()'] },
    seed: 'The seed describes batch normalisation as plain standardisation — no learned scale and shift, no moving statistics (article errata #20).',
    concept:
      'How many vectors of length C (the number of channels) does a batch-normalisation layer hold, and which of them does the optimizer update? In tfjs, `layer.trainableWeights` and `layer.nonTrainableWeights` list them; `countParams()` counts both. ' +
      'The height and width do not matter: a convolutional layer’s channel statistics are shared over all positions.',
    traps: {
      trainableOnly:
        '`countParams()` counts more than the trainable weights: the moving mean and moving variance are weights of the layer too (non-trainable ones).',
      allTrainable: 'The moving mean and variance are not learned by gradient descent: they are running averages, marked non-trainable.',
      perPosition: 'The statistics and the scale and shift are per channel, shared over every position of the feature map.',
    },
    read: 'COURSE.md › Questions and answers › Batch normalisation; the tfjs API reference of tf.layers.batchNormalization.',
  }),
];
