/**
 * What a grader file uses: `const ex = gradeExercise('exercise-01')`, then `ex.part('B', () => …)`
 * with `ex.test(…)` and `ex.property(…)` inside, calling the student's code through `ex.call(…)`
 * and the hidden reference through `ex.reference`.
 *
 * The student's code runs in its own process (see sandbox/); this module turns what comes back
 * into verdicts, adds the counterexample, seed, replay command and hint to every failure, and
 * never branches on the backend: each vitest project grades one backend with the same tests.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, type TestContext, test } from 'vitest';
import type { BackendName } from './backends/detect.ts';
import { findExercise, type Exercise, type Part } from './course.ts';
import { type FailureHint, GradeFailure, hintCommand, renderSections, type Section } from './failure.ts';
import { formatValue } from './format.ts';
import { repoRoot, solutionsDir, targetDir, shortPath } from './paths.ts';
import { MissingRecording, Reference } from './reference.ts';
import { type FaultKind, RunnerError, SandboxFault } from './sandbox/client.ts';
import { currentBackend, currentSandbox, type StudentProcess } from './sandbox/current.ts';
import { callOp, callRunner } from './sandbox/driver-protocol.ts';
import type { CallReport } from './sandbox/runner.ts';
import { tamperingOf } from './sandbox/tampering.ts';
import type { Hygiene, Thrown, Wire } from './sandbox/wire.ts';
import { propertySeed, replayPath, runSeed } from './seed.ts';
import { describeMutation } from './mutation.ts';
import type { FailureKind } from './results/model.ts';
import './results/meta.ts';
import { gradeTarget } from './settings.ts';

/** How much slower a backend is than cpu at answering one call (shader compilation on SwiftShader). */
const slowdown: Record<BackendName, number> = { cpu: 1, webgpu: 6 };

/** Options of one call of the student's code. */
export interface CallOptions {
  /** Record the tfjs kernels that ran. */
  profile?: boolean;
  /** Milliseconds on cpu before the call counts as hung (scaled for slower backends). Default 5000. */
  timeoutMs?: number;
}

/** Options of a property. */
export interface PropertyOptions<T> {
  /** Cases to try (default 50). */
  numRuns?: number;
  /** The case as labelled sections for the failure message. */
  show: (value: T) => Section[];
  /** Shrink a failing case (default true); turn off for large, realistic cases. */
  shrink?: boolean;
}

/** The test that is being defined, so helpers can name the part in messages. */
let currentPart: Part | undefined;

function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function regexEscape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The message for something the student's code threw. */
export function describeThrown(fn: string, thrown: Thrown): string {
  if (/Remove this line and implement/.test(thrown.message)) {
    return `${fn} is not implemented yet (it still throws '${thrown.message}').`;
  }
  if (!thrown.isError) return `${fn} threw a non-Error value (${thrown.message}); throw an Error with a message instead.`;
  return `${fn} threw ${thrown.name}: ${thrown.message}`;
}

/** The grading API of one exercise, for one backend (the vitest project's). */
export class ExerciseGrader {
  readonly exercise: Exercise;
  readonly backend: BackendName;
  private sandboxInstance: StudentProcess | undefined;
  private referenceInstance: Reference | undefined;

  constructor(id: string) {
    this.exercise = findExercise(id);
    this.backend = currentBackend();
    afterAll(() => currentSandbox().close());
  }

  /** The hidden reference (live solution or sealed recordings). */
  get reference(): Reference {
    this.referenceInstance ??= new Reference(this.exercise);
    return this.referenceInstance;
  }

  /** The student's process for this file's backend, started on first use. */
  get sandbox(): StudentProcess {
    if (this.sandboxInstance === undefined) {
      const target = targetDir();
      const driver = path.join(repoRoot, 'graders', this.exercise.folder, 'driver.ts');
      this.sandboxInstance = currentSandbox();
      this.sandboxInstance.target({
        driver: existsSync(driver) ? driver : undefined,
        entry: path.join(target, this.exercise.folder, this.exercise.files[0]),
        allowSolutions: path.resolve(target) === solutionsDir,
      });
    }
    return this.sandboxInstance;
  }

