/**
 * The warm half of watch mode: one vitest instance kept alive in the watch process, grading
 * as `npm test <id>` does (same config, graders, reporter and result), but with the next
 * grading's worker already started — Node, vitest's worker runtime, tfjs and the graders' modules
 * in the grader, and a student process (sandboxed, tfjs loaded, no student code yet) waiting in
 * it (tools/lib/watch-preload.ts). A save then pays for bundling the student's files and grading
 * them, not for starting or importing anything. One difference from `npm test`: Node (with tsx's
 * loader) imports the graders, not vite's module runner (vitest's `viteModuleRunner: false`), so
 * that the waiting worker's imports are the ones the grading uses.
 *
 *   const warm = await startWarmGrader({ target, exercise: 'exercise-01' });
 *   const focus = await warm.run({ part: { id: 'B', title: 'correlate2d' } }); // Part B only (filtered)
 *   const full = await warm.run({});                                            // the whole exercise
 *   await warm.close();
 *
 * Every grading still gets a fresh worker and a fresh student process: nothing of one save's
 * grading (student code, a faulted process) is reused for the next.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { register } from 'tsx/esm/api';
import { createVitest, type TestSpecification, type Vitest } from 'vitest/node';
import { findExercise } from '../../graders/support/course.ts';
import { repoRoot, stateDir } from '../../graders/support/paths.ts';
import type { RunResult } from '../../graders/support/results/model.ts';
import { gradePath, gradeResults, gradeTarget } from '../../graders/support/settings.ts';
import { warmForks, type WarmForksPool } from './warm-forks.ts';
import { writeWatchPreload } from './watch-preload.ts';

export interface WarmGraderOptions {
  /** The graded folder (absolute). */
  target: string;
  /** The exercise id, e.g. `exercise-01` (vitest's file filter). */
  exercise: string;
}

export interface WarmRun {
  /** The run's result; undefined when the reporter wrote none (vitest itself failed). */
  result: RunResult | undefined;
  durationMs: number;
  /** What the run printed (header, score table): kept for a crashed run's one-line report. */
  output: string;
}

export interface WarmGrader {
  /**
   * Grades the exercise as it is on disk now; with `part`, only that part's tests (a filtered
   * run: its result is never a grade, the caller shows it and grades everything next).
   */
  run(options: { part?: { id: string; title: string } }): Promise<WarmRun>;
  /** Starts the workers the next gradings take (a run that grades nothing), so the first save is warm too. */
  prime(): Promise<void>;
  /** Stops a run in progress (its promise then settles with what vitest reported). */
  cancel(): Promise<void>;
  /** Stops vitest and every waiting worker and student process. */
  close(): Promise<void>;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Runs `job` with process.stdout going to `sink`: the course's reporter prints there, and that is not the student's screen. */
async function quiet<T>(sink: Writable, job: () => Promise<T>): Promise<T> {
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array) => sink.write(chunk)) as typeof process.stdout.write;
  try {
    return await job();
  } finally {
    process.stdout.write = write;
  }
}

/** Starts vitest (no grading yet) with a warm worker pool for `options.exercise`. */
export async function startWarmGrader(options: WarmGraderOptions): Promise<WarmGrader> {
  const dir = path.join(stateDir, 'watch', `${process.pid}-${randomUUID().slice(0, 8)}`);
  mkdirSync(dir, { recursive: true });
  const resultsFile = path.join(dir, 'result.json');
  // Workers inherit this process's environment: the graded folder (as the student set it, when it
  // is that folder, so failures print the student's own replay command) and where the result goes.
  if (path.resolve(repoRoot, gradeTarget.read()) !== path.resolve(options.target)) process.env[gradeTarget.name] = options.target;
  process.env[gradeResults.name] = resultsFile;
  // A replay of one case (GRADE_PATH) would grade one case only.
  delete process.env[gradePath.name];
  const pool: WarmForksPool = warmForks({ preload: await writeWatchPreload(dir, findExercise(options.exercise)) });
  // vitest's own output (and the workers') is not the student's screen: the course's reporter
  // writes the result file, which is what watch shows.
  let output = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      output = (output + chunk.toString()).slice(-20_000);
      done();
    },
  });
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const ours = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  // Node imports the graders (tsx), not vite's module runner: the waiting worker has imported them
  // already. This process then imports the reporter natively too, through tsx's loader.
  register();
  const experimental = { viteModuleRunner: false, nodeLoader: false };
  const vitest: Vitest = await createVitest('test', { watch: false, root: repoRoot, pool, experimental } as never, {}, { stdout: sink, stderr: sink });
  // Reporters' onInit (the course reporter learns the backends here), its header kept off screen.
  await quiet(sink, () => vitest.standalone());
  // vitest's logger exits the process on Ctrl-C; watch stops by itself (cancels, closes, says so).
  for (const signal of signals) for (const listener of process.listeners(signal)) if (!ours.get(signal)?.has(listener)) process.off(signal, listener);
  const specs: TestSpecification[] = await vitest.getRelevantTestSpecifications([options.exercise]);
  if (specs.length === 0) throw new Error(`watch: expected a grader file matching '${options.exercise}', found none`);

  let closed = false;
  /** One vitest run at a time: a prime and a grading never overlap. */
  let queue: Promise<unknown> = Promise.resolve();
  /** `replenish`: start the next workers afterwards; not after a focused run, so they do not slow the full one that follows. */
  const runOnce = async (pattern: RegExp | undefined, allTests: boolean, replenish: boolean): Promise<WarmRun> => {
    if (pattern === undefined) vitest.resetGlobalTestNamePattern();
    else vitest.setGlobalTestNamePattern(pattern);
    rmSync(resultsFile, { force: true });
    output = '';
    const started = Date.now();
    try {
      await quiet(sink, () => vitest.runTestSpecifications(specs, allTests));
    } finally {
      // The next gradings' workers start once the caller has shown this result (its own continuation runs first).
      setImmediate(() => {
        if (replenish && !closed) pool.replenish();
      });
    }
    let result: RunResult | undefined;
    try {
      result = JSON.parse(readFileSync(resultsFile, 'utf8')) as RunResult;
    } catch {
      result = undefined;
    }
    return { result, durationMs: Date.now() - started, output };
  };
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job, job);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    run: ({ part }) =>
      serial(() =>
        runOnce(part === undefined ? undefined : new RegExp(escapeRegExp(`Part ${part.id} · ${part.title}`)), part === undefined, part === undefined),
      ),
    prime: () => serial(() => runOnce(/(?!)/, false, true)).then(() => undefined),
    cancel: () => vitest.cancelCurrentRun('keyboard-input'),
    async close() {
      closed = true;
      await vitest.close();
      pool.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
