/**
 * Random cases for exercise 04: filter banks for filterGrid, random models (1 or 3 input
 * channels, non-square kernels, filter counts that are rarely perfect squares, one to three
 * feature layers, sometimes a dense head), images, and the course's bar images.
 */
import fc from 'fast-check';
import { generateBars } from '../../datasets/bars/generate-bars.ts';
import { createPrng } from '../../datasets/bars/prng.ts';
import type { Section } from '../support/failure.ts';
import { formatDense, formatNumber } from '../support/format.ts';
import { sizeOf, type Dense } from '../support/sandbox/wire.ts';
import { course, describeModel, type Activation, type LayerSpec, type ModelSpec } from './models.ts';

/** A multiple of 1/4 in [−4, 4] (readable, exact in float32). */
const quarter = (): fc.Arbitrary<number> => fc.integer({ min: -16, max: 16 }).map((n) => n / 4);

/** A dense array of the given shape with quarter values. */
export function dense(shape: number[]): fc.Arbitrary<Dense> {
  return fc.array(quarter(), { minLength: sizeOf(shape), maxLength: sizeOf(shape) }).map((v) => ({ shape, data: Float64Array.from(v) }));
}

/** filterGrid's options as a student passes them (any key may be missing). */
export interface GridOptions {
  columns?: number;
  padding?: number;
  background?: number;
}

/** A filter bank [kh, kw, cin, n] (some filters constant) and grid options. */
export interface GridCase {
  filters: Dense;
  options: GridOptions | undefined;
}

/** One filter: quarter values, or one value everywhere (a constant filter must become 0.5). */
function filterValues(size: number): fc.Arbitrary<number[]> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.array(quarter(), { minLength: size, maxLength: size }) },
    { weight: 1, arbitrary: quarter().map((v) => new Array<number>(size).fill(v)) },
  );
}

/** Filters [kh, kw, cin, n] from n per-filter value lists (each in kh, kw, cin order). */
function bank(kh: number, kw: number, cin: number, perFilter: number[][]): Dense {
  const n = perFilter.length;
  const data = new Float64Array(kh * kw * cin * n);
  perFilter.forEach((values, o) => {
    values.forEach((v, i) => {
      data[i * n + o] = v;
    });
  });
  return { shape: [kh, kw, cin, n], data };
}

/** Random filter banks and options (columns may exceed n; background any of a few values). */
export function gridCase(maxFilters = 10, maxKernel = 5): fc.Arbitrary<GridCase> {
  return fc
    .record({
      kh: fc.integer({ min: 1, max: maxKernel }),
      kw: fc.integer({ min: 1, max: maxKernel }),
      cin: fc.constantFrom(1, 3),
      n: fc.integer({ min: 1, max: maxFilters }),
    })
    .chain(({ kh, kw, cin, n }) =>
      fc.record({
        filters: fc.array(filterValues(kh * kw * cin), { minLength: n, maxLength: n }).map((f) => bank(kh, kw, cin, f)),
        options: fc.option(
          fc.record(
            { columns: fc.integer({ min: 1, max: n + 1 }), padding: fc.integer({ min: 0, max: 3 }), background: fc.constantFrom(1, 0, -1, 0.25) },
            { requiredKeys: [] },
          ),
          { nil: undefined, freq: 4 },
        ),
      }),
    );
}

/** The filters [kh, kw, cin, n] as one kh×kw matrix per filter and channel. */
export function formatFilters(filters: Dense): string {
  const [kh, kw, cin, n] = filters.shape;
  if (kh * kw * cin * n > 400) return formatDense(filters);
  const blocks = [`[${filters.shape.join('×')}] (kh, kw, inChannels, n)`];
  for (let o = 0; o < n; o++) {
    for (let c = 0; c < cin; c++) {
      const rows: string[] = [];
      for (let u = 0; u < kh; u++) {
        const row: string[] = [];
        for (let v = 0; v < kw; v++) row.push(formatNumber(filters.data[((u * kw + v) * cin + c) * n + o]).padStart(5));
        rows.push(`    ${row.join(' ')}`);
      }
      blocks.push(`  filter ${o}${cin > 1 ? `, channel ${c}` : ''}:\n${rows.join('\n')}`);
    }
  }
  return blocks.join('\n');
}

export function showGrid(c: GridCase): Section[] {
  return [
    { label: 'filters', body: formatFilters(c.filters) },
    { label: 'options', body: c.options === undefined ? 'undefined (all defaults)' : JSON.stringify(c.options) },
  ];
}

