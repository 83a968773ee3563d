/**
 * A residual block's weights by role, as wire data, and how the graders draw them: every value
 * comes from a seeded generator (datasets/bars/prng.ts), so the weights are a deterministic
 * function of the fast-check case and the hidden reference can be replayed from recordings.
 */
import type { Dense, WireNd } from '../support/sandbox/wire.ts';

/** A convolution role's weights: kernel [k, k, Cin, F] and, when no BN follows, bias [F]. */
export interface ConvWeights {
  [key: string]: WireNd | undefined;
  kernel: WireNd;
  bias?: WireNd;
}

/** A BN role's weights, each [F]. */
export interface NormWeights {
  [key: string]: WireNd;
  gamma: WireNd;
  beta: WireNd;
  movingMean: WireNd;
  movingVariance: WireNd;
}

/** The weights of a block by role; the projection roles only when the block projects. */
export interface BlockWeights {
  [key: string]: ConvWeights | NormWeights | undefined;
  conv1: ConvWeights;
  conv2: ConvWeights;
  projection?: ConvWeights;
  bn1?: NormWeights;
  bn2?: NormWeights;
  bnProjection?: NormWeights;
}

/** A block's options as a student passes them (absent keys take the defaults). */
export interface BlockOptions {
  [key: string]: number | boolean | undefined;
  filters: number;
  strides?: 1 | 2;
  batchNorm?: boolean;
}

/** The options with their defaults filled in. */
export function resolve(options: BlockOptions): { filters: number; strides: 1 | 2; batchNorm: boolean } {
  return { filters: options.filters, strides: options.strides ?? 1, batchNorm: options.batchNorm ?? true };
}

/** Whether the block needs a projection shortcut: strides ≠ 1 or the channels change. */
export function projects(channels: number, options: BlockOptions): boolean {
  const o = resolve(options);
  return o.strides !== 1 || o.filters !== channels;
}

/** Draws multiples of `step` in [lo, hi] (both multiples of `step`), optionally never 0. */
export type Draw = (shape: number[], lo: number, hi: number, options?: { step?: number; nonZero?: boolean }) => Dense;

/** A {@link Draw} over a generator of uniform floats in [0, 1). */
export function drawer(next: () => number): Draw {
  return (shape, lo, hi, { step = 0.25, nonZero = false } = {}) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const data = new Float64Array(size);
    const count = Math.round((hi - lo) / step) + 1;
    for (let i = 0; i < size; i++) {
      let value = 0;
      do value = lo + Math.floor(next() * count) * step;
      while (nonZero && value === 0);
      data[i] = value;
    }
    return { shape, data };
  };
}

const nd = (dense: Dense): WireNd => ({ $nd: dense });

function norm(draw: Draw, filters: number): NormWeights {
  return {
    gamma: nd(draw([filters], -2, 2)),
    beta: nd(draw([filters], -1, 1)),
    movingMean: nd(draw([filters], -1, 1)),
    movingVariance: nd(draw([filters], 0.25, 2)),
  };
}

function conv(draw: Draw, k: number, cin: number, filters: number, withBias: boolean): ConvWeights {
  const kernel = nd(draw([k, k, cin, filters], -1, 1));
  return withBias ? { kernel, bias: nd(draw([filters], -1, 1)) } : { kernel };
}

/**
 * Random weights for every role of a block on `channels` input channels: kernels and biases
 * in [−1, 1], γ in [−2, 2], β and moving means in [−1, 1], moving variances in [0.25, 2], all
 * multiples of 1/4. Convolutions get a bias only when no BN follows them.
 */
export function blockWeights(draw: Draw, channels: number, options: BlockOptions): BlockWeights {
  const { filters, batchNorm } = resolve(options);
  const weights: BlockWeights = { conv1: conv(draw, 3, channels, filters, !batchNorm), conv2: conv(draw, 3, filters, filters, !batchNorm) };
  if (projects(channels, options)) weights.projection = conv(draw, 1, channels, filters, !batchNorm);
  if (batchNorm) {
    weights.bn1 = norm(draw, filters);
    weights.bn2 = norm(draw, filters);
    if (weights.projection) weights.bnProjection = norm(draw, filters);
  }
  return weights;
}
