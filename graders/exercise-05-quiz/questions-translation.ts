/**
 * Questions q12–q13: translation equivariance and invariance (the seed's section on translation
 * equivariance and its FAQ on translation invariance).
 */
import { defineQuestion, type Question } from './question.ts';

export const translationQuestions: Question[] = [
  defineQuestion({
    id: 'q12',
    answer: { kind: 'boolean' },
    seed: "The statement is the seed's own definition, from its section on translation equivariance (article errata #6).",
    concept:
      'There are two different properties: the output stays the same when the input shifts, or the output shifts along with the input. One is called invariance, the other equivariance. ' +
      'Write each as an equation with a shift T and a layer f. Then shift the input of a stride-1 convolution by one pixel: does its feature map stay put, or move?',
    read: 'COURSE.md › Questions and answers › Translation: equivariance and invariance; Goodfellow, Bengio & Courville, Deep Learning (2016), §9.2; exercise 02.',
  }),
  defineQuestion({
    id: 'q13',
    answer: { kind: 'choice', options: ['A', 'B', 'C', 'D'] },
    seed: "The seed's FAQ says CNNs handle translation invariance 'by using pooling layers and convolutional layers with a large kernel size' (article errata #17).",
    concept:
      'Exact invariance means f(T x) = f(x) for every image x and every shift T. Convolutions are at best equivariant: with circular padding and stride 1 their output shifts exactly with the input. ' +
      'Which final step turns a shifted copy of the same feature map into the same output? Strides and local pooling sample the map on a grid, and break even equivariance for shifts that are not multiples of the stride.',
    traps: {
      largeKernel:
        'A larger kernel is still a convolution: its output moves with the input (equivariance) rather than staying put, and zero padding spoils even that at the borders.',
      localPooling:
        'A 2×2 max-pool with stride 2 tolerates some small shifts, not all: shift by one pixel and its windows group different pixels (Azulay & Weiss 2019; Zhang 2019).',
      flattenDense: 'Flatten + dense gives every position its own weights, so moving the content changes the output.',
    },
    read: 'COURSE.md › Questions and answers › Translation: equivariance and invariance; Azulay & Weiss, "Why do deep convolutional networks generalize so poorly to small image transformations?" (2019); Zhang, "Making Convolutional Networks Shift-Invariant Again" (2019); exercise 02.',
  }),
];
