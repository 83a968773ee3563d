/**
 * Part E — conv2dMatMul on tensors, on every backend: agrees with the reference on random and
 * realistic batches, cannot run a convolution kernel (the exercise's driver removes them from
 * the student's tfjs before their module loads; calling tf.conv2d throws), runs a matrix
 * product, leaks no tensors (checked on every call), and rejects a channel mismatch.
 *
 * The matrix-product check reads the kernel list the student's process reports (tf.profile
 * there), so a forged report can pass it: see "What the student's process reports about
 * itself" in graders/support/README.md.
 */
import fc from 'fast-check';
import type { ExerciseGrader } from '../support/exercise.ts';
import { expectInformative } from '../support/errors.ts';
import { GradeFailure } from '../support/failure.ts';
import type { CallReport } from '../support/sandbox/runner.ts';
import { isWireTensor, type Dense, type Wire, type WireTensor } from '../support/sandbox/wire.ts';
import { abs, batchCase, dense, showBatch, type BatchCase } from './cases.ts';
import { expectSums } from './check.ts';
import { missingConvolutionKernel } from './part-e-no-conv.ts';
import { tfConv2d } from './tf-oracle.ts';

const productKernels = ['BatchMatMul', '_FusedMatMul', 'MatMul', 'Einsum'];

function tensor(d: Dense): WireTensor {
  return { $tensor: { shape: d.shape, dtype: 'float32', data: Float32Array.from(d.data) } };
}

function fromTensor(value: Wire, what: string): Dense {
  if (!isWireTensor(value)) throw new GradeFailure(`${what} is not a tf.Tensor.`);
  return { shape: value.$tensor.shape, data: Float64Array.from(value.$tensor.data) };
}

/**
 * A realistic batch: two 32×32 RGB images, 8 filters 3×3, 'same', stride 2 (dilation and the
 * other options are covered by the random batches; one realistic case keeps grading fast).
 */
const realistic: fc.Arbitrary<BatchCase> = fc
  .record({ x: dense([2, 32, 32, 3]), filters: dense([3, 3, 3, 8]) })
  .map(({ x, filters }) => ({ x, filters, options: { padding: 'same', stride: 2 } }));

/** Calls conv2dMatMul; a throw because a convolution kernel is missing gets its own message. */
async function callWithoutConvolution(ex: ExerciseGrader, args: Wire[]): Promise<CallReport & { value: Wire }> {
  try {
    return await ex.call('conv2dMatMul', args, { profile: true, timeoutMs: 10_000 });
  } catch (error) {
    const kernel = error instanceof GradeFailure ? missingConvolutionKernel(error.message) : undefined;
    if (kernel === undefined) throw error;
    const failure = new GradeFailure(
      `tf.conv2d is not available in Part E: build it from im2col and tf.matMul (your code called the ${kernel} kernel, which the grader removed for this part).`,
    );
    failure.fatal = true; // every case would throw the same: no shrinking
    throw failure;
  }
}

export function gradePartE(ex: ExerciseGrader): void {
  ex.part('E', () => {
    const check = async (c: BatchCase): Promise<void> => {
      const report = await callWithoutConvolution(ex, [tensor(c.x), tensor(c.filters), c.options]);
      if (!report.kernels.some((k) => productKernels.includes(k))) {
        throw new GradeFailure(
          `conv2dMatMul ran no matrix product (kernels: ${[...new Set(report.kernels)].join(', ') || 'none'}): the layer should be one tf.matMul of the patch matrix and the reshaped filters.`,
        );
      }
      const got = fromTensor(report.value, 'the result of conv2dMatMul');
      const expected = fromTensor(await ex.reference.call('conv2dMatMul', [tensor(c.x), tensor(c.filters), c.options]), 'the reference result');
      const [kh, kw, cin] = c.filters.shape;
      const magnitude = await tfConv2d(abs(c.x), abs(c.filters), c.options);
      expectSums(got, expected, magnitude, kh * kw * cin, 'the result of conv2dMatMul', ex.backend);
    };

    ex.property('agrees with the reference on random batches, without a convolution kernel', batchCase(), check, { numRuns: 25, show: showBatch });
    ex.property('agrees with the reference on a realistic batch (2×32×32×3, 8 filters, stride 2)', realistic, check, {
      numRuns: 1,
      show: showBatch,
      shrink: false,
    });

    ex.test('rejects a channel mismatch with an Error that names both depths', async () => {
      const x = tensor({ shape: [1, 4, 4, 3], data: new Float64Array(48) });
      const filters = tensor({ shape: [2, 2, 2, 1], data: new Float64Array(8) });
      const why = 'when x has 3 channels but the filters expect 2';
      const thrown = await ex.callExpectingThrow('conv2dMatMul', [x, filters, {}], why, { timeoutMs: 10_000 });
      expectInformative('conv2dMatMul', why, thrown, ['3', '2']);
    });
  });
}
