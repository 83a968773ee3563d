/**
 * Random cases of exercise 03 and how a failure shows them. A case holds shapes, options and a
 * seed; its arrays (input batch, weights by role) are drawn from that seed, so they are a
 * deterministic function of the case (as sealed reference recordings need) and cheap to
 * generate at realistic sizes. Values are multiples of 1/4, readable in a counterexample.
 */
import fc from 'fast-check';
import { createPrng } from '../../datasets/bars/prng.ts';
import type { Section } from '../support/failure.ts';
import { formatDense } from '../support/format.ts';
import type { Dense } from '../support/sandbox/wire.ts';
import { blockWeights, drawer, projects, type BlockOptions, type BlockWeights, type Draw } from './weights.ts';

/** A block on one input shape: what `describeBlock` needs. */
export interface BlockSpec {
  inputShape: [number, number, number];
  options: BlockOptions;
  seed: number;
}

/** A block applied to a batch with weights set by role. */
export interface RunCase extends BlockSpec {
  batch: number;
  training: boolean;
}

/** The repaired ResNet on one input shape. */
export interface ResNetSpec {
  inputShape: [number, number, number];
  numClasses: number;
  batch: number;
  seed: number;
}

const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });

/**
 * Options on `channels` input channels: filters equal to the channels half the time (so the
 * identity shortcut is common), strides and batchNorm sometimes left out (the defaults).
 */
export function blockOptions(channels: number, maxFilters: number): fc.Arbitrary<BlockOptions> {
  return fc.record(
    {
      filters: fc.oneof(fc.constant(channels), fc.integer({ min: 1, max: maxFilters })),
      strides: fc.constantFrom<1 | 2>(1, 2),
      batchNorm: fc.boolean(),
    },
    { requiredKeys: ['filters'] },
  );
}

/** Input shapes with sides 1–`maxSide` (odd sizes and 1×1 included) and 1–`maxChannels` channels. */
export function blockSpec(maxSide = 9, maxChannels = 5): fc.Arbitrary<BlockSpec> {
  return fc
    .record({ h: fc.integer({ min: 1, max: maxSide }), w: fc.integer({ min: 1, max: maxSide }), c: fc.integer({ min: 1, max: maxChannels }), seed })
    .chain(({ h, w, c, seed: s }) => blockOptions(c, maxChannels).map((options) => ({ inputShape: [h, w, c] as [number, number, number], options, seed: s })));
}

/** A small block with a batch of 1–2, in training or in inference mode. */
export function runCase(training: boolean, maxSide = 7, maxChannels = 4): fc.Arbitrary<RunCase> {
  return fc.record({ spec: blockSpec(maxSide, maxChannels), batch: fc.integer({ min: 1, max: 2 }) }).map(({ spec, batch }) => ({ ...spec, batch, training }));
}

/** Realistic blocks: 1×32×32×32 into 32 filters (identity) or 64 filters with strides 2. */
export const realisticRunCase: fc.Arbitrary<RunCase> = fc
  .record({ seed, training: fc.boolean(), project: fc.boolean() })
  .map(({ seed: s, training, project }) => ({
    inputShape: [32, 32, 32],
    options: project ? { filters: 64, strides: 2 } : { filters: 32 },
    batch: 1,
    training,
    seed: s,
  }));

/** Blocks with an identity shortcut (strides 1, filters = channels), for the identity test. */
export function identityCase(maxSide = 7, maxChannels = 4): fc.Arbitrary<RunCase> {
  return fc
    .record({
      h: fc.integer({ min: 1, max: maxSide }),
      w: fc.integer({ min: 1, max: maxSide }),
      c: fc.integer({ min: 1, max: maxChannels }),
      batch: fc.integer({ min: 1, max: 2 }),
      explicitStride: fc.boolean(),
      batchNorm: fc.option(fc.boolean(), { nil: undefined }),
      seed,
    })
    .map(({ h, w, c, batch, explicitStride, batchNorm, seed: s }) => {
      const options: BlockOptions = { filters: c };
      if (explicitStride) options.strides = 1;
      if (batchNorm !== undefined) options.batchNorm = batchNorm;
      return { inputShape: [h, w, c] as [number, number, number], options, batch, training: false, seed: s };
    });
}

/** ResNet inputs: sides 1–`maxSide`, 1–3 channels, 2–12 classes, a batch of 1–2. */
export function resnetSpec(maxSide = 40): fc.Arbitrary<ResNetSpec> {
  return fc
    .record({
      h: fc.integer({ min: 1, max: maxSide }),
      w: fc.integer({ min: 1, max: maxSide }),
      c: fc.integer({ min: 1, max: 3 }),
      numClasses: fc.integer({ min: 2, max: 12 }),
      batch: fc.integer({ min: 1, max: 2 }),
      seed,
    })
    .map(({ h, w, c, numClasses, batch, seed: s }) => ({ inputShape: [h, w, c] as [number, number, number], numClasses, batch, seed: s }));
}

/** The seeded draw of a case (its own stream for each purpose, so one never shifts another). */
export function draws(caseSeed: number, stream: number): Draw {
  return drawer(createPrng((caseSeed ^ Math.imul(stream, 0x9e3779b9)) >>> 0).next);
}

/** The batch and the weights of a run case. */
export function materialise(c: RunCase): { x: Dense; weights: BlockWeights } {
  const [h, w, channels] = c.inputShape;
  return { x: draws(c.seed, 1)([c.batch, h, w, channels], -2, 2), weights: blockWeights(draws(c.seed, 2), channels, c.options) };
}

/** The call as a student would write it. */
export function showCall(spec: BlockSpec): string {
  const o = spec.options;
  const entries = Object.entries(o)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v}`);
  return `residualBlock(tf.input({ shape: [${spec.inputShape.join(', ')}] }), { ${entries.join(', ')} })`;
}

export function showSpec(spec: BlockSpec): Section[] {
  const [, , channels] = spec.inputShape;
  return [
    { label: 'call', body: showCall(spec) },
    { label: 'shortcut', body: projects(channels, spec.options) ? 'a projection (strides ≠ 1 or channels change)' : 'the identity' },
  ];
}

/** `[3×3×2×4] 0.25, -1, 0.5, … (72 values)`: an array on one line. */
function compact(d: Dense, limit = 6): string {
  const values = Array.from(d.data.slice(0, limit), (v) => String(v)).join(', ');
  return `[${d.shape.join('×')}] ${values}${d.data.length > limit ? `, … (${d.data.length} values)` : ''}`;
}

function showWeights(weights: BlockWeights): string {
  return Object.entries(weights)
    .filter(([, w]) => w !== undefined)
    .map(
      ([role, w]) =>
        `${role}: ${Object.entries(w!)
          .map(([name, v]) => `${name} ${compact(v!.$nd)}`)
          .join('; ')}`,
    )
    .join('\n');
}

export function showRun(c: RunCase): Section[] {
  const { x, weights } = materialise(c);
  return [
    ...showSpec(c),
    { label: 'mode', body: c.training ? 'training (batch statistics; moving statistics updated)' : 'inference (moving statistics)' },
    { label: 'x', body: formatDense(x, '  ', 120) },
    { label: 'weights by role (multiples of 1/4)', body: showWeights(weights) },
  ];
}

export function showResNet(c: ResNetSpec): Section[] {
  return [{ label: 'call', body: `buildResNet([${c.inputShape.join(', ')}], ${c.numClasses}), applied to a batch of ${c.batch}` }];
}
