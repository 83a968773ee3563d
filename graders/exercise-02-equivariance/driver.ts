/**
 * Exercise 02's driver: trusted code run in the student's process, next to their module. It
 * builds and reports; the grader judges.
 *
 * - `checkProperty` builds a zoo op from its spec, hands it to the student's
 *   `equivarianceProperty` / `invarianceProperty`, runs `fc.check` with the grader's seed and
 *   fast-check's default run count, and reports what happened plus the images the op received
 *   during the failing run, so the grader can check in its own process that the failure is real.
 * - `stride2Conv` runs tf.conv2d with stride 2 on this process's backend (Part E).
 */
import ndarray from 'ndarray';
import type { NdArray } from 'ndarray';
import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs';
import { describe, readNdArray, withLayout } from '../support/sandbox/codec.ts';
import { handle } from '../support/sandbox/driver-protocol.ts';
import type { DriverOp, RunnerContext } from '../support/sandbox/runner.ts';
import type { Dense, Layout, Wire, WireNd } from '../support/sandbox/wire.ts';
import { applyOp, type OpSpec, type StoredLayout } from './zoo-ops.ts';
import { checkPropertyOp, stride2ConvOp } from './protocol.ts';

// Captured when the driver loads, before the student's module: their code shares this fast-check
// instance and could replace its functions.
const check = fc.check;
const isPreconditionFailure = fc.PreconditionFailure.isFailure.bind(fc.PreconditionFailure);
const stringify = fc.stringify;

/** What the grader sends to `checkProperty`. */
export interface ProofRequest {
  fn: 'equivarianceProperty' | 'invarianceProperty';
  spec: OpSpec;
  size: { height: number; width: number };
  seed: number;
  numRuns: number;
  /** Images kept from the failing run, at most. */
  maxLog: number;
}

/** What `checkProperty` reports (plain data). */
export interface ProofReport {
  [key: string]: Wire;
  /** 'passed'/'failed': fast-check's verdict; 'no-property': the function returned something else; 'crashed': fc.check itself threw. */
  outcome: 'passed' | 'failed' | 'no-property' | 'crashed';
  /** The error of the failing run, what was returned instead of a property, or why fc.check threw. */
  message: string;
  /** The shrunk counterexample as data (ndarrays as $nd), when it could be read. */
  counterexample?: Wire;
  /** fast-check's own rendering of it, as a fallback. */
  counterexampleText?: string;
  numRuns: number;
  numShrinks: number;
  /** Runs skipped by fc.pre. */
  numSkips: number;
  /** The images the op received during the failing run (first `maxLog`). */
  log: WireNd[];
  /** How many calls the failing run made. */
  logTotal: number;
  /** The first call with something other than an [H, W] ndarray of the property's size. */
  misuse?: string;
}

/** The images the op receives, one run at a time; keeps those of the last failing run. */
class CallLog {
  private current: Dense[] = [];
  private currentTotal = 0;
  failing: Dense[] = [];
  failingTotal = 0;
  misuse: string | undefined;
  constructor(private readonly max: number) {}
  startRun(): void {
    this.current = [];
    this.currentTotal = 0;
  }
  record(image: Dense): void {
    this.currentTotal++;
    if (this.current.length < this.max) this.current.push(image);
  }
  endRun(failed: boolean): void {
    if (!failed) return;
    this.failing = this.current;
    this.failingTotal = this.currentTotal;
  }
}

function isNdArrayLike(value: unknown): value is NdArray {
  return (
    value !== null && typeof value === 'object' && Array.isArray((value as { shape?: unknown }).shape) && typeof (value as { get?: unknown }).get === 'function'
  );
}

/** Storage orders of the `stored` ops; `varying` cycles through all three, one per call. */
const layouts: Record<Exclude<StoredLayout, 'varying'>, Layout> = {
  'column-major': { offset: 0, order: [1, 0] },
  offset: { offset: 3, order: [0, 1] },
};
const cycle: Layout[] = [layouts['column-major'], { offset: 2, order: [0, 1] }, { offset: 1, order: [1, 0] }];

/** The op's result as the student receives it: a fresh row-major ndarray, or the view a `stored` op asks for. */
function store(spec: OpSpec, out: Dense, call: number): NdArray {
  if (spec.kind !== 'stored') return ndarray(out.data, out.shape);
  return withLayout(out, spec.layout === 'varying' ? cycle[call % cycle.length] : layouts[spec.layout]);
}

/**
 * The op handed to the student: evaluates the spec on a copy of its input, records the input,
 * and refuses images of another size (a real layer is defined for one size). A bound function,
 * so `op.toString()` shows no source.
 */
function makeOp(spec: OpSpec, size: { height: number; width: number }, log: CallLog): (image: NdArray) => NdArray {
  let calls = 0;
  function op(image: NdArray): NdArray {
    if (!isNdArrayLike(image)) {
      log.misuse ??= `op was called with ${describe(image)}, not an ndarray`;
      throw new TypeError(`op expects an ndarray [${size.height}, ${size.width}], got ${describe(image)}`);
    }
    const input = readNdArray(image, 'the image given to op');
    if (input.shape.length !== 2 || input.shape[0] !== size.height || input.shape[1] !== size.width) {
      log.misuse ??= `op was called with an image of shape [${input.shape.join(', ')}], but the size given to the property is ${size.height}×${size.width}`;
      throw new Error(`op is defined for images [${size.height}, ${size.width}] only, got [${input.shape.join(', ')}]`);
    }
    log.record(input);
    return store(spec, applyOp(spec, input), calls++);
  }
  return op.bind(undefined);
}

