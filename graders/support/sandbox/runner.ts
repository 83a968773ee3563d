/**
 * The student's process. It loads the student's module, calls it on request and reports plain
 * data back; it never judges anything. Every verdict is made by the grader's process, so a patch
 * of globals, tfjs or fast-check in this realm cannot change a score — only what this side reports
 * about its own calls (returned values, tensors left, kernels run), which the grader cross-checks.
 *
 * Started by `client.ts` with Node's permission model: no child processes, no workers, no file
 * writes, reads limited to node_modules, the compiled student module and the course's datasets.
 */
import childProcess from 'node:child_process';
import fs from 'node:fs';
import fsPromises from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import workerThreads from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { fromStudent, toStudent, UnreadableResult, describe, type Created } from './codec.ts';
import { callOp, handle } from './driver-protocol.ts';
import { convolutionKernelNames } from './kernel-names.ts';
import type { Hygiene, Request, Response, Thrown, Wire } from './wire.ts';

/** What a driver op (exercise-specific, trusted code) can use. */
export interface RunnerContext {
  /** The tfjs backend this process grades: 'cpu' or 'webgpu'. */
  backend: string;
  /** The student's module (after the 'load' request). */
  student(): Record<string, unknown>;
  /** Calls an export of the student's module with the standard checks; see {@link CallReport}. */
  call(request: CallRequest): Promise<CallReport>;
  /** Converts a student value to wire data (tensors read with `await data()`). */
  read(value: unknown, what: string): Promise<Wire>;
}

/** An exercise-specific operation, run in this process. */
export type DriverOp = (payload: Wire, context: RunnerContext) => Promise<Wire>;

/** The generic 'call' request. */
export interface CallRequest {
  /** The export to call. */
  fn: string;
  /** Arguments (ndarrays and tensors are rebuilt here, fresh for every call). */
  args: Wire[];
  /** Record the tfjs kernels that ran (tf.profile). */
  profile?: boolean;
}

/** What happened in one call of a student function. */
export interface CallReport {
  [key: string]: Wire;
  /** The returned value (absent when the call threw). */
  value?: Wire;
  thrown?: Thrown & { [key: string]: Wire };
  /** The arguments as they were after the call, to detect mutation. */
  inputsAfter: Wire[];
  /** True when a returned ndarray shares storage with an argument. */
  aliased: boolean;
  /** Tensors left allocated by the call (the larger of two independent counters). */
  leaked: number;
  /** Kernel names that ran, when profiled. */
  kernels: string[];
  /** The tfjs backend after the call. */
  backendAfter: string;
  /** Kernels whose registration changed during the call. */
  registryChanged: string[];
  /** Refused attempts to start processes or write files during the call. */
  attempts: string[];
  ms: number;
}

// Captured before any student code runs.
const now = performance.now.bind(performance);
const engine = tf.engine();
const memory = tf.memory;
const getBackend = tf.getBackend;
const profile = tf.profile;
const send = (message: Response | { notice: string; [key: string]: unknown }): void => void process.send!(message);
// Every convolution kernel is watched: exercise 01 removes them all, and re-registering one must show.
const watchedKernels = ['MatMul', 'BatchMatMul', '_FusedMatMul', ...convolutionKernelNames];

// Refused operations. The permission model already denies them; these wrappers also record the
// attempt, so a submission that catches the denial is still reported.
const attemptLog: string[] = [];

function takeAttempts(): string[] {
  return attemptLog.splice(0, attemptLog.length);
}

function refuse(what: string): (...args: unknown[]) => never {
  return (...args: unknown[]) => {
    const first = typeof args[0] === 'string' || args[0] instanceof URL ? ` ${String(args[0])}` : '';
    attemptLog.push(`${what}${first}`.slice(0, 200));
    throw Object.assign(new Error(`${what} is not allowed while grading`), { code: 'ERR_ACCESS_DENIED' });
  };
}