  /** Declares part `id` (from course.json) as a describe block; parts without tensors run on cpu only. */
  part(id: string, body: () => void): void {
    const part = this.exercise.parts.find((p) => p.id === id);
    if (part === undefined) throw new Error(`${this.exercise.id} has no part ${id} in course.json`);
    const name = `Part ${part.id} · ${part.title}`;
    // Parts without tensors are graded once, on cpu: elsewhere they are not registered at all,
    // so the score table shows '—' for that backend and nothing counts as skipped.
    if (part.tensors !== true && this.backend !== 'cpu') return;
    // The part travels as data (task meta, inherited by every test inside): never read back from the title.
    describe(name, { meta: { exerciseId: this.exercise.id, partId: part.id } }, () => {
      const previous = currentPart;
      currentPart = part;
      try {
        body();
      } finally {
        currentPart = previous;
      }
    });
  }

  /** The first level of the part's hints, shown with every failure; `npm run hint` gives the next. */
  private hint(part: Part | undefined): FailureHint | undefined {
    if (part === undefined) return undefined;
    return { partId: part.id, level: 1, text: part.hints[0], command: hintCommand(this.exercise.id, part.id) };
  }

  private replayCommand(testName: string, extra: Record<string, string>): string {
    const env: string[] = [];
    if (gradeTarget.read() !== 'exercises') env.push(`GRADE_TARGET=${quote(gradeTarget.read())}`);
    if (runSeed() !== 'default') env.push(`GRADE_SEED=${quote(runSeed())}`);
    for (const [key, value] of Object.entries(extra)) env.push(`${key}=${value}`);
    return `${[...env, 'npm test', this.exercise.id, '--', '--project', this.backend, '-t', quote(regexEscape(testName))].join(' ')}`;
  }

  /** A test of the current part; any failure gets the part's hint and is recorded as data. */
  test(name: string, body: () => Promise<void>): void {
    const part = currentPart;
    test(name, async (ctx) => {
      try {
        await body();
      } catch (error) {
        // No sealed answer for this check (another seed): skipped with the notice, never failed.
        if (error instanceof MissingRecording) ctx.skip(error.message);
        throw recorded(ctx, this.asFailure(error).withHint(this.hint(part)));
      }
    });
  }

  /**
   * A property of the current part, checked by fast-check on `numRuns` cases from a seed derived
   * from the run seed and the test's name. A failure shows the shrunk case, the first difference,
   * the seed and path, a command that replays exactly that case, and the hint.
   */
  property<T>(name: string, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>, options: PropertyOptions<T>): void {
    const part = currentPart;
    const testId = `${this.exercise.id} ${part?.id ?? ''} ${name}`;
    test(name, async (ctx) => {
      try {
        await this.checkProperty(ctx, part, name, testId, arbitrary, predicate, options);
      } catch (error) {
        throw error instanceof GradeFailure ? recorded(ctx, error) : error;
      }
    });
  }

  private async checkProperty<T>(
    ctx: TestContext,
    part: Part | undefined,
    name: string,
    testId: string,
    arbitrary: fc.Arbitrary<T>,
    predicate: (value: T) => Promise<void>,
    options: PropertyOptions<T>,
  ): Promise<void> {
    const seed = propertySeed(testId);
    // Cases without a sealed answer are skipped (see MissingRecording); the others are checked.
    let unrecorded: MissingRecording | undefined;
    let checked = 0;
    const path_ = replayPath();
    const sealed = this.referenceInstance?.mode === 'sealed' || !this.hasLiveReference();
    // After a hang or crash, or once shrinking has used its time budget, accept every further
    // case: the shrinker then keeps the smallest failing case found so far instead of paying a
    // timeout (or a shader compilation) for each further attempt.
    let stopShrinking = false;
    let firstFailureAt: number | undefined;
    const shrinkBudgetMs = 2000 * slowdown[this.backend];
    const property = fc.asyncProperty(arbitrary, async (value) => {
      if (stopShrinking) return;
      if (firstFailureAt !== undefined && Date.now() - firstFailureAt > shrinkBudgetMs) {
        stopShrinking = true;
        return;
      }
      try {
        await predicate(value);
        checked++;
      } catch (error) {
        if (error instanceof MissingRecording) {
          unrecorded = error;
          return;
        }
        firstFailureAt ??= Date.now();
        if (error instanceof SandboxFault || (error instanceof GradeFailure && error.fatal)) stopShrinking = true;
        throw error;
      }
    });
    const details = await fc.check(property, {
      seed,
      numRuns: options.numRuns ?? 50,
      path: path_,
      endOnFailure: sealed || options.shrink === false || (path_ !== undefined && !path_.includes(':')) ? true : undefined,
    });
    if (!details.failed && checked === 0 && unrecorded !== undefined) ctx.skip(unrecorded.message);
    if (!details.failed) return;
    if (details.counterexample === null) {
      throw new GradeFailure(`the property could not run (${details.interrupted ? 'interrupted' : 'too many skipped cases'}).`, [], 'grader');
    }
    const failure = this.asFailure(details.errorInstance);
    // A stub or a module that cannot load has no counterexample worth showing.
    if (failure.notImplemented || failure.setup) throw failure.withHint(this.hint(part));
    const [value] = details.counterexample;
    const shrinks = details.numShrinks > 0 ? ` (shrunk ${details.numShrinks} times)` : '';
    throw failure
      .with(
        { label: `Counterexample${shrinks}`, body: `\n${renderSections(options.show(value))}` },
        { label: 'Seed', body: `${seed} (run seed '${runSeed()}'), path ${details.counterexamplePath}, after ${details.numRuns} case(s)` },
        { label: 'Replay exactly this case', body: this.replayCommand(name, { GRADE_PATH: details.counterexamplePath }) },
      )
      .withHint(this.hint(part));
  }

