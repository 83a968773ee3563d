/**
 * Questions q14–q17: CNNs among other methods and tasks (the seed's FAQ on RNNs, overfitting,
 * multi-class classification and GANs).
 */
import { defineQuestion, type Question } from './question.ts';

const abcd = ['A', 'B', 'C', 'D'] as const;

export const familyQuestions: Question[] = [
  defineQuestion({
    id: 'q14',
    answer: { kind: 'boolean' },
    seed: "The seed's FAQ answer on CNNs and RNNs ties each kind of network to a kind of data — grids for CNNs, sequences for RNNs; the statement draws the conclusion that answer invites (article errata #18).",
    concept:
      'A sequence is a 1-D grid: a 1-D kernel can slide along time just as a 2-D kernel slides over an image. Look up WaveNet (van den Oord et al. 2016) and temporal convolutional networks (Bai, Kolter & Koltun 2018). ' +
      'What really separates a CNN from an RNN — the data it is fed, or the computation (shared local filters vs a state carried from step to step)?',
    read: 'COURSE.md › Questions and answers › CNNs and RNNs; Bai, Kolter & Koltun, "An Empirical Evaluation of Generic Convolutional and Recurrent Networks for Sequence Modeling" (2018).',
  }),
  defineQuestion({
    id: 'q15',
    answer: { kind: 'choices', options: ['A', 'B', 'C', 'D', 'E'] },
    seed: 'The seed lists regularisation, dropout and early stopping — and misses the tool reached for first with image CNNs (article errata #19).',
    concept:
      'Judge each option on its own: does it give the model more varied training data, constrain its weights, add noise while training, or instead give it more capacity or more time to memorise the training set? Select every option that reduces overfitting, and none that increases it.',
    traps: {
      seedTools:
        'Weight decay and dropout are in the seed’s list, and they help. The seed misses the tool usually reached for first with images — one that changes the data rather than the model. Is it among the options?',
      capacity:
        'One of your choices only makes the model bigger. Extra filters give a network more room to memorise its training set; very wide networks often generalise well all the same (double descent), but that makes width no remedy for overfitting either.',
    },
    read: 'COURSE.md › Questions and answers › Overfitting; Krizhevsky, Sutskever & Hinton (2012), §4; Srivastava et al., "Dropout" (2014).',
  }),
  defineQuestion({
    id: 'q16',
    answer: { kind: 'choice', options: abcd },
    seed: "The seed's FAQ answers multi-class problems with a softmax output layer only (article errata #21).",
    concept:
      'Softmax makes the class scores compete: they sum to 1, so raising one lowers the others. Is that right when one photo can carry several labels at once? ' +
      'Which output gives each label its own, independent probability — and which loss goes with it?',
    traps: {
      softmax:
        'Softmax suits single-label problems: exactly one class per image. With several true labels per photo, the outputs must not compete for one unit of probability.',
      oneUnit: 'One sigmoid unit answers one yes/no question, not twenty.',
      relu: 'ReLU outputs are unbounded and mean squared error is a regression loss: neither gives a probability per label.',
    },
    read: 'COURSE.md › Questions and answers › Multi-class and multi-label outputs; Goodfellow, Bengio & Courville, Deep Learning (2016), §6.2.2.',
  }),
  defineQuestion({
    id: 'q17',
    answer: { kind: 'choice', options: abcd },
    seed: "The seed's FAQ contrasts CNNs and GANs as if they were two kinds of network (article errata #22).",
    concept:
      '"CNN" names an architecture: what the layers compute. "GAN" names a way of training (Goodfellow et al. 2014): a generator and a discriminator with an adversarial objective. ' +
      'Which layers do the generator and the discriminator of an image GAN such as DCGAN (Radford, Metz & Chintala 2015) use?',
    traps: {
      alternative: "That is the seed's framing, and it compares an architecture with a training set-up.",
      noConvolutions: 'DCGAN’s generator and discriminator are built from (transposed) convolutions.',
      recurrent: 'Nothing recurrent is part of what makes a GAN.',
    },
    read: 'COURSE.md › Questions and answers › CNNs and GANs; Radford, Metz & Chintala, "Unsupervised Representation Learning with Deep Convolutional GANs" (2015).',
  }),
];
