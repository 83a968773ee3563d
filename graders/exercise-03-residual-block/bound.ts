/**
 * How far a float32 residual block may be from the exact one: a forward pass in the grader's
 * tfjs (cpu) that carries, with every value v, a bound m ≥ |v| and a bound e on its rounding
 * error, through each operation of He et al.'s block (a running error analysis, Higham,
 * "Accuracy and Stability of Numerical Algorithms", §3.1–3.3):
 *
 * - conv with T summed terms: e' = |W| ⊛ e + γ_T·(|W| ⊛ m + |b|), γ_T = (T + 2)·u
 * - BN, inference: e' = |γ/s|·e + γ_6·m', s = √(σ² + ε)
 * - BN, training (batch mean μ and variance σ² of the input): the errors of μ, σ² and s follow
 *   from the channel's largest input error E and deviation D; e' = |γ|·((e + Δμ)/s + |n|·Δs/s)
 * - ReLU: unchanged; add: e' = e₁ + e₂ + u·(m₁ + m₂)
 *
 * Two float32 computations each within e of the exact block differ by at most 2e; with the
 * usual safety factor 2 (fused multiply-adds, reordering) the tolerance is 4e. The same pass
 * bounds the moving statistics that a training-mode pass leaves behind.
 */
import { tf } from '../support/tf.ts';
import { absoluteFloor, float32UnitRoundoff as u } from '../support/tolerance.ts';
import type { Dense } from '../support/sandbox/wire.ts';
import type { RunCase } from './cases.ts';
import { bnOf, type BnRole } from './graph.ts';
import { projects, resolve, type BlockWeights, type ConvWeights, type NormWeights } from './weights.ts';

/** tfjs's BatchNormalization defaults, which the exercise requires. */
export const bnEpsilon = 1e-3;
export const bnMomentum = 0.99;
const safety = 2;

const gammaOf = (terms: number): number => (terms + 2) * u;

interface Tracked {
  v: tf.Tensor4D;
  m: tf.Tensor4D;
  e: tf.Tensor4D;
}

/** Moving statistics after a training-mode pass, with tolerances, per channel. */
export interface StatsBound {
  mean: Float64Array;
  variance: Float64Array;
  meanTolerance: Float64Array;
  varianceTolerance: Float64Array;
}

/** The oracle's output and the tolerance of each element (and of each moving statistic). */
export interface Bound {
  value: Dense;
  tolerance: Float64Array;
  stats: Partial<Record<BnRole, StatsBound>>;
}

const tensor = (d: { shape: number[]; data: Float64Array }): tf.Tensor => tf.tensor(Float32Array.from(d.data), d.shape);

function conv(t: Tracked, w: ConvWeights, strides: number): Tracked {
  const kernel = tensor(w.kernel.$nd) as tf.Tensor4D;
  const [kh, kw, cin] = kernel.shape;
  const abs = kernel.abs();
  let v = tf.conv2d(t.v, kernel, strides, 'same');
  let m = tf.conv2d(t.m, abs, strides, 'same');
  if (w.bias !== undefined) {
    const bias = tensor(w.bias.$nd);
    v = v.add(bias);
    m = m.add(bias.abs());
  }
  const e = tf.conv2d(t.e, abs, strides, 'same').add(m.mul(gammaOf(kh * kw * cin + (w.bias === undefined ? 0 : 1)))) as tf.Tensor4D;
  return { v, m, e };
}

function bnInference(t: Tracked, w: NormWeights): Tracked {
  const [gamma, beta, mean, variance] = [w.gamma, w.beta, w.movingMean, w.movingVariance].map((d) => tensor(d.$nd));
  const a = gamma.div(variance.add(bnEpsilon).sqrt());
  const v = t.v.sub(mean).mul(a).add(beta) as tf.Tensor4D;
  const m = t.m.add(mean.abs()).mul(a.abs()).add(beta.abs()) as tf.Tensor4D;
  return { v, m, e: t.e.mul(a.abs()).add(m.mul(gammaOf(6))) as tf.Tensor4D };
}