  private hasLiveReference(): boolean {
    try {
      return this.reference.mode === 'live';
    } catch {
      return false;
    }
  }

  /** Turns anything a test threw into a GradeFailure for the student. */
  private asFailure(error: unknown): GradeFailure {
    if (error instanceof GradeFailure) return error;
    if (error instanceof SandboxFault) {
      const sections: Section[] = error.output.trim()
        ? [{ label: 'your code printed (last lines)', body: error.output.trim().split('\n').slice(-12).join('\n') }]
        : [];
      const failure = new GradeFailure(error.message, sections, faultKind[error.kind]);
      failure.fatal = true;
      return failure;
    }
    if (error instanceof RunnerError) return new GradeFailure(error.message);
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return new GradeFailure(`the grader itself failed: ${message} — please report this to your instructor.`, [], 'grader');
  }

  /**
   * Calls `fn` of the student's module and applies the checks every call must pass: it returns
   * (no throw), leaves its inputs untouched, returns fresh storage, leaks no tensors and keeps the
   * backend and kernel registry as they were. Returns the report, with `value` set.
   */
  async call(fn: string, args: Wire[], options: CallOptions = {}): Promise<CallReport & { value: Wire }> {
    const report = await this.rawCall(fn, args, options);
    if (report.thrown !== undefined) throw thrownFailure(fn, report.thrown);
    this.checkHygiene(fn, args, report);
    return report as CallReport & { value: Wire };
  }

  /** Calls `fn` where it must throw; returns what it threw, or fails if it returned. */
  async callExpectingThrow(fn: string, args: Wire[], why: string, options: CallOptions = {}): Promise<Thrown> {
    const report = await this.rawCall(fn, args, options);
    if (report.thrown === undefined) {
      throw new GradeFailure(`${fn} returned instead of throwing ${why}.`, [{ label: 'it returned', body: formatValue(report.value) }]);
    }
    if (isStub(report.thrown)) throw thrownFailure(fn, report.thrown);
    this.checkHygiene(fn, args, report);
    return report.thrown;
  }

  /**
   * Reads a non-function export of the student's module (e.g. `verdicts`, `answers`) as plain
   * data. Fails with a clear message when it is missing or unreadable.
   */
  async readExport(name: string): Promise<Wire> {
    try {
      return await this.sandbox.request('read', { name }, { timeoutMs: 5000 * slowdown[this.backend], label: `reading ${name}` });
    } catch (error) {
      if (error instanceof RunnerError) throw new GradeFailure(`could not read the export ${name}: ${error.message}`);
      throw error;
    }
  }

  /**
   * Runs an op of this exercise's driver (graders/<folder>/driver.ts, run in the student's
   * process) and returns its answer. Runner errors become failures naming the op.
   */
  async driver(op: string, payload: Wire, options: { timeoutMs?: number; label?: string } = {}): Promise<Wire> {
    const timeoutMs = (options.timeoutMs ?? 5000) * slowdown[this.backend];
    const label = options.label ?? op;
    try {
      const { value, hygiene } = await this.sandbox.requestWithHygiene(op, payload, { timeoutMs, label });
      this.checkTampering(label, hygiene);
      return value;
    } catch (error) {
      if (error instanceof RunnerError) {
        this.checkTampering(label, error.hygiene);
        const t = error.thrown;
        if (isStub(t)) throw thrownFailure(options.label ?? op, t);
        throw new GradeFailure(
          `${options.label ?? op}: ${t.isError ? `${t.name}: ${t.message}` : `a non-Error value was thrown (${t.message})`}`,
          stackSection(t),
          'threw',
        );
      }
      throw error;
    }
  }

