/**
 * Random cases for exercise 01: options, images, kernels and layers whose sizes always make a
 * valid convolution. Values are multiples of 1/4 in [−8, 8] (shrinking towards 0), so counter-
 * examples are readable and float32 sums of them are exact.
 */
import fc from 'fast-check';
import type { Section } from '../support/failure.ts';
import { formatDense } from '../support/format.ts';
import { sizeOf, type Dense, type Layout, type WireNd } from '../support/sandbox/wire.ts';

/** Options as the student's functions take them. */
export type Options = {
  stride?: number;
  padding?: 'valid' | 'same' | number;
  dilation?: number;
};

/** A dense array and how the student's process lays it out. */
export interface Input {
  dense: Dense;
  layout?: Layout;
}

/** A single-channel case: image [H, W] and kernel [kh, kw]. */
export interface PlaneCase {
  image: Input;
  kernel: Input;
  options: Options;
}

/** A layer case: input [H, W, Cin], filters [kh, kw, Cin, Cout], optional bias [Cout]. */
export interface LayerCase {
  input: Input;
  filters: Input;
  bias?: Input;
  options: Options;
}

/** A batch case for tensors: x [N, H, W, Cin], filters [kh, kw, Cin, Cout]. */
export interface BatchCase {
  x: Dense;
  filters: Dense;
  options: Options;
}

/** A multiple of 1/4 in [−8, 8]. */
export const value = (): fc.Arbitrary<number> => fc.integer({ min: -32, max: 32 }).map((n) => n / 4);

/** A dense array of the given shape. */
export function dense(shape: number[]): fc.Arbitrary<Dense> {
  return fc.array(value(), { minLength: sizeOf(shape), maxLength: sizeOf(shape) }).map((values) => ({ shape, data: Float64Array.from(values) }));
}

/** A storage layout for an array of the given rank: contiguous most often, else offset or permuted. */
export function layout(rank: number): fc.Arbitrary<Layout | undefined> {
  const identity = Array.from({ length: rank }, (_, i) => i);
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 5 }).map((offset) => ({ offset, order: identity })) },
    { weight: 1, arbitrary: fc.shuffledSubarray(identity, { minLength: rank, maxLength: rank }).map((order) => ({ offset: 2, order })) },
  );
}

function input(shape: number[]): fc.Arbitrary<Input> {
  return fc
    .record({ dense: dense(shape), layout: layout(shape.length) })
    .map(({ dense: d, layout: l }) => (l === undefined ? { dense: d } : { dense: d, layout: l }));
}

/** Convolution options: stride 1–3, dilation 1–3, padding 'valid', 'same' or 0–3. */
export function options(maxStride = 3, maxDilation = 3): fc.Arbitrary<Options> {
  return fc.record(
    {
      stride: fc.integer({ min: 1, max: maxStride }),
      padding: fc.oneof(fc.constant<'valid'>('valid'), fc.constant<'same'>('same'), fc.integer({ min: 0, max: 3 })),
      dilation: fc.integer({ min: 1, max: maxDilation }),
    },
    { requiredKeys: [] },
  );
}

/** The smallest input size along an axis for which the kernel fits. */
export function minInput(kernel: number, o: Options): number {
  const span = (o.dilation ?? 1) * (kernel - 1) + 1;
  const pad = o.padding === undefined || o.padding === 'valid' ? 0 : o.padding === 'same' ? span : o.padding;
  return Math.max(1, span - 2 * pad);
}

/** Kernel sizes and a fitting input size along both axes. */
export function sizes(o: Options, maxKernel = 4, maxExtra = 5): fc.Arbitrary<{ kh: number; kw: number; h: number; w: number }> {
  return fc
    .record({ kh: fc.integer({ min: 1, max: maxKernel }), kw: fc.integer({ min: 1, max: maxKernel }), eh: fc.nat(maxExtra), ew: fc.nat(maxExtra) })
    .map(({ kh, kw, eh, ew }) => ({ kh, kw, h: minInput(kh, o) + eh, w: minInput(kw, o) + ew }));
}

/** A random single-channel case. */
export function planeCase(maxStride = 3, maxDilation = 3): fc.Arbitrary<PlaneCase> {
  return options(maxStride, maxDilation).chain((o) =>
    sizes(o).chain(({ kh, kw, h, w }) => fc.record({ image: input([h, w]), kernel: input([kh, kw]), options: fc.constant(o) })),
  );
}

/** A random layer case (bias present or absent). */
export function layerCase(maxChannels = 3): fc.Arbitrary<LayerCase> {
  return options().chain((o) =>
    fc
      .record({ s: sizes(o, 3, 4), cin: fc.integer({ min: 1, max: maxChannels }), cout: fc.integer({ min: 1, max: maxChannels }), withBias: fc.boolean() })
      .chain(({ s, cin, cout, withBias }) =>
        fc.record({
          input: input([s.h, s.w, cin]),
          filters: input([s.kh, s.kw, cin, cout]),
          ...(withBias ? { bias: input([cout]) } : {}),
          options: fc.constant(o),
        }),
      ),
  ) as fc.Arbitrary<LayerCase>;
}

/** A random batch case for tensors. */
export function batchCase(maxChannels = 3, maxBatch = 2): fc.Arbitrary<BatchCase> {
  return options().chain((o) =>
    fc
      .record({
        s: sizes(o, 3, 4),
        n: fc.integer({ min: 1, max: maxBatch }),
        cin: fc.integer({ min: 1, max: maxChannels }),
        cout: fc.integer({ min: 1, max: maxChannels }),
      })
      .chain(({ s, n, cin, cout }) => fc.record({ x: dense([n, s.h, s.w, cin]), filters: dense([s.kh, s.kw, cin, cout]), options: fc.constant(o) })),
  );
}

/** The wire form of an input. */
export function wire(i: Input): WireNd {
  return i.layout === undefined ? { $nd: i.dense } : { $nd: i.dense, layout: i.layout };
}

/** Options as the student would write them. */
export function showOptions(o: Options): string {
  const entries = Object.entries(o).map(([k, v]) => `${k}: ${typeof v === 'string' ? `'${v}'` : v}`);
  return entries.length === 0 ? '{} (defaults)' : `{ ${entries.join(', ')} }`;
}

function showInput(label: string, i: Input): Section {
  const view = i.layout === undefined ? '' : ` (a view: offset ${i.layout.offset}, axis order [${i.layout.order.join(', ')}])`;
  return { label: `${label}${view}`, body: formatDense(i.dense) };
}

export function showPlane(c: PlaneCase): Section[] {
  return [showInput('image', c.image), showInput('kernel', c.kernel), { label: 'options', body: showOptions(c.options) }];
}

export function showLayer(c: LayerCase): Section[] {
  const sections = [showInput('input', c.input), showInput('filters', c.filters)];
  if (c.bias) sections.push(showInput('bias', c.bias));
  sections.push({ label: 'options', body: showOptions(c.options) });
  return sections;
}

export function showBatch(c: BatchCase): Section[] {
  return [
    { label: 'x', body: formatDense(c.x) },
    { label: 'filters', body: formatDense(c.filters) },
    { label: 'options', body: showOptions(c.options) },
  ];
}

/** |values| of a dense array (for magnitude bounds). */
export function abs(d: Dense): Dense {
  return { shape: d.shape, data: d.data.map(Math.abs) };
}
