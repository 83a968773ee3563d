/**
 * The grader's own image arithmetic on dense arrays (never the student's, never the reference):
 * shifts, circular padding, 'valid' cross-correlation with a stride, and comparisons. Pure
 * functions without tfjs, so the driver (in the student's process) can build the zoo's ops from
 * the same code that the grader uses to check them.
 */
import type { Dense } from '../support/sandbox/wire.ts';

/** n modulo m in [0, m), also for negative n and |n| ≥ m. */
export function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}

/** A dense [h, w] array filled by `value(i, j)`. */
export function grid(h: number, w: number, value: (i: number, j: number) => number): Dense {
  const data = new Float64Array(h * w);
  for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) data[i * w + j] = value(i, j);
  return { shape: [h, w], data };
}

/** Element (i, j) of a dense [H, W] array. */
export function at(d: Dense, i: number, j: number): number {
  return d.data[i * d.shape[1] + j];
}

/**
 * The course's shift of a dense [H, W] or [H, W, C] array: out[i][j] = d[i − dy][j − dx] —
 * content moves dy rows down and dx columns right; 'circular' wraps, 'zero' fills with 0.
 */
export function shift(d: Dense, dy: number, dx: number, mode: 'circular' | 'zero' = 'circular'): Dense {
  const [h, w, c = 1] = d.shape;
  const data = new Float64Array(d.data.length);
  for (let i = 0; i < h; i++) {
    for (let j = 0; j < w; j++) {
      let y = i - dy;
      let x = j - dx;
      if (mode === 'circular') {
        y = mod(y, h);
        x = mod(x, w);
      } else if (y < 0 || y >= h || x < 0 || x >= w) {
        continue;
      }
      for (let k = 0; k < c; k++) data[(i * w + j) * c + k] = d.data[(y * w + x) * c + k];
    }
  }
  return { shape: d.shape.slice(), data };
}

/** A dense [H, W] array padded by wrapping around: `top` rows above, `left` columns to the left, and so on. */
export function circularPad(d: Dense, top: number, bottom: number, left: number, right: number): Dense {
  const [h, w] = d.shape;
  return grid(h + top + bottom, w + left + right, (i, j) => at(d, mod(i - top, h), mod(j - left, w)));
}

/** The same with zeros (what 'same' padding does). */
export function zeroPad(d: Dense, top: number, bottom: number, left: number, right: number): Dense {
  const [h, w] = d.shape;
  return grid(h + top + bottom, w + left + right, (i, j) => {
    const y = i - top;
    const x = j - left;
    return y >= 0 && y < h && x >= 0 && x < w ? at(d, y, x) : 0;
  });
}

/**
 * Exercise 01's cross-correlation without padding: out[i][j] = Σ_u Σ_v k[u][v] · d[s·i + u][s·j + v],
 * [⌊(H − kh)/s⌋ + 1, ⌊(W − kw)/s⌋ + 1]. Sums in (u, v) order, so equal windows give equal bits.
 */
export function correlateValid(d: Dense, k: Dense, stride = 1): Dense {
  const [h, w] = d.shape;
  const [kh, kw] = k.shape;
  const oh = Math.floor((h - kh) / stride) + 1;
  const ow = Math.floor((w - kw) / stride) + 1;
  return grid(oh, ow, (i, j) => {
    let sum = 0;
    for (let u = 0; u < kh; u++) for (let v = 0; v < kw; v++) sum += at(k, u, v) * at(d, stride * i + u, stride * j + v);
    return sum;
  });
}

/** Circular cross-correlation with a centred odd kernel, computed as circular padding + 'valid' (stride 1 or more). */
export function circularCorrelate(d: Dense, k: Dense, stride = 1): Dense {
  const [kh, kw] = k.shape;
  const top = Math.floor(kh / 2);
  const left = Math.floor(kw / 2);
  return correlateValid(circularPad(d, top, kh - 1 - top, left, kw - 1 - left), k, stride);
}

/** |values|. */
export function abs(d: Dense): Dense {
  return { shape: d.shape.slice(), data: d.data.map(Math.abs) };
}

/** Whether two shapes are equal. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

/**
 * The largest |a − b| / max(1, |a|, |b|) over all elements (Infinity for a shape mismatch or a
 * NaN): how far two results are apart, on the scale of the README's tolerances.
 */
export function relativeGap(a: Dense, b: Dense): number {
  if (!sameShape(a.shape, b.shape)) return Infinity;
  let worst = 0;
  for (let i = 0; i < a.data.length; i++) {
    const p = a.data[i];
    const q = b.data[i];
    if (p === q) continue;
    const gap = Math.abs(p - q) / Math.max(1, Math.abs(p), Math.abs(q));
    if (!(gap <= worst)) worst = Number.isNaN(gap) ? Infinity : gap;
  }
  return worst;
}
