/**
 * The grader's side of the student's process: starts it under Node's permission model, sends
 * requests, and turns every way it can go wrong — a hang, an exit, a crash, running out of memory —
 * into a {@link SandboxFault} with a message that names what happened and during which call.
 *
 * The process is started early (see prewarm.ts) with no exercise in mind, so that tfjs loads in
 * it while the grader itself is still loading; `target()` then says what to load. A fault at
 * import time is permanent for the run; after a fault during a call the process is started
 * afresh on the next request, so one broken part does not cost the others.
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';
import { bundle, bundleCached, CompileError } from './bundle.ts';
import { removeStaleBuilds } from './cleanup.ts';
import { takeSpare } from './spare.ts';
import { tamperingOf } from './tampering.ts';
import { sandboxMarker, startStudentProcess } from './start-process.ts';
import { killAndWait } from './process-tree.ts';
import { treeResidentMiB } from './resident.ts';
import { repoRoot, solutionsDir, stateDir, shortPath } from '../paths.ts';
import type { BackendName } from '../backends/detect.ts';
import type { Hygiene, Notice, Request, Response, Thrown, Wire } from './wire.ts';
import { gradeRunId } from '../settings.ts';

/** Why a request got no answer. */
export type FaultKind = 'compile' | 'load' | 'timeout' | 'exit' | 'memory' | 'start';

/** The student's process failed to answer; `message` says how, in words for the student. */
export class SandboxFault extends Error {
  override name = 'SandboxFault';
  constructor(
    readonly kind: FaultKind,
    message: string,
    /** What the student's code printed just before, if anything. */
    readonly output = '',
  ) {
    super(message);
  }
}

/** The runner itself (not the student's function) reported an error, e.g. a missing export. */
export class RunnerError extends Error {
  override name = 'RunnerError';
  /** For driver ops: what the op did besides failing. */
  hygiene: Hygiene | undefined;
  constructor(readonly thrown: Thrown) {
    super(thrown.message);
  }
}

/** How to start the student's process. */
export interface SandboxOptions {
  backend: BackendName;
  /** `VK_ICD_FILENAMES` for webgpu. */
  icd?: string;
  /** Extra folders the student's process may read (e.g. datasets/). */
  readable?: string[];
  /** Heap limit of the student's process in MiB; the resident-memory ceiling is 1.5× this. */
  memoryMiB?: number;
}

/** What the student's process loads. */
export interface SandboxTarget {
  /** The exercise's driver module (trusted code run in the student's process), if any. */
  driver?: string;
  /** The student's entry module (TypeScript). */
  entry: string;
  /** Whether importing solutions/ is allowed (only when grading the solutions themselves). */
  allowSolutions?: boolean;
}

export interface RequestOptions {
  /** Milliseconds to wait for the answer. */
  timeoutMs: number;
  /** What is being called, for messages ("correlate2d"). */
  label: string;
}

export { sandboxMarker };

/** The grading run's id (set once by vitest.config.ts; inherited by workers). */
export function runMarker(): string {
  return gradeRunId.read() ?? 'unknown-run';
}
const loadTimeoutMs = 20_000;
const maxRestarts = 25;
const buildDir = path.join(stateDir, 'build');
const runnerEntry = path.join(repoRoot, 'graders', 'support', 'sandbox', 'runner-main.ts');

/** The runner's bundle, built once per content (watch mode names it in a spare's settings too). */
export function runnerBundle(): string {
  return bundleCached(runnerEntry, buildDir, 'runner');
}

/** What the student's process reports after importing the student's module (runner.ts `load`). */
interface LoadReport extends Hygiene {
  exports: Record<string, string>;
}

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/** The load answer comes back over the same channel the student's module can write to: checked, not cast. */
function isLoadReport(value: Wire): value is LoadReport & Wire {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || '$nd' in value || '$tensor' in value) return false;
  const { exports, registryChanged, attempts, backendAfter } = value;
  return typeof exports === 'object' && exports !== null && isStrings(registryChanged) && isStrings(attempts) && typeof backendAfter === 'string';
}

/** A started process and what it has been told to load. */
interface Running {
  child: ChildProcess;
  ready: Promise<void>;
  loaded: Promise<void> | undefined;
}

/** The student's code in its own process, started on first use and again after a fault. */
export class Sandbox {
  private running: Running | undefined;
  private permanent: SandboxFault | undefined;
  private targetInfo: SandboxTarget | undefined;
  private built: Promise<{ driver?: string; student: string }> | undefined;
  private nextId = 1;
  /** Processes killed and not yet gone: close() waits for them. */
  private readonly dying = new Set<Promise<void>>();
  private starts = 0;
  private output = '';
  private readonly pending = new Map<number, (response: Response) => void>();
  private readonly hung = new Map<string, string>();
  private onHygiene: ((hygiene: Hygiene | undefined) => void) | undefined;
  private readonly runId = randomUUID();
  /** Processes started inside bubblewrap (their exit code stands for the inner process's signal). */
  private readonly underBwrap = new WeakSet<ChildProcess>();
  /**
   * This grading's own build folder (the student's bundle, a copy of the driver): the only part of
   * `.grade/build` its process can see, so no submission reads another's bundle.
   */
  private privateDir = path.join(buildDir, `g-${process.pid}-${this.runId.slice(0, 8)}`);
  /** The adapter the student's process reported ("cpu", "google swiftshader", …). */
  adapter = '';

