/**
 * The plain data that crosses the boundary between the grader and the student's process.
 *
 * Messages travel over Node's IPC channel with `serialization: 'advanced'` (the V8 serializer),
 * so typed arrays, `undefined`, NaN and nested objects survive. Arrays with a shape travel as
 * {@link Dense} wrapped in a tag so that each side knows to rebuild an ndarray or a tensor.
 */

/** A row-major array of numbers with its shape: the grader's view of every ndarray. */
export interface Dense {
  shape: number[];
  data: Float64Array;
}

/**
 * How the student's process lays out an ndarray it builds from wire data: row-major storage
 * (`contiguous`), the same after `offset` unused leading elements, or storage ordered by
 * `order` (a permutation of the axes, outermost first: [1, 0] is column-major for a matrix).
 * Every layout reads the same through `.get`.
 */
export interface Layout {
  offset: number;
  order: number[];
}

/** An ndarray on the wire. */
export interface WireNd {
  $nd: Dense;
  /** Storage layout in the student's process (default: contiguous, row-major). */
  layout?: Layout;
}

/** A tfjs tensor on the wire (rebuilt on the receiving side's backend). */
export interface WireTensor {
  $tensor: { shape: number[]; dtype: 'float32' | 'int32' | 'bool'; data: Float32Array | Int32Array | Uint8Array };
}

/** Any value that may cross the boundary. */
export type Wire = undefined | null | boolean | number | string | WireNd | WireTensor | Wire[] | { [key: string]: Wire };

/** What the student's code threw, reduced to plain data. */
export interface Thrown {
  /** True when the value was an `Error` (any subclass) of the student's realm. */
  isError: boolean;
  name: string;
  message: string;
  /** First lines of the stack, mapped to the student's TypeScript lines where possible. */
  stack?: string;
}

/** A request from the grader to the student's process. */
export interface Request {
  id: number;
  op: string;
  payload: Wire;
}

/** The student's process's answer to one request. */
export type Response = { id: number; ok: true; value: Wire; hygiene?: Hygiene } | { id: number; ok: false; thrown: Thrown; hygiene?: Hygiene };

/** What a driver op did to the student's process besides answering (checked by the grader). */
export interface Hygiene {
  /** Refused attempts to start processes or write files. */
  attempts: string[];
  /** Watched kernels whose registration changed. */
  registryChanged: string[];
  /** The tfjs backend afterwards. */
  backendAfter: string;
}

/** Messages the student's process sends without being asked. */
export type Notice = { notice: 'ready'; backend: string; adapter: string } | { notice: 'fatal'; message: string };

export function isWireNd(value: unknown): value is WireNd {
  return typeof value === 'object' && value !== null && '$nd' in value;
}

export function isWireTensor(value: unknown): value is WireTensor {
  return typeof value === 'object' && value !== null && '$tensor' in value;
}

/** Tags a dense array for the wire. */
export function nd(dense: Dense, layout?: Layout): WireNd {
  return layout === undefined ? { $nd: dense } : { $nd: dense, layout };
}

/**
 * A dense array on the wire as a float32 tensor (the values rounded to float32).
 *
 * @example wireTensor({ shape: [2], data: Float64Array.of(0.5, 1) }) → { $tensor: { shape: [2], dtype: 'float32', data: Float32Array [0.5, 1] } }
 */
export function wireTensor(dense: Dense): WireTensor {
  return { $tensor: { shape: dense.shape.slice(), dtype: 'float32', data: Float32Array.from(dense.data) } };
}

/** The number of elements of a shape. */
export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}
