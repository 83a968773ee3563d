/**
 * Part C's measurement, made in the grader's process on the block it rebuilt (rebuilt.ts): the
 * last BN's γ and β zeroed (or, without BN, the last convolution's kernel and bias), the block
 * applied to x in inference mode, and d(Σ output ⊙ upstream)/dx — with the grader's tfjs, so
 * neither number comes from the student's process.
 */
import type { Dense } from '../support/sandbox/wire.ts';
import { tf } from '../support/tf.ts';
import { expectRan } from './check.ts';
import { blockRoles } from './graph.ts';
import { describeModel } from './tf-model.ts';

/**
 * @param model - a block the grader owns (its weights are changed)
 * @param x - the input batch [N, H, W, C]
 * @param upstream - the upstream gradient, same shape as the output
 * @returns the block's output and the gradient with respect to x
 * @throws GradeFailure when the block's layers do not fit the roles of He et al.'s block
 * @example await identityRun(block, x, r) → { output: ReLU(x), gradient: r ⊙ [x > 0] } for a correct block
 */
export async function identityRun(model: tf.LayersModel, x: Dense, upstream: Dense): Promise<{ output: Dense; gradient: Dense }> {
  const found = blockRoles(describeModel(model));
  if ('problem' in found) expectRan({ problem: found.problem }, 'residualBlock');
  const roles = 'roles' in found ? found.roles : {};
  // Zero γ and β but keep the moving statistics (copies: a variable must not be assigned itself).
  const last = model.getLayer((roles.bn2 ?? roles.conv2)!);
  const values = last.getWeights().map((w, i) => (roles.bn2 !== undefined && i >= 2 ? w.clone() : tf.zerosLike(w)));
  last.setWeights(values);
  tf.dispose(values);
  const input = tf.tensor(Float32Array.from(x.data), x.shape);
  const r = tf.tensor(Float32Array.from(upstream.data), upstream.shape);
  const f = (t: tf.Tensor): tf.Tensor => model.apply(t, { training: false }) as tf.Tensor;
  const y = f(input);
  const gradient = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(f(t), r)))(input);
  const read = async (t: tf.Tensor): Promise<Dense> => ({ shape: t.shape.slice(), data: Float64Array.from(await t.data()) });
  try {
    return { output: await read(y), gradient: await read(gradient) };
  } finally {
    tf.dispose([input, r, y, gradient]);
  }
}