  constructor(private readonly options: SandboxOptions) {}

  /** Starts the process now, if it is not running, without waiting for it. */
  warm(): void {
    if (this.running === undefined && this.permanent === undefined) this.spawn();
  }

  /** Says what the process loads (before the first request). */
  target(target: SandboxTarget): void {
    this.targetInfo = target;
  }

  /**
   * Sends a request and waits for its answer, or throws a {@link SandboxFault}. A call that hung
   * or ran out of memory once is not made again in this run (grading is deterministic; waiting
   * again would only make the run slower): it fails at once, saying so.
   */
  async request(op: string, payload: Wire, options: RequestOptions): Promise<Wire> {
    const hung = this.hung.get(options.label);
    if (hung !== undefined) throw new SandboxFault('timeout', `${hung} earlier in this run, so it was not called again`);
    const running = await this.ensureLoaded();
    try {
      return await this.exchange(running.child, op, payload, options);
    } catch (error) {
      // Hangs and memory exhaustion repeat deterministically and cost seconds each: remember them.
      if (error instanceof SandboxFault && (error.kind === 'timeout' || error.kind === 'memory')) this.hung.set(options.label, error.message);
      throw error;
    }
  }

  /**
   * Like {@link request}, and also returns what the op did besides answering (refused attempts,
   * kernel registry changes, backend switches) — for exercise driver ops.
   */
  async requestWithHygiene(op: string, payload: Wire, options: RequestOptions): Promise<{ value: Wire; hygiene?: Hygiene }> {
    let hygiene: Hygiene | undefined;
    this.onHygiene = (h) => (hygiene = h);
    try {
      const value = await this.request(op, payload, options);
      return { value, hygiene };
    } catch (error) {
      if (error instanceof RunnerError) error.hygiene = hygiene;
      throw error;
    } finally {
      this.onHygiene = undefined;
    }
  }

  /** Ends the current process so the next request starts a clean one (after tampering). */
  restart(): void {
    this.kill();
  }

  /**
   * Stops the student's process, waits until every process it killed is gone (so the run's
   * leftover check finds none of them), and removes its compiled files.
   */
  async close(): Promise<void> {
    this.kill();
    await Promise.all(this.dying);
    const remove = (): void => rmSync(this.privateDir, { recursive: true, force: true });
    await (this.built ?? Promise.resolve()).then(remove, remove);
  }

  private exchange(child: ChildProcess, op: string, payload: Wire, options: RequestOptions): Promise<Wire> {
    const id = this.nextId++;
    const outputStart = this.output.length;
    const memoryMiB = this.options.memoryMiB ?? 1024;
    return new Promise<Wire>((resolve, reject) => {
      let settled = false;
      const finish = (action: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(watchdog);
        child.off('exit', onExit);
        this.pending.delete(id);
        action();
      };
      const fault = (kind: FaultKind, message: string): void => {
        const printed = this.output.slice(outputStart);
        if (this.running?.child === child) this.kill();
        finish(() => reject(new SandboxFault(kind, message, printed)));
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
        // Let the last output arrive before judging it.
        setImmediate(() => {
          const printed = this.output.slice(outputStart);
          if (/heap out of memory|Allocation failed|ERR_WORKER_OUT_OF_MEMORY/i.test(printed)) {
            fault('memory', `ran out of memory during ${options.label}`);
          } else {
            const killer = signal ?? this.signalBehindBwrap(child, code);
            const how = killer === null ? `exited with code ${code}` : `was killed by ${killer}`;
            fault('exit', `the process ${how} during ${options.label}`);
          }
        });
      };
      const timer = setTimeout(() => {
        const seconds = options.timeoutMs / 1000;
        fault('timeout', `no answer within ${seconds < 1 ? seconds.toFixed(1) : Math.round(seconds)} s (${options.label})`);
      }, options.timeoutMs);
      const watchdog = setInterval(() => {
        // The process tree: under bwrap, child.pid is bwrap's and Node runs below it.
        if (child.pid !== undefined && treeResidentMiB(child.pid) > memoryMiB * 1.5) {
          fault('memory', `ran out of memory during ${options.label} (over ${Math.round(memoryMiB * 1.5)} MiB)`);
        }
      }, 200);
      child.once('exit', onExit);
      this.pending.set(id, (response) =>
        finish(() => {
          this.onHygiene?.(response.hygiene);
          if (response.ok) resolve(response.value);
          else reject(new RunnerError(response.thrown));
        }),
      );
      const request: Request = { id, op, payload };
      try {
        child.send(request);
      } catch (error) {
        fault('exit', `the process could not be reached during ${options.label} (${(error as Error).message})`);
      }
    });
  }

