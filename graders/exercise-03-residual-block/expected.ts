/**
 * The spec of exercise 03 as formulas: the data-flow path and the parameter counts of a block
 * and of the repaired ResNet. The graders judge the student's model against these, not against
 * the reference's structure, so the README and this file say the same thing.
 */
import type { Step } from './graph.ts';
import { projects, resolve, type BlockOptions } from './weights.ts';

/** `conv3×3/2[8]`: a 'same' convolution's token (see graph.ts). */
export const convToken = (k: number, strides: number, filters: number): string => `conv${k}×${k}/${strides}[${filters}]`;

/** The block's path: input → add( main | shortcut ) → relu. */
export function blockPath(channels: number, options: BlockOptions): Step[] {
  const { filters, strides, batchNorm } = resolve(options);
  const bn = batchNorm ? ['bn'] : [];
  const main = [convToken(3, strides, filters), ...bn, 'relu', convToken(3, 1, filters), ...bn];
  const shortcut = projects(channels, options) ? [convToken(1, strides, filters), ...bn] : [];
  return ['input', { merge: 'add', branches: [main, shortcut] }, 'relu'];
}

/** Parameter counts: `total` as `countParams()` reports it, and the trainable ones. */
export interface ParamCount {
  total: number;
  trainable: number;
  /** How the total adds up, for messages. */
  formula: string;
}

/**
 * A block's parameters: 9·C·F + 9·F·F (+ C·F for a projection) kernel weights, 4F per BN
 * (γ, β trainable; moving mean and variance not), F per convolution bias. Without BN every
 * convolution has a bias; with BN a convolution may drop it, so `biasFilters` (the summed
 * filters of the student's convolutions that have one) is added as reported.
 */
export function blockParams(channels: number, options: BlockOptions, biasFilters: number): ParamCount {
  const { filters: f, batchNorm } = resolve(options);
  const c = channels;
  const project = projects(channels, options);
  const convs = project ? 3 : 2;
  const kernels = 9 * c * f + 9 * f * f + (project ? c * f : 0);
  const norms = batchNorm ? 4 * f * convs : 0;
  const biases = batchNorm ? biasFilters : f * convs;
  const parts = [`kernels 9·${c}·${f} + 9·${f}·${f}${project ? ` + ${c}·${f} (projection)` : ''} = ${kernels}`];
  if (batchNorm) parts.push(`${convs} BN × 4·${f} = ${norms}`);
  if (biases > 0) parts.push(`biases ${biases}`);
  return { total: kernels + norms + biases, trainable: kernels + norms / 2 + biases, formula: parts.join(', ') };
}

/** The stages of the repaired ResNet: (filters, strides, input channels) of each block. */
const stages = [
  { filters: 64, strides: 1 as const, channels: 64 },
  { filters: 128, strides: 2 as const, channels: 64 },
  { filters: 256, strides: 2 as const, channels: 128 },
];

/** The ResNet's path, from the input image to the softmax. */
export function resnetPath(numClasses: number): Step[] {
  const blocks = stages.flatMap((s) => blockPath(s.channels, { filters: s.filters, strides: s.strides }).slice(1));
  return ['input', convToken(7, 2, 64), 'bn', 'relu', 'maxpool3×3/2', ...blocks, 'global-avgpool', `dense[${numClasses}]`, 'softmax'];
}

/**
 * The ResNet's parameters for C input channels and K classes: stem 49·C·64 + BN, the three
 * blocks (without conv biases), the dense head 256·K + K; plus `biasFilters` for convolutions
 * that kept a bias before their BN.
 */
export function resnetParams(channels: number, numClasses: number, biasFilters: number): ParamCount {
  const stem = 49 * channels * 64 + 4 * 64;
  const blocks = stages.map((s) => blockParams(s.channels, { filters: s.filters, strides: s.strides }, 0));
  const head = 256 * numClasses + numClasses;
  const total = stem + blocks.reduce((sum, b) => sum + b.total, 0) + head + biasFilters;
  const moving = 2 * 64 + stages.reduce((sum, s) => sum + 2 * s.filters * (projects(s.channels, s) ? 3 : 2), 0);
  const formula =
    `stem 49·${channels}·64 + 4·64 = ${stem}, blocks ${blocks.map((b) => b.total.toLocaleString('en')).join(' + ')}, ` +
    `head 256·${numClasses} + ${numClasses} = ${head}${biasFilters > 0 ? `, biases of your convolutions ${biasFilters}` : ''}`;
  return { total, trainable: total - moving, formula };
}
