/**
 * Typed driver ops: an op's name with the types of its request and answer, declared once and used
 * by both sides — the exercise's driver (in the student's process) registers a typed handler with
 * {@link handle}, the grader calls it with {@link callDriver}. The wire carries plain data either
 * way; the one cast between those types and {@link Wire} lives here instead of at every call.
 *
 * The answer's type is what an honest driver sends: it comes from the student's process, so a
 * grader still judges its content (see graders/support/README.md, "What the student's process
 * reports about itself").
 *
 * @example
 * // protocol.ts, imported by the driver and the grader:
 * export const stride2Conv = protocol<StrideRequest, WireNd[]>('stride2Conv');
 * // driver.ts:
 * export const ops = { ...handle(stride2Conv, async (request) => outputs(request)) };
 * // the grader:
 * const outputs = await callDriver(ex, stride2Conv, { inputs, kernel }, { label: 'tf.conv2d' }); // WireNd[]
 */
import type { CallReport, CallRequest, DriverOp, RunnerContext } from './runner.ts';
import type { Wire } from './wire.ts';

// The one cast between a protocol's types and the wire: both sides use the same protocol, and the
// V8 serialiser carries plain data either way (a request or answer that is not plain data fails to send).
function toWire<T>(value: T): Wire {
  return value as unknown as Wire;
}

function fromWire<T>(value: Wire): T {
  return value as unknown as T;
}

/** A driver op's name, carrying the types of its request and answer. */
export interface DriverProtocol<Request, Answer> {
  readonly op: string;
  /** Never set: only carries the types. */
  readonly types?: (request: Request) => Answer;
}

/** The protocol of a driver op named `op`. */
export function protocol<Request, Answer>(op: string): DriverProtocol<Request, Answer> {
  return { op };
}

/** The driver's side: `handler` as the op of `protocol`, ready to spread into the driver's `ops`. */
export function handle<Request, Answer>(
  protocol: DriverProtocol<Request, Answer>,
  handler: (request: Request, context: RunnerContext) => Promise<Answer>,
): Record<string, DriverOp> {
  // The payload is what callDriver sent with the same protocol, decoded from the wire.
  return { [protocol.op]: async (payload, context) => toWire(await handler(fromWire<Request>(payload), context)) };
}

/** What can run a driver op: an ExerciseGrader (`ex.driver`). */
export interface DriverCaller {
  driver(op: string, payload: Wire, options?: { timeoutMs?: number; label?: string }): Promise<Wire>;
}

/** The grader's side: runs the op in the student's process (with `ex.driver`'s checks and failures) and types its answer. */
export async function callDriver<Request, Answer>(
  ex: DriverCaller,
  protocol: DriverProtocol<Request, Answer>,
  request: Request,
  options: { timeoutMs?: number; label?: string } = {},
): Promise<Answer> {
  return fromWire<Answer>(await ex.driver(protocol.op, toWire(request), options));
}

/** The runner's own generic op: calls an export of the student's module with the standard checks (runner.ts `call`). */
export const callOp = protocol<CallRequest, CallReport>('call');

/** What runs one of the runner's own ops without ex.driver's failures: the student's process (`StudentProcess.request`). */
export interface RunnerCaller {
  request(op: string, payload: Wire, options: { timeoutMs: number; label: string }): Promise<Wire>;
}

/**
 * The grader's side of a runner op such as {@link callOp}: the typed answer, or the sandbox's own errors.
 *
 * @example const report = await callRunner(sandbox, callOp, { fn: 'conv2d', args }, { timeoutMs: 5000, label: 'conv2d' }); // CallReport
 */
export async function callRunner<Request, Answer>(
  sandbox: RunnerCaller,
  protocol: DriverProtocol<Request, Answer>,
  request: Request,
  options: { timeoutMs: number; label: string },
): Promise<Answer> {
  return fromWire<Answer>(await sandbox.request(protocol.op, toWire(request), options));
}