  /** bwrap exits with 128 + n when the process inside died of signal n: name that signal. */
  private signalBehindBwrap(child: ChildProcess, code: number | null): NodeJS.Signals | null {
    if (!this.underBwrap.has(child) || code === null || code <= 128) return null;
    const found = Object.entries(constants.signals).find(([, n]) => n === code - 128);
    return found === undefined ? null : (found[0] as NodeJS.Signals);
  }

  private kill(): void {
    const running = this.running;
    this.running = undefined;
    const child = running?.child;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const dying = killAndWait(child).finally(() => this.dying.delete(dying));
    this.dying.add(dying);
  }

  private async ensureLoaded(): Promise<Running> {
    if (this.permanent !== undefined) throw this.permanent;
    if (this.targetInfo === undefined) throw new Error('sandbox: target() was not called');
    const running = this.running ?? this.spawn();
    running.loaded ??= this.load(running).catch((error: unknown) => {
      if (error instanceof SandboxFault && (error.kind === 'compile' || error.kind === 'load' || error.kind === 'start')) {
        this.permanent = error;
      }
      throw error;
    });
    await running.loaded;
    return running;
  }

  private async load(running: Running): Promise<void> {
    const target = this.targetInfo!;
    this.built ??= this.build(target);
    let files: { driver?: string; student: string };
    try {
      files = await this.built;
    } catch (error) {
      if (error instanceof CompileError) {
        throw new SandboxFault('compile', `${shortPath(target.entry)} does not compile:\n${error.message}`);
      }
      throw error;
    }
    await running.ready;
    const label = `importing ${path.basename(target.entry)}`;
    try {
      await this.exchange(
        running.child,
        'configure',
        { driver: files.driver ?? null, student: files.student },
        { timeoutMs: loadTimeoutMs, label: 'loading the grader driver' },
      );
      const loaded = await this.exchange(running.child, 'load', null, { timeoutMs: loadTimeoutMs, label });
      if (!isLoadReport(loaded)) throw new SandboxFault('load', `while ${label}, the student's process answered with something other than a load report`);
      const tampering = tamperingOf(loaded, this.options.backend);
      if (tampering.length > 0) throw new SandboxFault('load', `while ${label}, your module ${tampering.join('; ')}: graded code may not do that`);
    } catch (error) {
      if (error instanceof SandboxFault) throw new SandboxFault('load', error.message, error.output);
      if (error instanceof RunnerError) {
        const what = error.thrown.isError ? `${error.thrown.name}: ${error.thrown.message}` : `a non-Error value (${error.thrown.message})`;
        throw new SandboxFault('load', `${label} threw ${what}`);
      }
      throw error;
    }
  }

  private async build(target: SandboxTarget): Promise<{ driver?: string; student: string }> {
    removeStaleBuilds(buildDir);
    mkdirSync(this.privateDir, { recursive: true, mode: 0o755 });
    const forbidden = [{ dir: path.join(repoRoot, 'graders'), reason: 'submissions may not import the graders' }];
    if (!target.allowSolutions) {
      forbidden.push({ dir: solutionsDir, reason: 'importing the hidden reference solutions is not allowed (flagged)' });
    }
    const student = path.join(this.privateDir, `student-${path.basename(target.entry, '.ts')}-${this.options.backend}.mjs`);
    const [shared] = await Promise.all([
      target.driver === undefined ? undefined : bundleCached(target.driver, buildDir, 'driver'),
      bundle({ entry: target.entry, outfile: student, forbidden }),
    ]);
    if (shared === undefined) return { student };
    // The process sees only its private folder: the (trusted, cached) driver is copied in.
    const driver = path.join(this.privateDir, path.basename(shared));
    copyFileSync(shared, driver);
    return { driver, student };
  }

  private spawn(): Running {
    if (this.starts++ > maxRestarts) {
      this.permanent = new SandboxFault('start', `gave up after ${maxRestarts} restarts of your code's process`);
      throw this.permanent;
    }
    // Watch mode may have started one already (spare.ts): adopted on the first start only.
    const spare = this.starts === 1 ? takeSpare(this.options) : undefined;
    if (spare !== undefined) this.privateDir = spare.privateDir;
    const started = spare ?? startStudentProcess({ ...this.options, root: repoRoot, runner: runnerBundle(), privateDir: this.privateDir, marker: runMarker() });
    const child = started.child;
    if (started.underBwrap) this.underBwrap.add(child);
    const capture = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString('utf8')).slice(-200_000);
    };
    child.stdout!.on('data', capture);
    child.stderr!.on('data', capture);
    child.on('message', (message: Response | Notice) => {
      if ('id' in message && typeof message.id === 'number') this.pending.get(message.id)?.(message);
    });
    child.on('error', () => undefined);
    const ready = started.ready.then(
      (adapter) => {
        this.adapter = adapter;
      },
      // A spare's failure is another realm's class: keep its words.
      (error: Error & { output?: string }) => Promise.reject(new SandboxFault('start', error.message, error.output ?? '')),
    );
    const running: Running = { child, ready, loaded: undefined };
    running.ready.catch(() => undefined);
    this.running = running;
    return running;
  }
}
