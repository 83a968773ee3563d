/**
 * Starts one student process inside both walls (bubblewrap where available, Node's permission
 * model always) and reports when tfjs is ready in it. Used by the {@link Sandbox} (client.ts) and,
 * in watch mode, ahead of time by a spare (spare.ts) — which is why it imports nothing that finds
 * the repository by itself: every path comes in through {@link StartOptions}.
 *
 * @example
 *   const started = startStudentProcess({ backend: 'cpu', root, runner, privateDir, marker: 'run-1' });
 *   const adapter = await started.ready; // 'cpu'
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { mkdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { bwrapArgs } from './bwrap-args.ts';
import { asNobody, useOsSandbox } from './os-sandbox.ts';
import type { Notice } from './wire.ts';

/** Environment variable that marks every student process of a grading run (for cleanup). */
export const sandboxMarker = 'COURSE_SANDBOX';

const startTimeoutMs = 60_000;

export interface StartOptions {
  backend: 'cpu' | 'webgpu';
  /** `VK_ICD_FILENAMES` for webgpu. */
  icd?: string;
  /** Extra folders the process may read (e.g. datasets/). */
  readable?: string[];
  /** Heap limit in MiB (default 1024). */
  memoryMiB?: number;
  /** The repository (its node_modules/ and package.json are readable). */
  root: string;
  /** The runner's bundle (`.grade/build/runner-….mjs`). */
  runner: string;
  /** The grading's private build folder: the process's cwd, readable by it. */
  privateDir: string;
  /** Value of {@link sandboxMarker} in the process's environment. */
  marker: string;
}

/** Why a process never became ready: a message for the student and its last output. */
export class StartFailure extends Error {
  override name = 'StartFailure';
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
  }
}

/** A process on its way up. */
export interface StartedProcess {
  child: ChildProcess;
  /** The adapter it reports ('cpu', 'google swiftshader', …); rejects with {@link StartFailure}. */
  ready: Promise<string>;
  /** Started inside bubblewrap (its exit code then stands for the inner process's signal). */
  underBwrap: boolean;
  privateDir: string;
  options: StartOptions;
}

/** The paths, plus the real path of each that is (or sits under) a symbolic link. */
function withRealPaths(paths: string[]): string[] {
  const out = new Set(paths);
  for (const p of paths) {
    try {
      out.add(realpathSync(p));
    } catch {
      // Not there (yet): nothing to resolve.
    }
  }
  return [...out];
}

/** Starts the process now; `ready` settles once tfjs is set up in it (or it failed to start). */
export function startStudentProcess(options: StartOptions): StartedProcess {
  const { runner, privateDir } = options;
  mkdirSync(privateDir, { recursive: true, mode: 0o755 });
  const visible = [path.join(options.root, 'node_modules'), path.join(options.root, 'package.json'), runner, privateDir, ...(options.readable ?? [])];
  // Node's permission model checks real paths: allow a symlinked node_modules (or datasets) too.
  const readable = withRealPaths(visible);
  const execArgv = [
    '--experimental-permission',
    ...readable.map((p) => `--allow-fs-read=${p}`),
    '--disable-warning=ExperimentalWarning',
    `--max-old-space-size=${options.memoryMiB ?? 1024}`,
    '--enable-source-maps',
  ];
  if (options.backend === 'webgpu') execArgv.push('--allow-addons');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LANG: 'C.UTF-8',
    XDG_RUNTIME_DIR: process.env.XDG_RUNTIME_DIR ?? '/tmp',
    [sandboxMarker]: options.marker,
  };
  if (options.icd) env.VK_ICD_FILENAMES = options.icd;
  const args = [`--backend=${options.backend}`];
  const stdio: ['ignore', 'pipe', 'pipe', 'ipc'] = ['ignore', 'pipe', 'pipe', 'ipc'];
  const os = useOsSandbox();
  // Under bwrap the IPC channel is the inherited fd Node names in NODE_CHANNEL_FD: bwrap keeps it.
  const bound = [...visible, process.execPath, ...(options.icd?.split(path.delimiter) ?? [])];
  const child: ChildProcess = os.available
    ? spawn(
        os.bwrap,
        bwrapArgs({ readable: visible, icd: options.icd, gpu: options.backend === 'webgpu', command: [process.execPath, ...execArgv, runner, ...args] }),
        { env, cwd: privateDir, stdio, serialization: 'advanced', ...asNobody(bound) },
      )
    : fork(runner, args, { execArgv, env, cwd: privateDir, stdio, serialization: 'advanced' });
  child.on('error', () => undefined);
  const ready = waitReady(child, options.backend);
  ready.catch(() => undefined);
  return { child, ready, underBwrap: os.available, privateDir, options };
}

/** Waits for the runner's 'ready' notice (listening from the start, so a spare misses none). */
function waitReady(child: ChildProcess, backend: string): Promise<string> {
  let output = '';
  const capture = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-2000);
  };
  child.stdout?.on('data', capture);
  child.stderr?.on('data', capture);
  return new Promise<string>((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      child.stdout?.off('data', capture);
      child.stderr?.off('data', capture);
    };
    const timer = setTimeout(() => {
      done();
      child.kill('SIGKILL');
      reject(new StartFailure(`the grading process did not start within ${startTimeoutMs / 1000} s`, output));
    }, startTimeoutMs);
    const onMessage = (message: Notice): void => {
      if (!('notice' in message)) return;
      done();
      if (message.notice === 'ready') resolve(message.adapter);
      else {
        child.kill('SIGKILL');
        reject(new StartFailure(`the ${backend} backend failed to start: ${message.message}`, ''));
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      done();
      reject(new StartFailure(`the grading process exited before it was ready (${signal ?? `code ${code}`})`, output));
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