const activation = fc.constantFrom<Activation>('relu', 'tanh', 'linear');

function convArb(name: string, maxKernel: number): fc.Arbitrary<Extract<LayerSpec, { kind: 'conv' }>> {
  return fc
    .record({
      filters: fc.integer({ min: 2, max: 7 }),
      kh: fc.integer({ min: 1, max: maxKernel }),
      kw: fc.integer({ min: 1, max: maxKernel }),
      padding: fc.constantFrom<'valid' | 'same'>('valid', 'same'),
      activation,
    })
    .map(({ filters, kh, kw, padding, activation: act }) => ({
      kind: 'conv' as const,
      name,
      filters,
      kernel: [kh, kw] as [number, number],
      padding,
      activation: act,
    }));
}

type RandomSpec = Extract<ModelSpec, { kind: 'random' }>;

/** Turns 'valid' into 'same' where the kernel would not fit, so every model builds. */
function fitPadding(spec: RandomSpec): RandomSpec {
  let [h, w] = spec.input;
  const layers = spec.layers.map((layer) => {
    if (layer.kind === 'maxPool') [h, w] = [Math.ceil(h / 2), Math.ceil(w / 2)];
    if (layer.kind !== 'conv') return layer;
    const fits = layer.kernel[0] <= h && layer.kernel[1] <= w;
    const fixed = { ...layer, padding: fits ? layer.padding : ('same' as const) };
    if (fixed.padding === 'valid') [h, w] = [h - layer.kernel[0] + 1, w - layer.kernel[1] + 1];
    return fixed;
  });
  return { ...spec, layers };
}

/**
 * A random sequential model: conv_a, then optionally pool_1, conv_b, and a flatten + dense_out
 * head; input 5–9 × 5–9 with 1 or 3 channels; weights from `seed`.
 */
export const randomModel: fc.Arbitrary<RandomSpec> = fc
  .record({
    h: fc.integer({ min: 5, max: 9 }),
    w: fc.integer({ min: 5, max: 9 }),
    c: fc.constantFrom(1, 3),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    a: convArb('conv_a', 4),
    pool: fc.boolean(),
    b: fc.option(convArb('conv_b', 3), { nil: undefined, freq: 4 }),
    head: fc.boolean(),
  })
  .map(({ h, w, c, seed, a, pool, b, head }) => {
    const layers: LayerSpec[] = [a];
    if (pool) layers.push({ kind: 'maxPool', name: 'pool_1' });
    if (b !== undefined) layers.push(b);
    if (head) layers.push({ kind: 'flatten', name: 'flat' }, { kind: 'dense', name: 'dense_out', units: 3 });
    return fitPadding({ kind: 'random', input: [h, w, c], layers, seed });
  });

/** The layers of a spec whose output is a feature map [h, w, channels], with the channel count. */
export function featureLayers(spec: ModelSpec): { name: string; channels: number }[] {
  if (spec.kind === 'course') return [{ name: course.conv.name, channels: course.conv.channels }];
  const out: { name: string; channels: number }[] = [];
  let channels = spec.input[2];
  for (const layer of spec.layers) {
    if (layer.kind === 'conv') channels = layer.filters;
    if (layer.kind === 'conv' || layer.kind === 'maxPool') out.push({ name: layer.name, channels });
  }
  return out;
}

/** The input shape [H, W, C] of a spec. */
export function inputShape(spec: ModelSpec): [number, number, number] {
  return spec.kind === 'course' ? course.input : spec.input;
}

/** An image of `shape` with continuous values in [0, 1) from a seed (no ties between windows). */
export function seededImage(shape: number[], seed: number): Dense {
  const rng = createPrng(seed);
  return { shape, data: Float64Array.from({ length: sizeOf(shape) }, () => Math.fround(rng.next())) };
}

/**
 * A clean bar of class `label` (0 "—", 1 "|", 2 "\", 3 "/") from the course's generator:
 * the first image of that class in generateBars({ count: 16, seed, noise }), as [28, 28, 1].
 */
export function barImage(label: number, seed: number, noise = 0): Dense {
  const { images, labels } = generateBars({ count: 16, seed, noise });
  const index = labels.indexOf(label);
  const pixels = 28 * 28;
  return { shape: [28, 28, 1], data: Float64Array.from(images.subarray(index * pixels, (index + 1) * pixels)) };
}

export function showModel(spec: ModelSpec): Section {
  return { label: 'model', body: describeModel(spec) };
}
