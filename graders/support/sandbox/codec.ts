/**
 * Runs in the student's process: turns wire data into ndarrays and tensors for the student's
 * functions, and reads whatever they return back into wire data — through each structure's own
 * API (`.get`, `await tensor.data()`), never its storage, so views, offsets, odd strides and any
 * typed array are read correctly.
 */
import ndarray from 'ndarray';
import type { NdArray } from 'ndarray';
import * as tf from '@tensorflow/tfjs';
import { isWireNd, isWireTensor, sizeOf, type Dense, type Layout, type Wire } from './wire.ts';

/** Results larger than this many numbers are refused (a runaway result is a mistake, not an answer). */
const MAX_ELEMENTS = 20_000_000;

/** An error in reading the student's result, reported as the student's failure. */
export class UnreadableResult extends Error {
  override name = 'UnreadableResult';
}

/** Everything {@link toStudent} created, so the runner can dispose it after the call. */
export interface Created {
  tensors: tf.Tensor[];
  arrays: NdArray[];
}

/** Rebuilds the student-side value of a wire value: ndarrays over fresh Float64Arrays, tensors on the active backend. */
export function toStudent(value: Wire, created: Created): unknown {
  if (isWireNd(value)) {
    const array = value.layout === undefined ? ndarray(Float64Array.from(value.$nd.data), value.$nd.shape.slice()) : withLayout(value.$nd, value.layout);
    created.arrays.push(array);
    return array;
  }
  if (isWireTensor(value)) {
    const t = tf.tensor(value.$tensor.data, value.$tensor.shape, value.$tensor.dtype);
    created.tensors.push(t);
    return t;
  }
  if (Array.isArray(value)) return value.map((item) => toStudent(item, created));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = toStudent(item, created);
    return out;
  }
  return value;
}

/** An ndarray holding `dense`'s values in storage laid out as `layout` says. */
export function withLayout(dense: Dense, layout: Layout): NdArray {
  const shape = dense.shape;
  const strides = new Array<number>(shape.length).fill(0);
  let step = 1;
  for (let k = layout.order.length - 1; k >= 0; k--) {
    strides[layout.order[k]] = step;
    step *= shape[layout.order[k]];
  }
  const storage = new Float64Array(layout.offset + sizeOf(shape)).fill(Number.NaN);
  const view = ndarray(storage, shape.slice(), strides, layout.offset);
  const index = new Array<number>(shape.length).fill(0);
  for (let flat = 0; flat < dense.data.length; flat++) {
    view.set(...index, dense.data[flat]);
    for (let axis = shape.length - 1; axis >= 0; axis--) {
      if (++index[axis] < shape[axis]) break;
      index[axis] = 0;
    }
  }
  return view;
}

function isNdArrayLike(value: object): value is NdArray {
  const candidate = value as { shape?: unknown; get?: unknown };
  return Array.isArray(candidate.shape) && typeof candidate.get === 'function';
}

/** Reads an ndarray (any layout) into a dense row-major copy through `.get`. */
export function readNdArray(array: NdArray, what: string): Dense {
  const shape = Array.from(array.shape as ArrayLike<unknown>);
  if (!shape.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)) {
    throw new UnreadableResult(`${what} has an invalid shape [${shape.map(String).join(', ')}]`);
  }
  const dims = shape as number[];
  const size = sizeOf(dims);
  if (size > MAX_ELEMENTS) throw new UnreadableResult(`${what} has ${size} elements (more than ${MAX_ELEMENTS})`);
  const data = new Float64Array(size);
  const index = new Array<number>(dims.length).fill(0);
  for (let flat = 0; flat < size; flat++) {
    const item: unknown = array.get(...index);
    if (typeof item !== 'number') {
      throw new UnreadableResult(`${what}[${index.join(', ')}] is not a number (got ${describe(item)})`);
    }
    data[flat] = item;
    for (let axis = dims.length - 1; axis >= 0; axis--) {
      if (++index[axis] < dims[axis]) break;
      index[axis] = 0;
    }
  }
  return { shape: dims, data };
}

/** A short description of any value, safe against hostile objects. */
export function describe(value: unknown): string {
  try {
    if (value === null || value === undefined) return String(value);
    if (typeof value === 'string') return `'${value.slice(0, 60)}'`;
    if (typeof value !== 'object' && typeof value !== 'function') return String(value);
    if (typeof value === 'function') return 'a function';
    if (Array.isArray(value)) return `an array of length ${value.length}`;
    return `an object (${Object.prototype.toString.call(value)})`;
  } catch {
    return 'a value that throws when inspected';
  }
}

/**
 * Reads a student's result into wire data. Tensors are read with `await data()` (synchronous
 * reads throw on webgpu in Node) and recorded in `returned` so the runner can dispose them.
 */
export async function fromStudent(value: unknown, what: string, returned: tf.Tensor[], depth = 0): Promise<Wire> {
  if (depth > 8) throw new UnreadableResult(`${what} is nested too deeply`);
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.slice(0, 10_000);
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
    throw new UnreadableResult(`${what} is ${describe(value)}, not data`);
  }
  if (value instanceof tf.Tensor) {
    if (value.isDisposed) throw new UnreadableResult(`${what} is a tensor that was already disposed`);
    returned.push(value);
    if (value.size > MAX_ELEMENTS) throw new UnreadableResult(`${what} has ${value.size} elements`);
    const data = await value.data();
    const dtype = value.dtype === 'int32' || value.dtype === 'bool' ? value.dtype : 'float32';
    return { $tensor: { shape: value.shape.slice(), dtype, data: data as Float32Array | Int32Array | Uint8Array } };
  }
  if (ArrayBuffer.isView(value)) {
    throw new UnreadableResult(`${what} is a bare typed array; return an ndarray (ndarray(data, shape))`);
  }
  if (Array.isArray(value)) {
    const out: Wire[] = [];
    for (let i = 0; i < value.length; i++) out.push(await fromStudent(value[i], `${what}[${i}]`, returned, depth + 1));
    return out;
  }
  if (isNdArrayLike(value)) return { $nd: readNdArray(value, what) };
  const out: { [key: string]: Wire } = {};
  for (const key of Object.keys(value)) {
    out[key] = await fromStudent((value as Record<string, unknown>)[key], `${what}.${key}`, returned, depth + 1);
  }
  return out;
}
