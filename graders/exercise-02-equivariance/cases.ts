/**
 * Random cases for Parts A and B: images [H, W] or [H, W, C], shifts (negative and out of range
 * included), odd kernels (larger than the image included), each in a random storage layout.
 * Values are multiples of 1/4 in [−8, 8] (shrinking towards 0): exact in float32, readable in
 * counterexamples.
 */
import fc from 'fast-check';
import type { Section } from '../support/failure.ts';
import { formatDense } from '../support/format.ts';
import { sizeOf, type Dense, type Layout, type WireNd } from '../support/sandbox/wire.ts';

/** A multiple of 1/4 in [−8, 8]. */
export const value = (): fc.Arbitrary<number> => fc.integer({ min: -32, max: 32 }).map((n) => n / 4);

/** A dense array of the given shape. */
export function dense(shape: number[]): fc.Arbitrary<Dense> {
  return fc.array(value(), { minLength: sizeOf(shape), maxLength: sizeOf(shape) }).map((values) => ({ shape, data: Float64Array.from(values) }));
}

/** A dense array and how the student's process lays it out. */
export interface Input {
  dense: Dense;
  layout?: Layout;
}

/** Contiguous most often, else with an offset or permuted axes. */
function layout(rank: number): fc.Arbitrary<Layout | undefined> {
  const identity = Array.from({ length: rank }, (_, i) => i);
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 5 }).map((offset) => ({ offset, order: identity })) },
    { weight: 1, arbitrary: fc.shuffledSubarray(identity, { minLength: rank, maxLength: rank }).map((order) => ({ offset: 2, order })) },
  );
}

export function input(shape: number[]): fc.Arbitrary<Input> {
  return fc
    .record({ dense: dense(shape), layout: layout(shape.length) })
    .map(({ dense: d, layout: l }) => (l === undefined ? { dense: d } : { dense: d, layout: l }));
}

/** The wire form of an input. */
export function wire(i: Input): WireNd {
  return i.layout === undefined ? { $nd: i.dense } : { $nd: i.dense, layout: i.layout };
}

export type Mode = 'circular' | 'zero';

/** A call translate(image, dy, dx, mode). */
export interface ShiftCase {
  image: Input;
  dy: number;
  dx: number;
  mode: Mode;
}

/** Shifts along an axis of length n: any integer in [−2n − 1, 2n + 1]. */
function shiftAlong(n: number): fc.Arbitrary<number> {
  return fc.integer({ min: -2 * n - 1, max: 2 * n + 1 });
}

/** A random translate call: [H, W] or [H, W, C] with H, W in [1, maxSide], C in [1, 3]. */
export function shiftCase(maxSide = 7): fc.Arbitrary<ShiftCase> {
  return fc
    .record({ h: fc.integer({ min: 1, max: maxSide }), w: fc.integer({ min: 1, max: maxSide }), channels: fc.integer({ min: 0, max: 3 }) })
    .chain(({ h, w, channels }) =>
      fc.record({
        image: input(channels === 0 ? [h, w] : [h, w, channels]),
        dy: shiftAlong(h),
        dx: shiftAlong(w),
        mode: fc.constantFrom<Mode>('circular', 'zero'),
      }),
    );
}

/** A realistic translate call: a 32×32 RGB image. */
export function realisticShiftCase(): fc.Arbitrary<ShiftCase> {
  return fc.record({ image: input([32, 32, 3]), dy: shiftAlong(32), dx: shiftAlong(32), mode: fc.constantFrom<Mode>('circular', 'zero') });
}

/** A call circularCorrelate2d(image, kernel). */
export interface CorrelateCase {
  image: Input;
  kernel: Input;
}

const odd = (max: number): fc.Arbitrary<number> => fc.integer({ min: 0, max: (max - 1) / 2 }).map((n) => 2 * n + 1);

/** Images [H, W] with H, W in [1, 7] and odd kernels up to 7×7 (so sometimes larger than the image). */
export function correlateCase(): fc.Arbitrary<CorrelateCase> {
  return fc
    .record({ h: fc.integer({ min: 1, max: 7 }), w: fc.integer({ min: 1, max: 7 }), kh: odd(7), kw: odd(7) })
    .chain(({ h, w, kh, kw }) => fc.record({ image: input([h, w]), kernel: input([kh, kw]) }));
}

/** A realistic case: a 32×32 image and a 5×5 kernel. */
export function realisticCorrelateCase(): fc.Arbitrary<CorrelateCase> {
  return fc.record({ image: input([32, 32]), kernel: input([5, 5]) });
}

function showInput(label: string, i: Input): Section {
  const view = i.layout === undefined ? '' : ` (a view: offset ${i.layout.offset}, axis order [${i.layout.order.join(', ')}])`;
  return { label: `${label}${view}`, body: formatDense(i.dense) };
}

export function showShift(c: ShiftCase): Section[] {
  return [showInput('image', c.image), { label: 'call', body: `translate(image, ${c.dy}, ${c.dx}, '${c.mode}')` }];
}

export function showCorrelate(c: CorrelateCase): Section[] {
  return [showInput('image', c.image), showInput('kernel', c.kernel)];
}