function instrumentRefusals(): void {
  // Names checked against the module's type; Reflect because a wrapper is not of the original's type.
  const patch = <Module extends object>(target: Module, prefix: string, names: (keyof Module & string)[]): void => {
    for (const name of names) if (typeof Reflect.get(target, name) === 'function') Reflect.set(target, name, refuse(`${prefix}.${name}`));
  };
  patch(childProcess, 'child_process', ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']);
  patch(fs, 'fs', [
    'writeFile',
    'writeFileSync',
    'appendFile',
    'appendFileSync',
    'mkdir',
    'mkdirSync',
    'rm',
    'rmSync',
    'unlink',
    'unlinkSync',
    'rename',
    'renameSync',
    'copyFile',
    'copyFileSync',
    'cp',
    'cpSync',
    'createWriteStream',
    'truncate',
    'truncateSync',
    'symlink',
    'symlinkSync',
  ]);
  patch(fsPromises, 'fs/promises', ['writeFile', 'appendFile', 'mkdir', 'rm', 'unlink', 'rename', 'copyFile', 'cp', 'truncate', 'symlink']);
  patch(workerThreads, 'worker_threads', ['Worker']);
  // Make ESM imports of these built-ins see the wrappers too.
  syncBuiltinESMExports();
}

function option(name: string): string {
  const prefix = `--${name}=`;
  const found = process.argv.find((arg) => arg.startsWith(prefix));
  if (found === undefined) throw new Error(`runner: missing ${prefix}`);
  return found.slice(prefix.length);
}

// Two independent counters, read through functions captured before the student's code runs: a
// submission that patches tf.memory() or the engine's memory() to hide leaks fools neither.
const engineState = engine.state;
let backendInstance: { numDataIds(): number } | undefined;
let numDataIds: ((this: unknown) => number) | undefined;

function tensorCount(): number {
  const fromEngine = Math.max(engineState.numTensors, memory().numTensors);
  const fromBackend = backendInstance !== undefined && numDataIds !== undefined ? numDataIds.call(backendInstance) : 0;
  return Math.max(fromEngine, fromBackend);
}

function captureBackend(): void {
  backendInstance = engine.backend;
  numDataIds = Object.getPrototypeOf(backendInstance).numDataIds as (this: unknown) => number;
}

function kernelSnapshot(backend: string): Map<string, unknown> {
  const snapshot = new Map<string, unknown>();
  for (const name of watchedKernels) snapshot.set(name, tf.getKernel(name, backend)?.kernelFunc);
  return snapshot;
}

/** Turns anything thrown into plain data, whatever it is. */
export function toThrown(error: unknown): Thrown {
  try {
    if (error instanceof Error) {
      const stack = typeof error.stack === 'string' ? error.stack.split('\n').slice(1, 6).join('\n') : undefined;
      return { isError: true, name: String(error.name), message: String(error.message), stack };
    }
    return { isError: false, name: typeof error, message: describe(error) };
  } catch {
    return { isError: false, name: 'unknown', message: 'a value that throws when inspected' };
  }
}

async function installBackend(backend: string): Promise<string> {
  tf.env().set('PROD', true);
  // A device with the adapter's own limits: tfjs's default one breaks tf.addN of 8+ tensors.
  if (backend === 'webgpu') await (await import('../backends/webgpu-device.ts')).installWebgpu();
  if (!(await tf.setBackend(backend))) throw new Error(`runner: could not initialise the ${backend} backend`);
  await tf.ready();
  if (backend !== 'webgpu') return backend;
  // WebGPUBackend's adapterInfo, read without importing the webgpu package's types here.
  const instance: object = tf.backend();
  const info: unknown = 'adapterInfo' in instance ? instance.adapterInfo : undefined;
  const field = (key: string): string | undefined => {
    const value: unknown = typeof info === 'object' && info !== null ? Reflect.get(info, key) : undefined;
    return typeof value === 'string' ? value : undefined;
  };
  return `${field('vendor') ?? 'unknown'} ${field('architecture') ?? ''}`.trim();
}

/**
 * Starts the student's process: sets up the backend, then answers requests until disconnected.
 * It starts before the grader knows what to load (so tfjs loads while the grader is still
 * compiling); a 'configure' request then names the exercise's driver and the student's module.
 */
export async function startRunner(): Promise<void> {
  const backend = option('backend');
  const runner = createRunner(backend);
  process.on('message', (message: Request) => {
    void (async () => {
      const response = await runner.handle(message);
      // Answer only after the event loop turns: code that starves it (an endless microtask
      // chain) then hangs the call that started it, instead of the next part's call.
      await new Promise((resolve) => setImmediate(resolve));
      send(response);
    })();
  });
  process.on('disconnect', () => process.exit(0));
  try {
    const adapter = await installBackend(backend);
    captureBackend();
    instrumentRefusals();
    send({ notice: 'ready', backend, adapter });
  } catch (error) {
    send({ notice: 'fatal', message: toThrown(error).message });
  }
}

/** Answers requests; used by the student's process, and in-process by the isolation benchmark. */
export interface Runner {
  handle(message: Request): Promise<Response>;
}

/**
 * The request handler, without the process around it. `startRunner` wraps it with IPC; the
 * benchmark-only in-process mode (`GRADE_ISOLATION=off`, see in-process.ts) calls it directly.
 */
export function createRunner(backend: string): Runner {
  let studentPath: string | undefined;
  let driverOps: Record<string, DriverOp> = {};
  let student: Record<string, unknown> | undefined;
  let registry = new Map<string, unknown>();

  const context: RunnerContext = {
    backend,
    student() {
      if (student === undefined) throw new Error('runner: the student module is not loaded');
      return student;
    },
    async read(value, what) {
      return fromStudent(value, what, []);
    },
    async call(request) {
      const exports = context.student();
      const fn = exports[request.fn];
      if (typeof fn !== 'function') {
        throw new UnreadableResult(`your module does not export a function named ${request.fn} (found ${describe(fn)})`);
      }
      const created: Created = { tensors: [], arrays: [] };
      const args = request.args.map((arg) => toStudent(arg, created));
      const afterInputs = tensorCount();
      const report: CallReport = {
        inputsAfter: [],
        aliased: false,
        leaked: 0,
        kernels: [],
        backendAfter: backend,
        registryChanged: [],
        attempts: [],
        ms: 0,
      };
      takeAttempts();
      const returned: tf.Tensor[] = [];
      const start = now();
      let result: unknown;
      try {
        if (request.profile) {
          const info = await profile(async () => {
            result = await (fn as (...a: unknown[]) => unknown)(...args);
            return result instanceof tf.Tensor ? result : [];
          });
          report.kernels = info.kernels.map((k) => k.name);
        } else {
          result = await (fn as (...a: unknown[]) => unknown)(...args);
        }
        report.ms = now() - start;
        report.value = await fromStudent(result, `the result of ${request.fn}`, returned);
        const storages = new Set<unknown>(created.arrays.map((a) => a.data));
        report.aliased = findNdArrays(result).some((a) => storages.has(a.data));
      } catch (error) {
        report.ms = now() - start;
        report.thrown = { ...toThrown(error), unreadable: error instanceof UnreadableResult };
      }
      for (let i = 0; i < args.length; i++) {
        try {
          report.inputsAfter.push(await fromStudent(args[i], `argument ${i + 1}`, []));
        } catch (error) {
          report.inputsAfter.push(`unreadable: ${toThrown(error).message}`);
        }
      }
      const afterCall = tensorCount();
      for (const t of [...created.tensors, ...returned]) if (!t.isDisposed) t.dispose();
      // Inputs are ours; what the student returned is the answer; anything else is a leak.
      report.leaked = Math.max(0, afterCall - afterInputs - new Set(returned.map((t) => t.dataId)).size);
      report.backendAfter = getBackend();
      const current = kernelSnapshot(backend);
      report.registryChanged = watchedKernels.filter((name) => current.get(name) !== registry.get(name));
      registry = current;
      report.attempts = takeAttempts();
      if (report.backendAfter !== backend) await tf.setBackend(backend);
      return report;
    },
  };

  const baseOps: Record<string, DriverOp> = {
    async configure(payload) {
      const { driver, student: entry } = payload as { driver: string | null; student: string };
      studentPath = entry;
      if (driver !== null) driverOps = ((await import(driver)) as { ops: Record<string, DriverOp> }).ops;
      return null;
    },
    async load() {
      if (studentPath === undefined) throw new Error('runner: not configured');
      // Snapshot before the import, so kernels (re-)registered at import time are reported too.
      registry = kernelSnapshot(backend);
      takeAttempts();
      const module = (await import(studentPath)) as Record<string, unknown>;
      student = module;
      const exports: { [key: string]: Wire } = {};
      for (const key of Object.keys(module)) exports[key] = typeof module[key];
      const current = kernelSnapshot(backend);
      const registryChanged = watchedKernels.filter((name) => current.get(name) !== registry.get(name));
      registry = current;
      const backendAfter = getBackend();
      if (backendAfter !== backend) await tf.setBackend(backend);
      return { exports, registryChanged, attempts: takeAttempts(), backendAfter };
    },
    ...handle(callOp, (request) => context.call(request)),
    async read(payload) {
      const name = (payload as { name: string }).name;
      return fromStudent(context.student()[name], name, []);
    },
  };

  return {
    async handle(message) {
      // Driver ops (exercise-specific) get the same tampering checks as generic calls.
      const isDriverOp = !(message.op in baseOps);
      if (isDriverOp) takeAttempts();
      const hygiene = async (): Promise<Hygiene | undefined> => {
        if (!isDriverOp) return undefined;
        const current = kernelSnapshot(backend);
        const registryChanged = watchedKernels.filter((name) => current.get(name) !== registry.get(name));
        registry = current;
        const backendAfter = getBackend();
        if (backendAfter !== backend) await tf.setBackend(backend);
        return { attempts: takeAttempts(), registryChanged, backendAfter };
      };
      try {
        const op = baseOps[message.op] ?? driverOps[message.op];
        if (op === undefined) throw new Error(`runner: unknown op ${message.op}`);
        const value = await op(message.payload, context);
        return { id: message.id, ok: true, value, hygiene: await hygiene() };
      } catch (error) {
        return { id: message.id, ok: false, thrown: toThrown(error), hygiene: await hygiene() };
      }
    },
  };
}

/** Prepares this process for an in-process runner (benchmark only): tfjs quiet, counters captured. */
export async function prepareInProcess(backend: string): Promise<void> {
  await installBackend(backend);
  captureBackend();
}

function findNdArrays(value: unknown, depth = 0): { data: unknown }[] {
  if (value === null || typeof value !== 'object' || depth > 4) return [];
  const candidate = value as { shape?: unknown; get?: unknown; data?: unknown };
  if (Array.isArray(candidate.shape) && typeof candidate.get === 'function') return [candidate as { data: unknown }];
  if (value instanceof tf.Tensor) return [];
  return Object.values(value).flatMap((item) => findNdArrays(item, depth + 1));
}
