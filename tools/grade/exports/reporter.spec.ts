/**
 * GitHub Classroom's own reporter (v1, ported in fixtures/github-reporter, MIT) over the runner
 * results this course writes, compared with the course's own numbers: the stubs, the solutions
 * with the bonus, one part solved, a partial part that earned a fraction, and a grading step that
 * crashed. Runs use the real course.json and the course's own scoring (scoreRun).
 */
import { describe, expect, it } from 'vitest';
import { loadCourse, maxScore, type Course } from '../../../graders/support/course.ts';
import type { RunResult } from '../../../graders/support/results/model.ts';
import { scoreRun, type RawTest } from '../../../graders/support/results/score.ts';
import * as reporter from './fixtures/github-reporter/reporter-v1.mjs';
import { crashedRunnerResult, encodeRunnerResult, toGithubRunner } from './github.ts';
import { points } from '../../../graders/support/results/points.ts';

const course = loadCourse();
const total = course.exercises.reduce((sum, e) => sum + maxScore(e), 0);

/** A run of the whole course where `passes(exercise, part, test)` decides each test. */
function runWhere(passes: (exerciseId: string, partId: string, test: number) => boolean, testsPerPart = 3): RunResult {
  const tests: RawTest[] = course.exercises.flatMap((e) =>
    e.parts.flatMap((p) =>
      Array.from({ length: testsPerPart }, (_, i) => ({
        exerciseId: e.id,
        partId: p.id,
        name: `${p.id} test ${i}`,
        backend: 'cpu',
        status: passes(e.id, p.id, i) ? ('passed' as const) : ('failed' as const),
        durationMs: 1,
        message: 'got 3, expected 6',
      })),
    ),
  );
  return scoreRun(course, tests, {
    startedAt: '2026-12-01T00:00:00Z',
    durationMs: 1,
    target: 'exercises',
    seed: 'default',
    backends: [{ name: 'cpu', adapter: 'cpu' }],
    unavailable: [],
    graders_modified: [],
    filtered: false,
    loadErrors: new Map(),
    errors: [],
  });
}

/** The workflow's environment: one runner per exercise, as the parts steps write them. */
function reporterOver(run: RunResult | undefined, c: Course = course): reporter.RunnerResults[] {
  const env: Record<string, string> = {};
  for (const e of c.exercises)
    env[`${runnerName(e.id).toUpperCase()}_RESULTS`] = encodeRunnerResult(run === undefined ? crashedRunnerResult(c, e.id) : toGithubRunner(run, c, [e.id]));
  return reporter.readRunnerResults(c.exercises.map((e) => runnerName(e.id)).join(','), env);
}

function runnerName(id: string): string {
  return id.replace(/[^A-Za-z0-9]/g, '');
}

/** The course's own numbers: per exercise (bonus included) and the total. */
function courseNumbers(run: RunResult): { rows: number[]; total: number } {
  const rows = course.exercises.map((e) => run.exercises.find((x) => x.id === e.id)?.score ?? 0);
  return { rows, total: Math.round(rows.reduce((s, r) => s + r, 0) * 100) / 100 };
}

const bonusOf = (run: RunResult, id: string): number =>
  run.exercises
    .find((e) => e.id === id)
    ?.parts.filter((p) => p.bonus)
    .reduce((s, p) => s + p.score, 0) ?? 0;

/** Checks every number the reporter shows against the course. */
function expectCourseNumbers(run: RunResult): void {
  const results = reporterOver(run);
  const own = courseNumbers(run);
  // The Points line (what Classroom records) is the course's score, bonus included.
  expect(reporter.pointsLine(results)).toBe(`Points ${points(own.total)}/${total}`);
  // The table and per-runner lines: the course's score per exercise; a bonus cannot show there
  // (the reporter computes passed ÷ tests × max, never above max), so it is counted in Points only.
  const rows = reporter.tableRows(results);
  course.exercises.forEach((e, i) => {
    expect(rows[i][0]).toBe(runnerName(e.id));
    expect(Number(rows[i][1]).toFixed(2)).toBe((own.rows[i] - bonusOf(run, e.id)).toFixed(2));
    expect(rows[i][2]).toBe(maxScore(e));
  });
  const bonus = course.exercises.reduce((s, e) => s + bonusOf(run, e.id), 0);
  expect(Number(rows[rows.length - 1][1]).toFixed(2)).toBe((own.total - bonus).toFixed(2));
  expect(rows[rows.length - 1][2]).toBe(String(total));
  expect(reporter.runnerLines(results)).toEqual(
    course.exercises.map((e, i) => `Total points for ${runnerName(e.id)}: ${(own.rows[i] - bonusOf(run, e.id)).toFixed(2)}/${maxScore(e)}`),
  );
}

