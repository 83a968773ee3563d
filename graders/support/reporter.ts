/**
 * The course's vitest reporter: prints the header, then — when the run ends — every failure with
 * its explanation, the score table and the closing line, and records the run's {@link RunResult}
 * in the result store (results/store.ts), or, when `GRADE_RESULTS` names a file, writes it there
 * instead (a tool's own run: autograding, class grading, verify). Exports and tools read those,
 * never the terminal, so nothing a submission prints can pass for a result.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Reporter, SerializedError, TestModule, Vitest } from 'vitest/node';
import { loadCourse } from './course.ts';
import { shortPath, targetDir } from './paths.ts';
import { collect } from './results/from-vitest.ts';
import type { RunResult } from './results/model.ts';
import { formatCounts, formatFailures, formatHeader, formatScoreTable } from './results/print.ts';
import { scoreRun } from './results/score.ts';
import { recordRun } from './results/store.ts';
import { runSeed } from './seed.ts';
import { modifiedGraderFiles } from './integrity.ts';
import { hasLiveSolution } from './reference.ts';
import { killSandboxes } from './sandbox/cleanup.ts';
import { sandboxNotice } from './sandbox/os-sandbox.ts';
import { courseWebgpuAdapter, courseWebgpuReason, gradePath, gradeResults, gradeRunId } from './settings.ts';

/** The explicit results file a tool asked for (`GRADE_RESULTS`), or undefined: the run then goes to the store. */
export function explicitResultsFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const file = gradeResults.read(env);
  return file === undefined ? undefined : path.resolve(file);
}

/**
 * Whether a run leaves tests of its exercises unrun: a name filter (-t), a replay (GRADE_PATH),
 * or fewer backends than this machine grades on (`--project cpu` where webgpu works).
 *
 * @example isFilteredRun(undefined, ['cpu'], { COURSE_WEBGPU_ADAPTER: 'SwiftShader' }) → true
 */
export function isFilteredRun(namePattern: RegExp | undefined, backends: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  const available = courseWebgpuAdapter.read(env) !== undefined ? ['cpu', 'webgpu'] : ['cpu'];
  return namePattern !== undefined || gradePath.read(env) !== undefined || available.some((name) => !backends.includes(name));
}

export default class CourseReporter implements Reporter {
  private vitest: Vitest | undefined;
  private startedAt = new Date();
  private backends: { name: string; adapter: string }[] = [];
  private unavailable: { name: string; reason: string }[] = [];

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
    this.startedAt = new Date();
    this.backends = vitest.projects.map((p) => ({
      name: p.name || 'cpu',
      adapter: p.name === 'webgpu' ? (courseWebgpuAdapter.read() ?? 'webgpu') : 'cpu',
    }));
    const reason = courseWebgpuReason.read();
    if (!this.backends.some((b) => b.name === 'webgpu') && reason !== undefined) {
      this.unavailable.push({ name: 'webgpu', reason });
    }
    const modified = modifiedGraderFiles();
    process.stdout.write(`${formatHeader(shortPath(targetDir()), runSeed(), this.backends, this.unavailable)}\n`);
    const notice = sandboxNotice();
    if (notice !== undefined) process.stdout.write(`${notice}\n`);
    if (modified.length > 0) {
      process.stdout.write(`warning: these grading files differ from the release: ${modified.join(', ')}\n`);
    }
    // Checked against data every student has (sealed recordings, salted keys): not a grade of record.
    const shipped = loadCourse().exercises.filter((e) => !hasLiveSolution(e));
    if (shipped.length > 0)
      process.stdout.write(
        `note: without the held-back solutions, ${shipped.map((e) => e.id).join(', ')} are graded against data shipped with the course: these scores are advisory; the grade of record is your instructor's.\n`,
      );
  }

  /** Each run's own start: in watch mode one reporter sees many runs, and onInit only the first. */
  onTestRunStart(): void {
    this.startedAt = new Date();
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError>): void {
    const runId = gradeRunId.read();
    const leftover = runId !== undefined ? killSandboxes(runId) : 0;
    const course = loadCourse();
    const { tests, loadErrors } = collect(course, modules);
    const filtered = isFilteredRun(
      this.vitest?.config.testNamePattern,
      this.backends.map((b) => b.name),
    );
    const run: RunResult = scoreRun(course, tests, {
      startedAt: this.startedAt.toISOString(),
      durationMs: Date.now() - this.startedAt.getTime(),
      target: shortPath(targetDir()),
      seed: runSeed(),
      backends: this.backends,
      unavailable: this.unavailable,
      graders_modified: modifiedGraderFiles(),
      filtered,
      loadErrors,
      errors: [
        ...unhandled.map((e) => `unhandled error: ${e.name ?? 'Error'}: ${e.message}`),
        ...(leftover > 0 ? [`${leftover} student process(es) were still running at the end and were killed`] : []),
      ],
    });
    const file = explicitResultsFile();
    if (file === undefined) recordRun(run, { target: targetDir() });
    else {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(run, null, 2)}\n`);
    }
    const failures = formatFailures(run);
    const out = [failures, formatScoreTable(run), formatCounts(run)].filter((s) => s !== '').join('\n\n');
    process.stdout.write(`\n${out}\n`);
  }
}
