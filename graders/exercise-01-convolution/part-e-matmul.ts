/**
 * Part E — conv2dMatMul on tensors, on every backend: agrees with the reference on random and
 * realistic batches, cannot run a convolution kernel (the exercise's driver removes them from
 * the student's tfjs before their module loads; calling tf.conv2d throws), needs a matrix
 * product (called again with tfjs's matrix-product kernels hidden too, it must not return the
 * right answer), leaks no tensors (checked on every call), and rejects a channel mismatch.
 *
 * No check reads which kernels the student's process says it ran: both method checks remove a
 * capability and judge the answer (see "What the student's process reports about itself" in
 * graders/support/README.md).
 */
import fc from 'fast-check';
import type { ExerciseGrader } from '../support/exercise.ts';
import { expectInformative } from '../support/errors.ts';
import { GradeFailure } from '../support/failure.ts';
import type { CallReport } from '../support/sandbox/runner.ts';
import { isWireTensor, wireTensor, type Dense, type Wire } from '../support/sandbox/wire.ts';
import { caseCounts } from './case-counts.ts';
import { abs, batchCase, dense, showBatch, type BatchCase } from './cases.ts';
import { expectSums } from './check.ts';
import { matrixProductKernels, missingConvolutionKernel } from './part-e-no-conv.ts';
import { tfConv2d } from './tf-oracle.ts';

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
    return await ex.call('conv2dMatMul', args, { timeoutMs: 10_000 });
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
      const report = await callWithoutConvolution(ex, [wireTensor(c.x), wireTensor(c.filters), c.options]);
      await expectReference(c, fromTensor(report.value, 'the result of conv2dMatMul'));
    };

    const expectReference = async (c: BatchCase, got: Dense): Promise<void> => {
      const expected = fromTensor(await ex.reference.call('conv2dMatMul', [wireTensor(c.x), wireTensor(c.filters), c.options]), 'the reference result');
      const [kh, kw, cin] = c.filters.shape;
      const magnitude = await tfConv2d(abs(c.x), abs(c.filters), c.options);
      expectSums(got, expected, magnitude, kh * kw * cin, 'the result of conv2dMatMul', ex.backend);
    };

    ex.property('agrees with the reference on random batches, without a convolution kernel', batchCase(), check, {
      numRuns: caseCounts.E.reference,
      show: showBatch,
    });
    ex.property('agrees with the reference on a realistic batch (2×32×32×3, 8 filters, stride 2)', realistic, check, {
      numRuns: caseCounts.E.realistic,
      show: showBatch,
      shrink: false,
    });

    // Evidence the grader makes itself: the same call with tf.matMul's kernels gone. An answer
    // that still comes back right was computed without a matrix product; a throw, or a wrong
    // answer, shows the answer needs one. (Whether the first test's call ran one is not asked:
    // the student's process would be the one to say.)
    ex.property(
      `needs a matrix product: with tfjs's ${matrixProductKernels.join(', ')} kernels removed as well, conv2dMatMul cannot compute the answer`,
      batchCase(),
      async (c) => {
        const args = [wireTensor(c.x), wireTensor(c.filters), c.options];
        await check(c); // right with the products available: else this test would prove nothing
        const report = (await ex.driver('withoutMatrixProducts', { args }, { label: 'conv2dMatMul', timeoutMs: 10_000 })) as { value?: Wire; thrown?: Wire };
        if (report.thrown !== undefined || !isWireTensor(report.value)) return;
        let right = true;
        await expectReference(c, fromTensor(report.value, 'the result of conv2dMatMul')).catch(() => (right = false));
        if (right) {
          throw new GradeFailure(
            `conv2dMatMul returned the right answer with tfjs's matrix-product kernels (${matrixProductKernels.join(', ')}) removed, so it computes without tf.matMul: build the patch matrix (im2col) and multiply it by the reshaped filters with one tf.matMul.`,
          );
        }
      },
      { numRuns: caseCounts.E.needsMatrixProduct, show: showBatch },
    );

    ex.test('rejects a channel mismatch with an Error that names both depths', async () => {
      const x = wireTensor({ shape: [1, 4, 4, 3], data: new Float64Array(48) });
      const filters = wireTensor({ shape: [2, 2, 2, 1], data: new Float64Array(8) });
      const why = 'when x has 3 channels but the filters expect 2';
      const thrown = await ex.callExpectingThrow('conv2dMatMul', [x, filters, {}], why, { timeoutMs: 10_000 });
      expectInformative('conv2dMatMul', why, thrown, ['3', '2']);
    });
  });
}
