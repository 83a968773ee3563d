/**
 * Recognised wrong answers, in plain text: the seed's answers and the usual slips. Instructor-only
 * (like solutions/): make-key.ts hashes them into key.json, so a student release can match a wrong
 * answer to its feedback (the `traps` of each question in graders/exercise-05-quiz/) without
 * showing which answers are recognised.
 *
 * Each trap name must exist in its question's `traps`, and each question's trap must be listed
 * here (key.spec.ts checks both, and that no trap equals the right answer).
 */
export const traps: Record<string, Record<string, unknown[]>> = {
  q01: { onlyImages: ['A'], moreParameters: ['C'], activation: ['D'] },
  q02: { windowSize: [4] },
  q03: { beforePooling: [16 * 16 * 32 * 10 + 10], noBias: [8 * 8 * 32 * 10] },
  q04: { noBias: [3 * 3 * 64 * 128], noInputChannels: [3 * 3 * 128 + 128] },
  q05: { ignoredDilation: [15], noPlusOne: [12], roundedUp: [14] },
  q06: { product: [27], sum: [9] },
  q08: { seedNone: [[0, 0]] },
  q09: { sigmoid: ['A'], softmax: ['B'], convNonlinear: ['C'] },
  q10: { batchStatistics: ['B'], perImage: ['C'], switchedOff: ['D'] },
  q11: { trainableOnly: [[128, 128]], allTrainable: [[256, 256]], perPosition: [[2 * 64 * 56 * 56, 4 * 64 * 56 * 56]] },
  q13: { largeKernel: ['A'], localPooling: ['C'], flattenDense: ['D'] },
  q15: {
    seedTools: [['B', 'D']],
    capacity: [
      ['A', 'B', 'C', 'D'],
      ['B', 'C', 'D'],
      ['A', 'C', 'D'],
    ],
  },
  q16: { softmax: ['A'], oneUnit: ['B'], relu: ['C'] },
  q17: { alternative: ['A'], noConvolutions: ['B'], recurrent: ['D'] },
  q18: { samePadding: [56], oneConvolution: [54] },
  q19: { works: ['B'], cropped: ['C'], padded: ['D'] },
  q20: {
    correctCorrelation: [
      [
        [1, 1, 1],
        [1, 1, 1],
        [1, 1, 1],
      ],
    ],
  },
};
