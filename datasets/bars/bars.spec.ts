import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { createPrng } from './prng.ts';
import { generateBars } from './generate-bars.ts';
import { drawBar } from './draw-bar.ts';

const SEED = 0xba25;

describe('createPrng (xoshiro128**)', () => {
  it('matches the reference output for state [1,2,3,4] (Blackman & Vigna)', () => {
    const rng = createPrng([1, 2, 3, 4]);
    expect(Array.from({ length: 6 }, () => rng.nextUint32())).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });
  it('gives floats in [0,1) with mean ≈ 1/2 and normals with mean ≈ 0, variance ≈ 1', () => {
    const rng = createPrng(7);
    const u = Array.from({ length: 20000 }, () => rng.next());
    const g = Array.from({ length: 20000 }, () => rng.gaussian());
    expect(u.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(Math.abs(u.reduce((a, b) => a + b) / u.length - 0.5)).toBeLessThan(0.01);
    const mean = g.reduce((a, b) => a + b) / g.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(g.reduce((a, b) => a + (b - mean) ** 2, 0) / g.length - 1)).toBeLessThan(0.05);
  });
  it('rejects a seed outside [0, 2^32)', () => {
    expect(() => createPrng(-1)).toThrow('createPrng: expected seed to be an integer in [0, 2^32), got -1');
  });
});

describe('generateBars', () => {
  it('is deterministic: the same seed gives bit-identical data, another seed other data', () => {
    const a = generateBars({ count: 16, seed: 5 });
    const b = generateBars({ count: 16, seed: 5 });
    const c = generateBars({ count: 16, seed: 6 });
    expect(Buffer.from(a.images.buffer).equals(Buffer.from(b.images.buffer))).toBe(true);
    expect(a.labels).toEqual(b.labels);
    expect(Buffer.from(a.images.buffer).equals(Buffer.from(c.images.buffer))).toBe(false);
  });

  // Pins the generator: the committed model was trained on this data. If you change the
  // generator on purpose, run `npm run train`, commit the new model and update this hash.
  it('still generates what it generated when the course model was trained (fingerprint: count 32, seed 1)', () => {
    const { images, labels } = generateBars({ count: 32, seed: 1 });
    const hash = createHash('sha256').update(new Uint8Array(images.buffer)).update(labels).digest('hex');
    expect(hash.slice(0, 16)).toBe('53d306cc31dcb5c6');
  });

  it('returns [count,28,28] images in [0,1] and balanced labels 0–3', () => {
    const { images, labels, height, width } = generateBars({ count: 103, seed: 1 });
    expect([images.length, labels.length, height, width]).toEqual([103 * 784, 103, 28, 28]);
    expect(images.every((v) => v >= 0 && v <= 1)).toBe(true);
    const counts = [0, 1, 2, 3].map((c) => labels.filter((l) => l === c).length);
    expect(counts).toEqual([26, 26, 26, 25]);
  });

  /** Orientation of an image's principal axis, degrees in (−90, 90], x right and y down. */
  function principalAngle(img: Float32Array): number {
    let m = 0,
      mx = 0,
      my = 0;
    for (let y = 0; y < 28; y++)
      for (let x = 0; x < 28; x++) {
        const v = img[y * 28 + x];
        m += v;
        mx += v * x;
        my += v * y;
      }
    mx /= m;
    my /= m;
    let cxx = 0,
      cyy = 0,
      cxy = 0;
    for (let y = 0; y < 28; y++)
      for (let x = 0; x < 28; x++) {
        const v = img[y * 28 + x];
        cxx += v * (x - mx) ** 2;
        cyy += v * (y - my) ** 2;
        cxy += v * (x - mx) * (y - my);
      }
    return (0.5 * Math.atan2(2 * cxy, cxx - cyy) * 180) / Math.PI;
  }

  it('draws each class at its orientation: — 0°, | 90°, \\ 45° (y down), / −45° (property, no noise)', () => {
    const expected = [0, 90, 45, -45];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const { images, labels } = generateBars({ count: 8, seed, noise: 0 });
        for (let i = 0; i < 8; i++) {
          const angle = principalAngle(images.subarray(i * 784, (i + 1) * 784));
          const diff = Math.abs(((angle - expected[labels[i]] + 270) % 180) - 90); // distance mod 180°
          expect(diff, `image ${i} label ${labels[i]}: axis at ${angle.toFixed(1)}°`).toBeLessThan(8);
        }
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('keeps the whole bar inside the image (border pixels are 0 without noise)', () => {
    const { images } = generateBars({ count: 200, seed: 3, noise: 0 });
    let borderMax = 0;
    for (let i = 0; i < 200; i++) {
      for (let k = 0; k < 28; k++) {
        for (const p of [k, 27 * 28 + k, k * 28, k * 28 + 27]) borderMax = Math.max(borderMax, images[i * 784 + p]);
      }
    }
    expect(borderMax).toBe(0);
  });

  it('anti-aliases: a thin bar has intermediate values at its edge', () => {
    const img = new Float32Array(28 * 28);
    drawBar(img, 28, 28, { cx: 13.5, cy: 14.25, ux: 1, uy: 0, length: 10, thickness: 1, amplitude: 1 });
    const column = Array.from({ length: 28 }, (_, y) => img[y * 28 + 14]);
    expect(column.some((v) => v > 0.05 && v < 0.95)).toBe(true);
    expect(Math.max(...column)).toBeGreaterThan(0.5);
  });

  const invalid: Array<[string, unknown, string]> = [
    ['count 0', { count: 0, seed: 1 }, 'generateBars: expected count to be an integer in [1, 1000000], got 0'],
    ['fractional count', { count: 1.5, seed: 1 }, 'generateBars: expected count to be an integer in [1, 1000000], got 1.5'],
    ['negative seed', { count: 1, seed: -1 }, 'generateBars: expected seed to be an integer in [0, 2^32), got -1'],
    ['seed 2^32', { count: 1, seed: 2 ** 32 }, 'generateBars: expected seed to be an integer in [0, 2^32), got 4294967296'],
    ['negative noise', { count: 1, seed: 1, noise: -0.1 }, 'generateBars: expected noise to be a finite number ≥ 0, got -0.1'],
    ['NaN noise', { count: 1, seed: 1, noise: NaN }, 'generateBars: expected noise to be a finite number ≥ 0, got NaN'],
    ['no options', undefined, 'generateBars: expected an options object { count, seed, noise? }, got undefined'],
  ];
  it.each(invalid)('rejects %s', (_name, options, message) => {
    expect(() => generateBars(options as Parameters<typeof generateBars>[0])).toThrow(message);
  });
});
