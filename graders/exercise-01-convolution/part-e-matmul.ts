/**
 * Part E — conv2dMatMul on tensors, on every backend: agrees with the reference on random and
 * realistic batches, runs no convolution kernel (checked with tf.profile in the student's
 * process) but a matrix product, leaks no tensors (checked on every call), and rejects a
 * channel mismatch.
 */
import fc from 'fast-check';
import type { ExerciseGrader } from '../support/exercise.ts';
import { expectInformative } from '../support/errors.ts';
import { GradeFailure } from '../support/failure.ts';
import { isWireTensor, type Dense, type Wire, type WireTensor } from '../support/sandbox/wire.ts';
import { abs, batchCase, dense, showBatch, type BatchCase } from './cases.ts';
import { expectSums } from './check.ts';
import { tfConv2d } from './tf-oracle.ts';

const convolutionKernels = ['Conv2D', 'FusedConv2D', 'DepthwiseConv2dNative', 'FusedDepthwiseConv2D', 'Conv3D'];
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

export function gradePartE(ex: ExerciseGrader): void {
  ex.part('E', () => {
    const check = async (c: BatchCase): Promise<void> => {
      const report = await ex.call('conv2dMatMul', [tensor(c.x), tensor(c.filters), c.options], { profile: true, timeoutMs: 10_000 });
      const conv = report.kernels.filter((k) => convolutionKernels.includes(k));
      if (conv.length > 0) {
        throw new GradeFailure(`conv2dMatMul ran the ${[...new Set(conv)].join(', ')} kernel: build the patches (im2col) and use tf.matMul instead of tf.conv2d.`);
      }
      if (!report.kernels.some((k) => productKernels.includes(k))) {
        throw new GradeFailure(`conv2dMatMul ran no matrix product (kernels: ${[...new Set(report.kernels)].join(', ') || 'none'}): the layer should be one tf.matMul of the patch matrix and the reshaped filters.`);
      }
      const got = fromTensor(report.value, 'the result of conv2dMatMul');
      const expected = fromTensor(await ex.reference.call('conv2dMatMul', [tensor(c.x), tensor(c.filters), c.options]), 'the reference result');
      const [kh, kw, cin] = c.filters.shape;
      const magnitude = await tfConv2d(abs(c.x), abs(c.filters), c.options);
      expectSums(got, expected, magnitude, kh * kw * cin, 'the result of conv2dMatMul', ex.backend);
    };

    ex.property('agrees with the reference on random batches, without a convolution kernel', batchCase(), check, { numRuns: 25, show: showBatch });
    ex.property('agrees with the reference on a realistic batch (2×32×32×3, 8 filters, stride 2)', realistic, check, { numRuns: 1, show: showBatch, shrink: false });

    ex.test('rejects a channel mismatch with an Error that names both depths', async () => {
      const x = tensor({ shape: [1, 4, 4, 3], data: new Float64Array(48) });
      const filters = tensor({ shape: [2, 2, 2, 1], data: new Float64Array(8) });
      const why = 'when x has 3 channels but the filters expect 2';
      const thrown = await ex.callExpectingThrow('conv2dMatMul', [x, filters, {}], why, { timeoutMs: 10_000 });
      expectInformative('conv2dMatMul', why, thrown, ['3', '2']);
    });
  });
}
