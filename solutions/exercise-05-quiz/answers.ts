/**
 * Exercise 05 — the quiz. The hidden answer key: `tools/quiz/make-key.ts` hashes it into
 * graders/exercise-05-quiz/key.json (rerun it after any change here; `npm run spec` fails while
 * the key is stale), and tools/quiz/computed.spec.ts checks every computed answer against tfjs.
 */

/** An option letter of a four-option question. */
export type Option4 = 'A' | 'B' | 'C' | 'D';

/** An option letter of a five-option question. */
export type Option5 = 'A' | 'B' | 'C' | 'D' | 'E';

/** One row of a 3×3 matrix. */
export type Row3 = [number, number, number];

/**
 * The answers to QUIZ.md, one entry per question; `undefined` means not answered yet.
 *
 * @example
 * // How each kind of answer is written (the values are only examples):
 * const letter: Option4 = 'B';
 * const letters: Option5[] = ['A', 'C'];
 * const count: number = 1234;
 * const pair: [number, number] = [2, 5];
 */
export interface QuizAnswers {
  /** q01 · What makes a layer convolutional — one letter. */
  q01: Option4 | undefined;
  /** q02 · Parameters of a max-pooling layer — a number. */
  q02: number | undefined;
  /** q03 · A dense layer after 2×2 pooling — a number. */
  q03: number | undefined;
  /** q04 · Parameters of a 3×3 convolution — a number. */
  q04: number | undefined;
  /** q05 · Output width (stride, padding, dilation) — a number. */
  q05: number | undefined;
  /** q06 · Receptive field of three 3×3 convolutions — a number (its width in pixels). */
  q06: number | undefined;
  /** q07 · A 1×1 convolution and a dense layer — true or false. */
  q07: boolean | undefined;
  /** q08 · Dense layers in VGG-16 and ResNet-50 — [VGG-16, ResNet-50]. */
  q08: [vgg16: number, resnet50: number] | undefined;
  /** q09 · Activations of hidden layers — one letter. */
  q09: Option4 | undefined;
  /** q10 · Batch normalisation at inference — one letter. */
  q10: Option4 | undefined;
  /** q11 · Batch normalisation and countParams() — [trainable, countParams()]. */
  q11: [trainable: number, counted: number] | undefined;
  /** q12 · The seed's definition of equivariance — true or false. */
  q12: boolean | undefined;
  /** q13 · An exactly shift-invariant construction — one letter. */
  q13: Option4 | undefined;
  /** q14 · CNNs, RNNs and sequences — true or false. */
  q14: boolean | undefined;
  /** q15 · Remedies for overfitting — every letter that applies, in any order. */
  q15: Option5[] | undefined;
  /** q16 · A multi-label output layer — one letter. */
  q16: Option4 | undefined;
  /** q17 · GANs and CNNs — one letter. */
  q17: Option4 | undefined;
  /** q18 · The seed's residual block: sizes — a number. */
  q18: number | undefined;
  /** q19 · The seed's residual block: the addition — one letter. */
  q19: Option4 | undefined;
  /** q20 · What the seed's demo prints — three rows of three numbers. */
  q20: [Row3, Row3, Row3] | undefined;
}

/** Your answers. */
export const answers: QuizAnswers = {
  q01: 'B',
  q02: 0,
  q03: 20490,
  q04: 73856,
  q05: 13,
  q06: 7,
  q07: true,
  q08: [3, 1],
  q09: 'D',
  q10: 'A',
  q11: [128, 256],
  q12: false,
  q13: 'B',
  q14: false,
  q15: ['A', 'B', 'D'],
  q16: 'D',
  q17: 'C',
  q18: 52,
  q19: 'A',
  q20: [
    [1, 1, 0],
    [1, 1, 0],
    [0, 0, 0],
  ],
};
