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
import type { DriverOp, RunnerContext } from './runner.ts';
import type { Wire } from './wire.ts';

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
  return { [protocol.op]: async (payload, context) => (await handler(payload as unknown as Request, context)) as unknown as Wire };
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
  return (await ex.driver(protocol.op, request as unknown as Wire, options)) as unknown as Answer;
}
