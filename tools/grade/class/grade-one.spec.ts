/**
 * A slow or crashing exercise costs only its own points: when the run of every exercise does not
 * finish, each is graded alone with its own budget, and the note says which one timed out or
 * crashed. The gradings are stand-ins here (the real ones are in grade-class.spec.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCourse } from '../../../graders/support/course.ts';
import type { RunResult } from '../../../graders/support/results/model.ts';
import { gradeOne } from './grade-one.ts';
import type { IsolatedOptions, IsolatedRun } from './run-isolated.ts';

const course = parseCourse(readFileSync(new URL('../exports/fixtures/course.json', import.meta.url), 'utf8'));
const dir = mkdtempSync(path.join(tmpdir(), 'grade-one-spec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const [folder, file] of [
  ['exercise-01-sums', 'sums.ts'],
  ['exercise-02-quiz', 'answers.ts'],
]) {
  mkdirSync(path.join(dir, 'ada', folder), { recursive: true });
  writeFileSync(path.join(dir, 'ada', folder, file), 'export {};\n');
}

function result(target: string, ids: string[], score: number): RunResult {
  return {
    target,
    exercises: ids.map((id) => ({ id, title: id, score, maxScore: 5, parts: [] })),
    errors: [],
    counts: { passed: 1, failed: 0, skipped: 0 },
    graders_modified: [],
    durationMs: 1,
  } as unknown as RunResult;
}

/** A stand-in grading: what each set of exercises does, by their ids joined with ','. */
function stub(behaviour: Record<string, 'timeout' | 'crash' | number>, calls: string[]): (o: IsolatedOptions) => Promise<IsolatedRun> {
  return async (o) => {
    const key = o.exercises.join(',');
    calls.push(`${key} within ${o.timeoutMs} ms`);
    const what = behaviour[key];
    const base = { runId: key, exitCode: 1, tail: `oops in ${o.target}/exercise-01-sums/sums.ts\n`, durationMs: 5, timedOut: false, result: undefined };
    if (what === 'timeout') return { ...base, exitCode: null, timedOut: true };
    if (what === 'crash' || what === undefined) return base;
    return { ...base, exitCode: 0, result: result(o.target, o.exercises, what) };
  };
}

describe('grading one submission, exercise by exercise when needed', () => {
  const submission = { student: 'ada', source: path.join(dir, 'ada'), problem: undefined };

  it('a slow exercise times out alone; the other keeps its score', async () => {
    const calls: string[] = [];
    const run = stub({ 'exercise-01,exercise-02': 'timeout', 'exercise-01': 'timeout', 'exercise-02': 4 }, calls);
    const outcome = await gradeOne(submission, course, { budgetMs: 1000, backends: ['cpu'], seed: 'default', run }, dir, 0);
    expect(calls).toEqual(['exercise-01,exercise-02 within 2000 ms', 'exercise-01 within 1000 ms', 'exercise-02 within 1000 ms']);
    expect(outcome.scores).toEqual({ 'exercise-01': 0, 'exercise-02': 4 });
    expect(outcome.status).toBe('timeout');
    expect(outcome.note).toBe('exercise-01: timed out after 1.0 s and was stopped (0 points)');
    expect(outcome.run?.target).toBe('ada');
  });

  it('a crash is reported where it happened, with paths relative to the student', async () => {
    const run = stub({ 'exercise-01,exercise-02': 'crash', 'exercise-01': 3, 'exercise-02': 'crash' }, []);
    const outcome = await gradeOne(submission, course, { budgetMs: 1000, backends: ['cpu'], seed: 'default', run }, dir, 1);
    expect(outcome.scores).toEqual({ 'exercise-01': 3, 'exercise-02': 0 });
    expect(outcome.status).toBe('crashed');
    expect(outcome.note).toBe('exercise-02: the grading ended without results (exit code 1): oops in exercise-01-sums/sums.ts (0 points)');
    expect(outcome.tail).not.toContain(dir);
  });

  it('when every exercise finishes in one run, nothing is graded twice', async () => {
    const calls: string[] = [];
    const outcome = await gradeOne(
      submission,
      course,
      { budgetMs: 1000, backends: ['cpu'], seed: 'default', run: stub({ 'exercise-01,exercise-02': 7 }, calls) },
      dir,
      2,
    );
    expect(calls).toHaveLength(1);
    expect(outcome.status).toBe('graded');
    expect(outcome.scores).toEqual({ 'exercise-01': 7, 'exercise-02': 7 });
  });

  it("every grading of the submission, retries included, gets the class run's pool of reference answers", async () => {
    const pools: (string | undefined)[] = [];
    const inner = stub({ 'exercise-01,exercise-02': 'crash', 'exercise-01': 3, 'exercise-02': 4 }, []);
    const run = (o: IsolatedOptions): Promise<IsolatedRun> => {
      pools.push(o.answersDir);
      return inner(o);
    };
    await gradeOne(submission, course, { budgetMs: 1000, backends: ['cpu'], seed: 'default', answersDir: '/tmp/class-answers', run }, dir, 3);
    expect(pools).toEqual(['/tmp/class-answers', '/tmp/class-answers', '/tmp/class-answers']);
  });
});
