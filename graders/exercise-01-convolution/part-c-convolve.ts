/**
 * Part C — convolve2d: true convolution flips the kernel. Checked against the reference on
 * random cases (including 'same' with even kernels, whose padding split must match correlate2d's),
 * against tf.conv2d with the kernel rotated by 180°, and on an impulse, which convolution copies
 * (correlation would copy it rotated).
 */
import type { ExerciseGrader } from '../support/exercise.ts';
import type { Dense } from '../support/sandbox/wire.ts';
import { caseCounts } from './case-counts.ts';
import { abs, planeCase, showOptions, showPlane, wire } from './cases.ts';
import { expectNd, expectSums, referenceNd } from './check.ts';
import { matrix } from './golden.ts';
import { tfCorrelate2d } from './tf-oracle.ts';

/** The kernel rotated by 180°. */
export function rot180(k: Dense): Dense {
  return { shape: k.shape, data: k.data.slice().reverse() };
}

export function gradePartC(ex: ExerciseGrader): void {
  ex.part('C', () => {
    ex.property(
      'agrees with the reference on random images, kernels and options',
      planeCase(),
      async (c) => {
        const { value: got } = await ex.call('convolve2d', [wire(c.image), wire(c.kernel), c.options]);
        const expected = referenceNd(await ex.reference.call('convolve2d', [{ $nd: c.image.dense }, { $nd: c.kernel.dense }, c.options]), 'convolve2d');
        const magnitude = await tfCorrelate2d(abs(c.image.dense), abs(rot180(c.kernel.dense)), c.options);
        expectSums(expectNd(got, 'the result of convolve2d'), expected, magnitude, c.kernel.dense.data.length, 'the result of convolve2d', ex.backend);
      },
      { numRuns: caseCounts.C.reference, show: showPlane },
    );

    ex.property(
      'equals tf.conv2d (a cross-correlation) with the kernel rotated by 180°',
      planeCase(),
      async (c) => {
        const { value: got } = await ex.call('convolve2d', [wire(c.image), wire(c.kernel), c.options]);
        const flipped = rot180(c.kernel.dense);
        const expected = await tfCorrelate2d(c.image.dense, flipped, c.options);
        const magnitude = await tfCorrelate2d(abs(c.image.dense), abs(flipped), c.options);
        expectSums(
          expectNd(got, 'the result of convolve2d'),
          expected,
          magnitude,
          c.kernel.dense.data.length,
          'convolve2d(x, k) vs correlate(x, rot180(k)) by tf.conv2d',
          ex.backend,
        );
      },
      { numRuns: caseCounts.C.tfConv2d, show: showPlane },
    );

    ex.test("copies an asymmetric kernel when convolving an impulse ('same' padding)", async () => {
      const impulse = matrix([
        [0, 0, 0],
        [0, 1, 0],
        [0, 0, 0],
      ]);
      const kernel = matrix([
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ]);
      const options = { padding: 'same' as const };
      const { value: got } = await ex.call('convolve2d', [{ $nd: impulse }, { $nd: kernel }, options]);
      expectSums(
        expectNd(got, 'convolve2d(impulse, k)'),
        kernel,
        kernel,
        9,
        `convolve2d(impulse, k, ${showOptions(options)}) — convolution reproduces k; correlation would give k rotated by 180°`,
        ex.backend,
      );
    });
  });
}
