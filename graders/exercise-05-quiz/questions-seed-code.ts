/**
 * Questions q18–q20: the seed's code, run for real (its residual block and its convolution demo).
 */
import { defineQuestion, type Question } from './question.ts';

export const seedCodeQuestions: Question[] = [
  defineQuestion({
    id: 'q18',
    answer: { kind: 'integer' },
    seed: "The seed builds its block from `nn.Conv2d(…, kernel_size=3)` with no padding argument, and PyTorch's default padding is 0 (article errata #8).",
    concept:
      'Without padding and with stride 1, a k×k convolution fits at n − k + 1 positions along each axis. Apply that once for every convolution on the path to the addition; ReLU does not change sizes.',
    traps: {
      samePadding: "That would hold with padding=1 ('same'), which He et al. use — but the seed's convolutions pass no padding.",
      oneConvolution: 'There are two convolutions before the addition, and each one shrinks the map.',
    },
    read: "COURSE.md › Questions and answers › The seed's code, run for real; the PyTorch reference of torch.nn.Conv2d (padding defaults to 0); exercise 03.",
  }),
  defineQuestion({
    id: 'q19',
    answer: { kind: 'choice', options: ['A', 'B', 'C', 'D'] },
    seed: 'The seed presents the block as working code (article errata #8).',
    concept:
      'Compare the shapes of the two operands of `out + residual`. Element-wise addition in PyTorch and tfjs broadcasts only axes of size 1; two different sizes above 1 along the same axis cannot be added, and nothing crops or pads for you.',
    traps: {
      works: '`residual` keeps the input’s size, but the two unpadded convolutions have shrunk `out`: the shapes no longer match.',
      cropped: 'Neither PyTorch nor tfjs crops an operand of an addition to fit the other.',
      padded: 'Neither PyTorch nor tfjs pads an operand of an addition to fit the other.',
    },
    read: "COURSE.md › Questions and answers › The seed's code, run for real; NumPy's broadcasting rules (which PyTorch and tfjs follow); He et al. (2016), §3.3.",
  }),
  defineQuestion({
    id: 'q20',
    answer: { kind: 'matrix', rows: 3, columns: 3 },
    seed: 'The demo claims to show a feature map of a 5×5 image; its loops do not visit every output (article errata #2–#3).',
    concept:
      'Trace the loops by hand: which (i, j) pairs does `range(2, 4)` produce, which entry of `feature_map` does each one write, and which window of `image` does each one read? ' +
      'Entries the loops never write keep the value `np.zeros` gave them.',
    traps: {
      correctCorrelation:
        "That is what a correct 'valid' correlation of this image with this kernel gives, since every 3×3 window contains the white pixel. The seed's loops, though, do not visit every output position.",
    },
    read: "COURSE.md › Questions and answers › The seed's code, run for real; Python's range(start, stop) excludes stop.",
  }),
];
