/**
 * Small arrays as readable text for failure messages: matrices as aligned rows, higher ranks as
 * labelled slices, long arrays elided in the middle.
 */
import type { Dense } from './sandbox/wire.ts';

/** A number as short as it can be while still distinguishing nearby values. */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (Object.is(value, -0)) return '0';
  if (Number.isInteger(value) && Math.abs(value) < 1e9) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e6)) return value.toExponential(3);
  return String(Number(value.toPrecision(6)));
}

function formatRows(rows: number[][], indent: string): string {
  const cells = rows.map((row) => row.map(formatNumber));
  const width = Math.max(1, ...cells.flat().map((c) => c.length));
  return cells.map((row) => indent + row.map((c) => c.padStart(width)).join(' ')).join('\n');
}

function slice2d(dense: Dense, offset: number, rows: number, cols: number, maxRows: number, maxCols: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < Math.min(rows, maxRows); i++) {
    const row: number[] = [];
    for (let j = 0; j < Math.min(cols, maxCols); j++) row.push(dense.data[offset + i * cols + j]);
    out.push(row);
  }
  return out;
}

/**
 * A dense array as text: `[2×3]` then its rows; rank 3 `[H, W, C]` as one matrix per channel;
 * rank 4 as one matrix per leading index pair. Arrays beyond `limit` elements are summarised.
 *
 * @example formatDense({ shape: [2, 2], data: Float64Array.of(1, 2, 3, 4) }) === '[2×2]\n  1 2\n  3 4'
 */
export function formatDense(dense: Dense, indent = '  ', limit = 400): string {
  const shape = dense.shape;
  const header = `[${shape.join('×')}]`;
  if (shape.length === 0) return `${header} ${formatNumber(dense.data[0])}`;
  if (dense.data.length > limit) {
    return `${header} (${dense.data.length} values; first: ${Array.from(dense.data.slice(0, 8), formatNumber).join(', ')}, …)`;
  }
  if (shape.length === 1) return `${header}\n${formatRows([Array.from(dense.data)], indent)}`;
  if (shape.length === 2) return `${header}\n${formatRows(slice2d(dense, 0, shape[0], shape[1], 24, 24), indent)}`;
  // Rank ≥ 3: split on the last axis (channels) for [H, W, C], on leading axes otherwise.
  if (shape.length === 3) {
    const [h, w, c] = shape;
    const blocks: string[] = [header];
    for (let k = 0; k < c; k++) {
      const rows: number[][] = [];
      for (let i = 0; i < h; i++) {
        const row: number[] = [];
        for (let j = 0; j < w; j++) row.push(dense.data[(i * w + j) * c + k]);
        rows.push(row);
      }
      blocks.push(`${indent}[:, :, ${k}]\n${formatRows(rows, `${indent}  `)}`);
    }
    return blocks.join('\n');
  }
  const [rows, cols] = shape.slice(-2);
  const lead = shape.slice(0, -2);
  const blocks: string[] = [header];
  const count = lead.reduce((a, b) => a * b, 1);
  for (let b = 0; b < count; b++) {
    const index: number[] = [];
    let rest = b;
    for (let axis = lead.length - 1; axis >= 0; axis--) {
      index.unshift(rest % lead[axis]);
      rest = Math.floor(rest / lead[axis]);
    }
    blocks.push(`${indent}[${index.join(', ')}, :, :]\n${formatRows(slice2d(dense, b * rows * cols, rows, cols, 24, 24), `${indent}  `)}`);
  }
  return blocks.join('\n');
}

/**
 * Any wire-ish value as text: dense arrays (also inside `{ $nd }` / `{ $tensor }` wrappers) as
 * matrices, objects holding arrays as one labelled block per key, other values as compact JSON.
 */
export function formatValue(value: unknown, indent = '  '): string {
  if (value !== null && typeof value === 'object') {
    if ('$nd' in value) return formatValue((value as { $nd: unknown }).$nd, indent);
    if ('$tensor' in value) {
      const t = (value as { $tensor: { shape: number[]; data: ArrayLike<number> } }).$tensor;
      return `tensor ${formatDense({ shape: t.shape, data: Float64Array.from(t.data) }, indent)}`;
    }
    if ('shape' in value && 'data' in value) return formatDense(value as Dense, indent);
    const entries = Object.entries(value);
    if (!Array.isArray(value) && entries.some(([, v]) => v !== null && typeof v === 'object')) {
      return entries.map(([k, v]) => `${k}: ${formatValue(v, indent).replace(/\n/g, `\n${indent}`)}`).join('\n');
    }
  }
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return `'${value}'`;
  if (value === undefined) return 'undefined';
  return JSON.stringify(value, (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
}
