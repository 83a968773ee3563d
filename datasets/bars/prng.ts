/**
 * A small seeded PRNG: xoshiro128** (Blackman & Vigna, 2018), its 128-bit
 * state filled from the seed by splitmix32.
 *
 * Why our own and not a package: it is 30 lines, its output is fixed by the
 * published algorithm (so data generated today is reproducible with any future
 * dependency set), it uses only 32-bit integer ops (bit-identical on every JS
 * engine), and it passes BigCrush — far more than a toy dataset needs.
 * (`pure-rand`, fast-check's generator library, would do as well but is not a
 * direct dependency of this repository.)
 */
export interface Prng {
  /** Next uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** Next uniform float in [0, 1) with 32 random bits. */
  next(): number;
  /** Next uniform float in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Next standard normal draw (Box–Muller; uses `Math.log/cos`, which V8 computes in software, identically on every platform). */
  gaussian(): number;
}

/** splitmix32: spreads a 32-bit seed over well-mixed state words (xoshiro must not start from all zeros). */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * Creates a xoshiro128** generator.
 *
 * @param seed - an integer in [0, 2^32); or a full 4-word state (not all zero), for test vectors
 * @returns a {@link Prng}; the same seed always gives the same sequence
 * @example
 * const rng = createPrng(42);
 * rng.uniform(0, 28); // → a float in [0, 28), the same one on every run
 */
export function createPrng(seed: number | readonly [number, number, number, number]): Prng {
  let s0: number, s1: number, s2: number, s3: number;
  if (typeof seed === 'number') {
    if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
      throw new Error(`createPrng: expected seed to be an integer in [0, 2^32), got ${seed}`);
    }
    const sm = splitmix32(seed);
    [s0, s1, s2, s3] = [sm(), sm(), sm(), sm()];
  } else {
    [s0, s1, s2, s3] = seed.map((w) => w >>> 0) as [number, number, number, number];
    if ((s0 | s1 | s2 | s3) === 0) throw new Error('createPrng: expected a state with a non-zero word, got [0,0,0,0]');
  }
  const rotl = (v: number, k: number) => (v << k) | (v >>> (32 - k));
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  const next = () => nextUint32() / 2 ** 32;
  return {
    nextUint32,
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    gaussian: () => {
      // 1 - u lies in (0, 1], so the log is finite.
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}