function bnTraining(t: Tracked, w: NormWeights, stats: (s: tf.Tensor[]) => void): Tracked {
  const [gamma, beta, mean0, variance0] = [w.gamma, w.beta, w.movingMean, w.movingVariance].map((d) => tensor(d.$nd));
  const axes = [0, 1, 2];
  const count = t.v.shape[0] * t.v.shape[1] * t.v.shape[2];
  const { mean, variance } = tf.moments(t.v, axes);
  const dMean = t.e.max(axes).add(t.m.max(axes).mul(gammaOf(count)));
  const deviation = t.v.sub(mean);
  const largest = deviation.abs().max(axes);
  const err = t.e.max(axes).add(dMean);
  const dVariance = largest
    .mul(err)
    .mul(2)
    .add(err.square())
    .add(
      largest
        .add(err)
        .square()
        .mul(gammaOf(count + 3)),
    );
  const s = variance.add(bnEpsilon).sqrt();
  const dS = dVariance.div(s.mul(2));
  const n = deviation.div(s);
  const dN = t.e
    .add(dMean)
    .div(s)
    .add(n.abs().mul(dS).div(s))
    .add(n.abs().mul(gammaOf(4)));
  const m = n.abs().mul(gamma.abs()).add(beta.abs()) as tf.Tensor4D;
  const decay = 1 - bnMomentum;
  stats([
    mean0.sub(mean0.sub(mean).mul(decay)),
    variance0.sub(variance0.sub(variance).mul(decay)),
    dMean.mul(decay).add(mean0.abs().add(mean.abs()).mul(gammaOf(3))),
    dVariance.mul(decay).add(variance0.abs().add(variance).mul(gammaOf(3))),
  ]);
  return { v: n.mul(gamma).add(beta) as tf.Tensor4D, m, e: dN.mul(gamma.abs()).add(m.mul(gammaOf(2))) as tf.Tensor4D };
}

const relu = (t: Tracked): Tracked => ({ v: tf.relu(t.v), m: t.m, e: t.e });

function add(a: Tracked, b: Tracked): Tracked {
  const m = a.m.add(b.m) as tf.Tensor4D;
  return { v: a.v.add(b.v), m, e: a.e.add(b.e).add(m.mul(u)) as tf.Tensor4D };
}

/** The oracle block on the case's batch and weights, with its tolerances. */
export async function boundBlock(c: RunCase, x: Dense, weights: BlockWeights): Promise<Bound> {
  const { strides } = resolve(c.options);
  const statTensors: Partial<Record<BnRole, tf.Tensor[]>> = {};
  const [out, tolerance] = tf.tidy(() => {
    const input = tensor(x) as tf.Tensor4D;
    const t0: Tracked = { v: input, m: input.abs(), e: tf.zerosLike(input) };
    const norm = (t: Tracked, role: BnRole): Tracked => {
      const w = weights[role] as NormWeights | undefined;
      if (w === undefined) return t;
      if (!c.training) return bnInference(t, w);
      return bnTraining(t, w, (s) => (statTensors[role] = s.map((k) => tf.keep(k))));
    };
    let main = norm(conv(t0, weights.conv1, strides), bnOf.conv1);
    main = norm(conv(relu(main), weights.conv2, 1), bnOf.conv2);
    const shortcut = projects(c.inputShape[2], c.options) ? norm(conv(t0, weights.projection!, strides), bnOf.projection) : t0;
    const result = relu(add(main, shortcut));
    return [result.v, result.e.mul(2 * safety).add(absoluteFloor)];
  });
  const read = async (t: tf.Tensor): Promise<Float64Array> => Float64Array.from(await t.data());
  const bound: Bound = { value: { shape: out.shape.slice(), data: await read(out) }, tolerance: await read(tolerance), stats: {} };
  for (const [role, [mean, variance, meanTolerance, varianceTolerance]] of Object.entries(statTensors) as [BnRole, tf.Tensor[]][]) {
    const scale = (d: Float64Array): Float64Array => d.map((v) => 2 * safety * v + absoluteFloor);
    bound.stats[role] = {
      mean: await read(mean),
      variance: await read(variance),
      meanTolerance: scale(await read(meanTolerance)),
      varianceTolerance: scale(await read(varianceTolerance)),
    };
  }
  tf.dispose([out, tolerance, ...Object.values(statTensors).flat()]);
  return bound;
}
