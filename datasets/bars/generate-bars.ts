import { createPrng } from './prng.ts';
import { drawBar } from './draw-bar.ts';

/** Class names by label: 0 horizontal, 1 vertical, 2 "\" (top-left to bottom-right), 3 "/". */
export const BAR_CLASS_NAMES = ['horizontal', 'vertical', 'diagonal \\', 'diagonal /'] as const;

/** Unit direction (x right, y down) of each class, indexed by label. */
const DIRECTIONS: ReadonlyArray<readonly [number, number]> = [
  [1, 0],
  [0, 1],
  [Math.SQRT1_2, Math.SQRT1_2],
  [Math.SQRT1_2, -Math.SQRT1_2],
];

/** Ranges the generator draws from (uniformly). */
export const BAR_RANGES = {
  length: [8, 20],
  thickness: [1, 3],
  amplitude: [0.5, 1],
} as const;

/** Options of {@link generateBars}. */
export interface GenerateBarsOptions {
  /** Number of images, a positive integer (at most 1,000,000). */
  count: number;
  /** Seed, an integer in [0, 2^32): the same seed gives bit-identical data. */
  seed: number;
  /**
   * Standard deviation of the Gaussian pixel noise added after drawing; the
   * result is then clamped to [0, 1].
   * @defaultValue 0.1
   */
  noise?: number;
}

/** A generated oriented-bars set. */
export interface BarsDataset {
  /** `[count, 28, 28]` row-major, values in [0, 1]. */
  images: Float32Array;
  /** `[count]`, values 0–3 (see {@link BAR_CLASS_NAMES}); balanced: each class appears ⌊count/4⌋ or ⌈count/4⌉ times. */
  labels: Uint8Array;
  height: 28;
  width: 28;
}

const SIZE = 28;

function check(ok: boolean, what: string, got: unknown): void {
  if (!ok) throw new Error(`generateBars: expected ${what}, got ${typeof got === 'string' ? JSON.stringify(got) : String(got)}`);
}

/**
 * Generates the "oriented bars" dataset: 28×28 grayscale images of one
 * anti-aliased bar each, at a random position, length (8–20 px), thickness
 * (1–3 px) and amplitude (0.5–1), plus Gaussian noise. Four classes by
 * orientation: 0 "—", 1 "|", 2 "\", 3 "/".
 *
 * Deterministic: all draws come from a xoshiro128** generator seeded with
 * `seed` (labels shuffled first, then each image's bar, then its noise).
 *
 * @param options - count, seed and optional noise σ (default 0.1)
 * @returns images `[count, 28, 28]` in [0, 1] and labels `[count]` in 0–3
 * @example
 * const { images, labels } = generateBars({ count: 4, seed: 1 });
 * images.length; // → 3136 (4 × 28 × 28)
 * labels;        // → Uint8Array of 4 labels, one of each class in some order
 */
export function generateBars(options: GenerateBarsOptions): BarsDataset {
  check(typeof options === 'object' && options !== null, 'an options object { count, seed, noise? }', options);
  const { count, seed, noise = 0.1 } = options;
  check(Number.isInteger(count) && count >= 1 && count <= 1_000_000, 'count to be an integer in [1, 1000000]', count);
  check(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32, 'seed to be an integer in [0, 2^32)', seed);
  check(typeof noise === 'number' && Number.isFinite(noise) && noise >= 0, 'noise to be a finite number ≥ 0', noise);

  const rng = createPrng(seed);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) labels[i] = i % 4;
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [labels[i], labels[j]] = [labels[j], labels[i]];
  }

  const images = new Float32Array(count * SIZE * SIZE);
  const image = new Float32Array(SIZE * SIZE);
  for (let n = 0; n < count; n++) {
    const [ux, uy] = DIRECTIONS[labels[n]];
    const length = rng.uniform(...BAR_RANGES.length);
    const thickness = rng.uniform(...BAR_RANGES.thickness);
    const amplitude = rng.uniform(...BAR_RANGES.amplitude);
    // Keep the whole stroke, caps and 1-px falloff included, inside the image.
    const reachX = (Math.abs(ux) * length + thickness + 1) / 2;
    const reachY = (Math.abs(uy) * length + thickness + 1) / 2;
    const cx = rng.uniform(reachX, SIZE - 1 - reachX);
    const cy = rng.uniform(reachY, SIZE - 1 - reachY);
    image.fill(0);
    drawBar(image, SIZE, SIZE, { cx, cy, ux, uy, length, thickness, amplitude });
    const base = n * SIZE * SIZE;
    for (let p = 0; p < SIZE * SIZE; p++) {
      const v = noise === 0 ? image[p] : image[p] + noise * rng.gaussian();
      images[base + p] = Math.min(1, Math.max(0, v));
    }
  }
  return { images, labels, height: SIZE, width: SIZE };
}