describe("GitHub Classroom's reporter (v1) reads the course's score", () => {
  it('the stubs: 0 everywhere', () => {
    const run = runWhere(() => false);
    expectCourseNumbers(run);
    expect(reporter.pointsLine(reporterOver(run))).toBe(`Points 0/${total}`);
  });

  it('the solutions: full marks, and the bonus in the Points line (94/92)', () => {
    const run = runWhere(() => true);
    expectCourseNumbers(run);
    expect(reporter.pointsLine(reporterOver(run))).toBe(`Points ${total + 2}/${total}`);
    expect(reporter.failure(reporterOver(run))).toBeUndefined();
  });

  it('one part solved: exactly its points in the row, not (1 ÷ parts) × max', () => {
    const run = runWhere((e, p) => e === 'exercise-01' && p === 'A');
    expectCourseNumbers(run);
    expect(reporter.tableRows(reporterOver(run))[0][1]).toBe(2);
    expect(reporter.pointsLine(reporterOver(run))).toBe(`Points 2/${total}`);
  });

  it('a partial part that earned a fraction (exercise 02 Part F, 2 of 3 tests) and the bonus alone', () => {
    const run = runWhere(
      (e, p, i) => (e === 'exercise-02' && p === 'F' && i < 2) || (e === 'exercise-01' && p === 'F') || (e === 'exercise-05' && p !== 'q01'),
    );
    expect(run.exercises.find((e) => e.id === 'exercise-02')?.score).toBe(2.67);
    expectCourseNumbers(run);
  });

  it('a grading step that crashed (no result at all) still gives a valid 0 of its points, and the others count', () => {
    const run = runWhere(() => true);
    const env: Record<string, string> = {};
    for (const [i, e] of course.exercises.entries()) {
      env[`${runnerName(e.id).toUpperCase()}_RESULTS`] = encodeRunnerResult(i === 0 ? crashedRunnerResult(course, e.id) : toGithubRunner(run, course, [e.id]));
    }
    const results = reporter.readRunnerResults(course.exercises.map((e) => runnerName(e.id)).join(','), env);
    expect(reporter.pointsLine(results)).toBe(`Points ${total - maxScore(course.exercises[0])}/${total}`);
    expect(reporter.tableRows(results)[0]).toEqual([runnerName(course.exercises[0].id), 0, maxScore(course.exercises[0])]);
    expect(reporter.failure(results)).toBe('Some tests errored.');
  });

  it('an empty result is what broke the reporter (the reason the workflow falls back to crashedRunnerResult)', () => {
    expect(() => reporter.readRunnerResults('exercise01', { EXERCISE01_RESULTS: '' })).toThrow();
  });

  it('a results file for an exercise whose grader could not run: an error worth 0', () => {
    const run = runWhere(() => true);
    const broken = structuredClone(run);
    broken.exercises[1].error = 'SyntaxError: Unexpected token';
    for (const p of broken.exercises[1].parts) Object.assign(p, { status: 'skipped', score: 0, tests: [] });
    broken.exercises[1].score = 0;
    const results = reporterOver(broken);
    expect(reporter.tableRows(results)[1][1]).toBe(0);
    expect(reporter.pointsLine(results)).toBe(`Points ${total + 2 - maxScore(course.exercises[1])}/${total}`);
    expect(results[1].results.status).toBe('error');
  });
});