  /** One call, reporting rather than judging a throw. */
  async rawCall(fn: string, args: Wire[], options: CallOptions = {}): Promise<CallReport> {
    const timeoutMs = (options.timeoutMs ?? 5000) * slowdown[this.backend];
    const report = await callRunner(this.sandbox, callOp, { fn, args, profile: options.profile }, { timeoutMs, label: fn });
    if (report.thrown?.unreadable) throw new GradeFailure(`${fn}: ${report.thrown.message}.`, [], 'threw');
    return report;
  }

  /** Fails (and restarts the student's process) when a call tampered with its environment. */
  private checkTampering(what: string, hygiene: Hygiene | undefined): void {
    if (hygiene === undefined) return;
    const tampering = tamperingOf(hygiene, this.backend, ` while grading ${this.backend}`);
    if (tampering.length > 0) {
      // Give the next test a clean process: the tampering may persist in this one.
      this.sandbox.restart();
      throw new GradeFailure(
        `${what} ${tampering.join('; ')}: graded code may not start processes, write files, register kernels or switch backends.`,
        [],
        'tampered',
      );
    }
  }

  private checkHygiene(fn: string, args: Wire[], report: CallReport): void {
    this.checkTampering(fn, report);
    const mutation = describeMutation(args, report.inputsAfter);
    if (mutation !== undefined) throw new GradeFailure(`${fn} changed its input: ${mutation}. Inputs must never be modified; work on a copy.`, [], 'mutated');
    if (report.aliased) throw new GradeFailure(`${fn} returned an ndarray that shares storage with an input; return new storage.`, [], 'aliased');
    if (report.leaked > 0) {
      throw new GradeFailure(
        `${fn} left ${report.leaked.toLocaleString('en')} tensor${report.leaked === 1 ? '' : 's'} allocated: wrap the work in tf.tidy() or dispose intermediate tensors.`,
        [],
        'leaked',
      );
    }
  }

  /** Where the student's entry file is, for messages. */
  get entryPath(): string {
    return shortPath(path.join(targetDir(), this.exercise.folder, this.exercise.files[0]));
  }
}

function isStub(thrown: Thrown): boolean {
  return /Remove this line and implement/.test(thrown.message);
}

/**
 * The failure for a student's function that threw: not implemented yet (kind 'stub', no sections)
 * or threw (kind 'threw', with the student's first stack lines as "where").
 *
 * @example throw thrownFailure('getFilters', report.thrown) // "getFilters threw TypeError: …"
 */
export function thrownFailure(fn: string, thrown: Thrown): GradeFailure {
  const stub = isStub(thrown);
  return new GradeFailure(describeThrown(fn, thrown), stub ? [] : stackSection(thrown), stub ? 'stub' : 'threw');
}

/** How each way the student's process can fail is reported. */
const faultKind: Record<FaultKind, FailureKind> = { compile: 'compile', load: 'setup', start: 'setup', timeout: 'hung', memory: 'hung', exit: 'crashed' };

/** Records the failure as data in the test's meta (serialised to the reporter with the result), then returns it to be thrown. */
function recorded(ctx: TestContext, failure: GradeFailure): GradeFailure {
  ctx.task.meta.failure = failure.data;
  return failure;
}

function stackSection(thrown: Thrown): Section[] {
  if (!thrown.stack) return [];
  const lines = thrown.stack.split('\n').filter((l) => !/node:internal|sandbox\/runner|\.grade\/build\/runner/.test(l));
  return lines.length > 0
    ? [
        {
          label: 'where',
          body: lines
            .slice(0, 3)
            .map((l) => l.trim())
            .join('\n'),
        },
      ]
    : [];
}

/** The grader of exercise `id` (e.g. 'exercise-01') for this vitest project's backend. */
export function gradeExercise(id: string): ExerciseGrader {
  return new ExerciseGrader(id);
}