type AnyProperty = fc.IRawProperty<unknown>;

function isProperty(value: unknown): value is AnyProperty {
  const p = value as Partial<AnyProperty> | null;
  return p !== null && typeof p === 'object' && ['isAsync', 'generate', 'shrink', 'run'].every((k) => typeof (p as Record<string, unknown>)[k] === 'function');
}

/** The property, with each run's op calls logged and the failing runs' logs kept. */
function instrument(property: AnyProperty, log: CallLog): AnyProperty {
  const failed = (result: unknown): boolean => result !== null && result !== undefined && !isPreconditionFailure(result);
  return {
    isAsync: () => property.isAsync(),
    generate: (mrng, runId) => property.generate(mrng, runId),
    shrink: (value) => property.shrink(value),
    runBeforeEach: () => (typeof property.runBeforeEach === 'function' ? property.runBeforeEach() : undefined),
    runAfterEach: () => (typeof property.runAfterEach === 'function' ? property.runAfterEach() : undefined),
    run: (value) => {
      log.startRun();
      const result = property.run(value) as unknown;
      if (result instanceof Promise) {
        return result.then((r: unknown) => {
          log.endRun(failed(r));
          return r;
        }) as never;
      }
      log.endRun(failed(result));
      return result as never;
    },
  } as AnyProperty;
}

function errorText(error: unknown): string {
  try {
    if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 2000);
    return describe(error);
  } catch {
    return 'an error that cannot be read';
  }
}

async function checkProperty(request: ProofRequest, context: RunnerContext): Promise<ProofReport> {
  const build = context.student()[request.fn];
  if (typeof build !== 'function') throw new Error(`your module does not export a function named ${request.fn} (found ${describe(build)})`);
  const log = new CallLog(request.maxLog);
  const op = makeOp(request.spec, request.size, log);
  // Thrown errors (the stub's included) reach the grader as the call's failure.
  const property: unknown = build(op, { height: request.size.height, width: request.size.width });
  const report: ProofReport = { outcome: 'passed', message: '', numRuns: 0, numShrinks: 0, numSkips: 0, log: [], logTotal: 0 };
  if (!isProperty(property)) {
    report.outcome = 'no-property';
    report.message = describe(property);
    return report;
  }
  let details: fc.RunDetails<unknown>;
  try {
    details = await check(instrument(property, log), { seed: request.seed, numRuns: request.numRuns });
  } catch (error) {
    report.outcome = 'crashed';
    report.message = errorText(error);
    return finish(report, log);
  }
  report.numRuns = details.numRuns;
  report.numShrinks = details.numShrinks;
  report.numSkips = details.numSkips;
  if (!details.failed) return finish(report, log);
  report.outcome = 'failed';
  if (details.counterexample === null) {
    report.message = details.interrupted
      ? 'fast-check was interrupted'
      : `fast-check gave up after ${details.numSkips} skipped runs (fc.pre rejected too many cases)`;
    return finish(report, log);
  }
  report.message = errorText(details.errorInstance);
  try {
    report.counterexample = await context.read(details.counterexample, 'the counterexample');
  } catch {
    try {
      report.counterexampleText = stringify(details.counterexample).slice(0, 4000);
    } catch {
      report.counterexampleText = 'unreadable';
    }
  }
  return finish(report, log);
}

function finish(report: ProofReport, log: CallLog): ProofReport {
  report.log = log.failing.map((image) => ({ $nd: image }));
  report.logTotal = log.failingTotal;
  if (log.misuse !== undefined) report.misuse = log.misuse;
  return report;
}

/** What the grader sends to `stride2Conv`: circularly padded images and one kernel. */
export interface StrideRequest {
  inputs: WireNd[];
  kernel: WireNd;
}

/** tf.conv2d(x, kernel, 2, 'valid') on this process's backend, for each (already padded) input. */
async function stride2Conv({ inputs, kernel }: StrideRequest): Promise<WireNd[]> {
  const [kh, kw] = kernel.$nd.shape;
  const outputs: WireNd[] = [];
  for (const input of inputs) {
    const [h, w] = input.$nd.shape;
    const y = tf.tidy(() =>
      tf.conv2d(tf.tensor4d(Float32Array.from(input.$nd.data), [1, h, w, 1]), tf.tensor4d(Float32Array.from(kernel.$nd.data), [kh, kw, 1, 1]), 2, 'valid'),
    );
    const data = await y.data();
    outputs.push({ $nd: { shape: [y.shape[1], y.shape[2]], data: Float64Array.from(data) } });
    y.dispose();
  }
  return outputs;
}

export const ops: Record<string, DriverOp> = { ...handle(checkPropertyOp, checkProperty), ...handle(stride2ConvOp, stride2Conv) };
