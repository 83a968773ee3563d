/**
 * Benchmark only: the student's code in the grader's own process (`GRADE_ISOLATION=off`), to
 * measure what isolation costs. It has none of the protections — no time limits, no crash
 * containment, no permission model — so never grade real submissions with it.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { solutionsDir, stateDir } from '../paths.ts';
import { bundle, bundleCached } from './bundle.ts';
import { RunnerError, type RequestOptions, type SandboxTarget } from './client.ts';
import { createRunner, prepareInProcess, type Runner } from './runner.ts';
import type { Wire } from './wire.ts';

const buildDir = path.join(stateDir, 'build');

/** The same interface as {@link Sandbox}, in-process. */
export class InProcessSandbox {
  private runner: Runner | undefined;
  private loaded: Promise<void> | undefined;
  private targetInfo: SandboxTarget | undefined;
  private student: string | undefined;
  private nextId = 1;
  adapter = 'cpu (in-process)';

  constructor(private readonly backend: string) {}

  warm(): void {}

  target(target: SandboxTarget): void {
    this.targetInfo = target;
  }

  restart(): void {}

  async close(): Promise<void> {
    if (this.student !== undefined) rmSync(this.student, { force: true });
  }

  async requestWithHygiene(op: string, payload: Wire, options: RequestOptions): Promise<{ value: Wire }> {
    return { value: await this.request(op, payload, options) };
  }

  async request(op: string, payload: Wire, _options: RequestOptions): Promise<Wire> {
    this.loaded ??= this.load();
    await this.loaded;
    const response = await this.runner!.handle({ id: this.nextId++, op, payload });
    if (!response.ok) throw new RunnerError(response.thrown);
    return response.value;
  }

  private async load(): Promise<void> {
    const target = this.targetInfo!;
    mkdirSync(buildDir, { recursive: true });
    this.student = path.join(buildDir, `student-inprocess-${process.pid}-${Date.now()}.mjs`);
    const forbidden = target.allowSolutions ? [] : [{ dir: solutionsDir, reason: 'importing the hidden reference solutions is not allowed (flagged)' }];
    await bundle({ entry: target.entry, outfile: this.student, forbidden });
    let driver: string | null = null;
    if (target.driver !== undefined) driver = bundleCached(target.driver, buildDir, 'driver');
    await prepareInProcess(this.backend);
    this.runner = createRunner(this.backend);
    for (const [op, payload] of [
      ['configure', { driver, student: this.student }],
      ['load', null],
    ] as const) {
      const response = await this.runner.handle({ id: this.nextId++, op, payload });
      if (!response.ok) throw new RunnerError(response.thrown);
    }
  }
}
