import { deserialize, serialize } from 'node:v8';
import ndarray from 'ndarray';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromStudent, readNdArray, toStudent, UnreadableResult, withLayout, type Created } from './codec.ts';
import { nd, type Dense, type Wire } from './wire.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** What Node's IPC channel does to a message with `serialization: 'advanced'`. */
const overTheWire = <T>(value: T): T => deserialize(serialize(value)) as T;

/** Grader → student → grader, through the V8 serializer both ways. */
async function roundTrip(value: Wire): Promise<{ back: Wire; created: Created; returned: tf.Tensor[] }> {
  const created: Created = { tensors: [], arrays: [] };
  const student = toStudent(overTheWire(value), created);
  const returned: tf.Tensor[] = [];
  const back = overTheWire(await fromStudent(student, 'the result', returned));
  return { back, created, returned };
}

const dense = (shape: number[], values: number[]): Dense => ({ shape, data: Float64Array.from(values) });

describe('the codec', () => {
  it('brings an ndarray back as it went, in every storage layout, with NaN, ±Infinity and -0', async () => {
    const m = dense([2, 3], [1, Number.NaN, Number.POSITIVE_INFINITY, -0, Number.NEGATIVE_INFINITY, 6.5]);
    for (const layout of [undefined, { offset: 0, order: [0, 1] }, { offset: 5, order: [0, 1] }, { offset: 2, order: [1, 0] }]) {
      const { back, created } = await roundTrip(nd(m, layout));
      expect(back, JSON.stringify(layout)).toEqual({ $nd: m });
      expect(Object.is((back as { $nd: Dense }).$nd.data[3], -0)).toBe(true);
      expect(created.arrays).toHaveLength(1);
    }
  });

  it('lays out storage as asked: leading offset, column-major strides, NaN in the unused cells', () => {
    const view = withLayout(dense([2, 3], [1, 2, 3, 4, 5, 6]), { offset: 2, order: [1, 0] });
    expect([view.offset, view.stride]).toEqual([2, [1, 2]]);
    expect(Array.from(view.data as Float64Array)).toEqual([Number.NaN, Number.NaN, 1, 4, 2, 5, 3, 6]);
  });

  it("reads a student's strided, offset view through .get, not its storage", () => {
    // Every other element of [0..9] starting at 1, as a 2×2 matrix: [[1, 3], [5, 7]].
    const view = ndarray(new Float32Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), [2, 2], [4, 2], 1);
    expect(readNdArray(view, 'x')).toEqual(dense([2, 2], [1, 3, 5, 7]));
    expect(readNdArray(view.transpose(1, 0), 'x')).toEqual(dense([2, 2], [1, 5, 3, 7]));
  });

  it('rebuilds tensors on the active backend and reads returned tensors back, recording them for disposal', async () => {
    const values = { $tensor: { shape: [2, 2], dtype: 'float32' as const, data: Float32Array.from([1, 2, 3, Number.NaN]) } };
    const { back, created, returned } = await roundTrip(values);
    expect(back).toEqual(values);
    expect(created.tensors.map((t) => t.shape)).toEqual([[2, 2]]);
    expect(returned).toEqual(created.tensors);
    const ints = { $tensor: { shape: [3], dtype: 'int32' as const, data: Int32Array.from([-1, 0, 7]) } };
    expect((await roundTrip(ints)).back).toEqual(ints);
    tf.dispose([...created.tensors]);
  });

  it('keeps undefined, null, strings, booleans and nested objects and arrays', async () => {
    const value: Wire = { a: undefined, b: null, c: [1, 'two', true, { d: nd(dense([1], [Number.NaN])) }], e: { f: { g: -Infinity } } };
    const { back } = await roundTrip(value);
    expect(back).toEqual(value);
    expect(Object.keys(back as object)).toContain('a');
  });

  it('refuses what is not data, with a message that says what was given', async () => {
    const read = (value: unknown): Promise<Wire> => fromStudent(value, 'the result', []);
    await expect(read(new Float64Array(3))).rejects.toThrow(/the result is a bare typed array; return an ndarray/);
    await expect(read({ f: () => 1 })).rejects.toThrow(new UnreadableResult('the result.f is a function, not data'));
    await expect(read(ndarray([1, 'x' as unknown as number], [2]))).rejects.toThrow("the result[1] is not a number (got 'x')");
    let deep: unknown = 1;
    for (let i = 0; i < 10; i++) deep = [deep];
    await expect(read(deep)).rejects.toThrow(/nested too deeply/);
    const gone = tf.scalar(1);
    gone.dispose();
    await expect(read(gone)).rejects.toThrow('the result is a tensor that was already disposed');
  });
});
