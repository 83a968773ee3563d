/**
 * Exercise 02, Part F: why each wrong verdict is wrong, per layer — the feedback a student gets.
 * Hidden with the solution: the texts explain the answers. `tools/verdicts/make-key.ts` writes
 * them into the graders' key file keyed by salted hashes of (layer, verdict), next to the hash
 * of the right verdict (the solution's `verdicts`), so a student release shows neither.
 */
import type { Verdict } from './equivariance.ts';

export const verdictFeedback: Record<string, Partial<Record<Verdict, string>>> = {
  circularConv: {
    invariant:
      "Its output moves with its input — conv(T x) = T conv(x) — it does not stay the same. Calling that 'invariance' is the seed's mistake (article errata #6): put one bright pixel anywhere and its 3×3 response moves with it.",
    neither:
      'With circular padding every output pixel sees the same kind of neighbourhood — there is no border — and with stride 1 every position is kept, so shifting the input shifts the output exactly: conv(T x) = T conv(x) for every shift.',
  },
  zeroPaddedConv: {
    equivariant:
      'Zero padding breaks it at the border: under a circular shift, content that wraps from the last column to the first meets zeros on one side in conv(T x) but its real neighbours in T conv(x). Zero-padded convolution commutes with shifts only while the content stays away from the borders — not with every circular shift.',
    invariant: 'A shift moves its output (away from the borders it moves exactly like the input); it does not leave it unchanged.',
  },
  stride2Conv: {
    equivariant:
      'Stride 2 keeps rows and columns 0, 2, 4, … only. A one-pixel shift moves the content between kept and dropped positions, and no shift of the half-size output matches (Part E is exactly this). It commutes only with shifts that are multiples of 2 (Azulay & Weiss 2019; Zhang 2019).',
    invariant:
      'A two-pixel shift of the input shifts the output by one position, so the output changes. Subsampling does not make a layer invariant; it makes it depend on the sampling phase.',
  },
  relu: {
    invariant: 'ReLU acts on each pixel alone, so a shifted input gives the same output shifted — it moves, it does not stay the same.',
    neither: 'A function applied pixel by pixel commutes with every rearrangement of the pixels, circular shifts included: relu(T x) = T relu(x).',
  },
  maxPool2x2: {
    invariant:
      "This is the seed's claim (article errata #17), and it is wrong: max pooling tolerates some small shifts inside a window, but a one-pixel shift can move a maximum into the neighbouring window, and a two-pixel shift moves the whole output by one position.",
    equivariant:
      'The output has half the size and keeps one phase of the 2×2 grid, so a one-pixel shift of the input is no shift of the output at all; only even shifts commute with it.',
  },
  globalAvgPool: {
    equivariant:
      "Its output is one number: there is nothing left to shift. A circular shift only permutes the pixels, and their mean does not change: pool(T x) = pool(x). (Under this exercise's definitions an equivariant layer keeps the size.)",
    neither: 'A circular shift permutes the pixels, and the mean of the same numbers in another order is the same mean: pool(T x) = pool(x) exactly.',
  },
  circularConvReluGlobalAvgPool: {
    equivariant: 'The last step averages over every position, so the output is one number that no longer moves: the whole stack is invariant.',
    neither:
      'An equivariant feature map followed by a global pool is exactly invariant: pool(relu(conv(T x))) = pool(T relu(conv(x))) = pool(relu(conv(x))). This is the one exact route to invariance in a CNN.',
  },
  flattenDense: {
    invariant:
      'A dense layer gives each pixel its own weights; a shift moves pixels onto other weights, so the output changes. Only weights equal for every pixel (weight sharing) would make it invariant.',
    equivariant:
      "Its 10 outputs are not an image of the input's size: there is no shifted output to compare with, and each output depends on where content is.",
  },
};
