/**
 * A vitest pool ("warm-forks") for watch mode: vitest's own forks worker, but started ahead of
 * time. When a run's result is in, `replenish()` starts the next runs' worker processes — Node,
 * vitest's worker runtime and whatever `preload` names (tfjs, the student's process) load while the
 * student reads the verdict — so a save pays only for the grading itself.
 *
 *   const pool = warmForks({ preload: [file] });
 *   const vitest = await createVitest('test', { pool });
 *   await vitest.runTestSpecifications(specs); // the first run starts its worker itself
 *   pool.replenish();                          // after each run: the next ones start warm
 *
 * Each run still gets a fresh worker process (nothing of one grading survives into the next).
 */
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PoolOptions, PoolWorker, WorkerRequest } from 'vitest/node';

export interface WarmForksOptions {
  /** Absolute paths of ES modules the worker imports before it waits (`node --import`). */
  preload?: string[];
  /** Workers kept waiting (default 2: a focused grading and the full one after it both start warm). */
  spares?: number;
}

interface Spare {
  key: string;
  child: ChildProcess;
}

export interface WarmForksPool {
  name: string;
  createPoolWorker: (o: PoolOptions) => PoolWorker;
  /**
   * Starts spare workers (up to `spares`) like the last one a run took. Call it once a run's result
   * is in, not before: starting processes then would delay that result.
   */
  replenish: () => void;
  /** Kills the waiting spare workers (call after `vitest.close()`). */
  dispose: () => void;
}

/** The guarded form of each 'exit' listener vitest adds, so that `off` removes the same function. */
const guarded = new WeakMap<(arg: unknown) => void, (arg: unknown) => void>();

/**
 * vitest's 'exit' listener reports a worker that exits outside a stop as an 'error' event on its
 * runner, which throws when nobody listens — between runs, or once a run is cancelled. A terminal's
 * Ctrl-C reaches the workers too (one foreground process group) and can end one then; the throw
 * would end watch itself before it says "Stopped watching.". During a run vitest listens and
 * reports the exit as usual: only the throw of an unheard report is dropped.
 */
function quietExit(callback: (arg: unknown) => void): (arg: unknown) => void {
  let quiet = guarded.get(callback);
  if (quiet === undefined) {
    quiet = (arg: unknown): void => {
      try {
        callback(arg);
      } catch (error) {
        if (!(error instanceof Error && error.message === 'Worker exited unexpectedly')) throw error;
      }
    };
    guarded.set(callback, quiet);
  }
  return quiet;
}

/** vitest's `pool` option value (`{ name, createPoolWorker }`) plus `dispose`. */
export function warmForks(options: WarmForksOptions = {}): WarmForksPool {
  const spares: Spare[] = [];
  const size = options.spares ?? 2;
  const preload = (options.preload ?? []).map((file) => `--import=${pathToFileURL(file).href}`);
  const start = (entrypoint: string, env: Partial<NodeJS.ProcessEnv>, execArgv: string[]): ChildProcess =>
    fork(entrypoint, [], { env: env as NodeJS.ProcessEnv, execArgv: [...execArgv, ...preload], stdio: 'pipe', serialization: 'advanced' });
  const keyOf = (entrypoint: string, env: Partial<NodeJS.ProcessEnv>, execArgv: string[]): string => JSON.stringify([entrypoint, env, execArgv]);
  /** How the last worker a run took was started: what the spares repeat. */
  let last: { key: string; entrypoint: string; env: Partial<NodeJS.ProcessEnv>; execArgv: string[] } | undefined;

  class WarmForksWorker implements PoolWorker {
    readonly name = 'warm-forks';
    readonly cacheFs = true;
    private child: ChildProcess | undefined;
    private readonly entrypoint: string;
    private readonly env: Partial<NodeJS.ProcessEnv>;
    private readonly execArgv: string[];
    private readonly stdout: NodeJS.WritableStream;
    private readonly stderr: NodeJS.WritableStream;

    constructor(o: PoolOptions) {
      this.entrypoint = path.join(o.distPath, 'workers', 'forks.js');
      this.env = o.env;
      this.execArgv = o.execArgv;
      this.stdout = o.project.vitest.logger.outputStream;
      this.stderr = o.project.vitest.logger.errorStream;
    }

    private get fork(): ChildProcess {
      if (this.child === undefined) throw new Error('warm-forks: the worker was stopped or never started');
      return this.child;
    }

    on(event: string, callback: (arg: unknown) => void): void {
      this.fork.on(event, event === 'exit' ? quietExit(callback) : callback);
    }
    off(event: string, callback: (arg: unknown) => void): void {
      this.fork.off(event, event === 'exit' ? quietExit(callback) : callback);
    }
    send(message: WorkerRequest): void {
      this.fork.send(message);
    }
    deserialize(data: unknown): unknown {
      return data;
    }

    async start(): Promise<void> {
      const key = keyOf(this.entrypoint, this.env, this.execArgv);
      last = { key, entrypoint: this.entrypoint, env: this.env, execArgv: this.execArgv };
      const index = spares.findIndex((s) => s.key === key && s.child.exitCode === null && s.child.signalCode === null);
      this.child = index === -1 ? start(this.entrypoint, this.env, this.execArgv) : spares.splice(index, 1)[0].child;
      this.child.stdout?.pipe(this.stdout, { end: false });
      this.child.stderr?.pipe(this.stderr, { end: false });
    }

    async stop(): Promise<void> {
      const child = this.fork;
      this.child = undefined;
      const exited = new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
      const killer = setTimeout(() => child.kill('SIGKILL'), 2000);
      child.kill();
      await exited;
      clearTimeout(killer);
      child.stdout?.unpipe(this.stdout);
      child.stderr?.unpipe(this.stderr);
    }
  }

  const replenish = (): void => {
    if (last === undefined) return;
    const { key, entrypoint, env, execArgv } = last;
    while (spares.filter((s) => s.key === key).length < size) spares.push({ key, child: start(entrypoint, env, execArgv) });
  };
  const dispose = (): void => {
    for (const spare of spares.splice(0)) spare.child.kill('SIGKILL');
  };
  return { name: 'warm-forks', createPoolWorker: (o) => new WarmForksWorker(o), replenish, dispose };
}
