import { describe, expect, it } from 'vitest';
import type { Course, Part } from '../course.ts';
import type { TestStatus } from './model.ts';
import { scoreRun, type RawTest, type RunMeta } from './score.ts';

function part(id: string, points: number, extra: Partial<Part> = {}): Part {
  return { id, title: `part ${id}`, points, hints: ['nudge', 'more'], ...extra };
}

function course(parts: Part[]): Course {
  return { title: 'T', exercises: [{ id: 'exercise-01', folder: 'exercise-01-x', title: 'X', files: ['x.ts'], parts }] };
}

function test(partId: string | undefined, status: TestStatus, backend = 'cpu', name = `${partId} ${status} ${backend}`): RawTest {
  return { exerciseId: 'exercise-01', partId, name, backend, status, durationMs: 1 };
}

function meta(backends = ['cpu'], extra: Partial<RunMeta> = {}): RunMeta {
  return {
    startedAt: '2026-12-01T00:00:00Z',
    durationMs: 5,
    target: 'solutions',
    seed: 'default',
    backends: backends.map((name) => ({ name, adapter: name })),
    unavailable: [],
    graders_modified: [],
    filtered: false,
    loadErrors: new Map(),
    errors: [],
    ...extra,
  };
}

describe('scoreRun', () => {
  it('gives a part its points only when every test passes on every backend', () => {
    const c = course([part('A', 2), part('B', 3)]);
    const run = scoreRun(c, [test('A', 'passed'), test('A', 'passed', 'webgpu'), test('B', 'passed'), test('B', 'failed', 'webgpu')], meta(['cpu', 'webgpu']));
    const [a, b] = run.exercises[0].parts;
    expect([a.score, a.status]).toEqual([2, 'passed']);
    expect([b.score, b.status]).toEqual([0, 'failed']);
    expect(b.backends).toEqual([
      { backend: 'cpu', status: 'passed' },
      { backend: 'webgpu', status: 'failed' },
    ]);
    expect(run.exercises[0]).toMatchObject({ score: 2, maxScore: 5 });
  });

  it('gives a partial part the share of passing tests, rounded to hundredths', () => {
    const c = course([part('A', 2, { partial: true })]);
    const run = scoreRun(c, [test('A', 'passed', 'cpu', 'one'), test('A', 'failed', 'cpu', 'two'), test('A', 'failed', 'cpu', 'three')], meta());
    expect(run.exercises[0].parts[0]).toMatchObject({ score: 0.67, status: 'failed' });
    expect(run.exercises[0].score).toBe(0.67);
  });

  it('adds bonus points to the score but not to the maximum', () => {
    const c = course([part('A', 4), part('X', 1, { bonus: true })]);
    const run = scoreRun(c, [test('A', 'passed'), test('X', 'passed')], meta());
    expect(run.exercises[0]).toMatchObject({ score: 5, maxScore: 4 });
    expect(run.exercises[0].parts[1]).toMatchObject({ bonus: true, maxScore: 1, score: 1 });
  });

  it('leaves skipped tests out of the share, and a part whose tests were all skipped (or that has none) scores 0 as skipped', () => {
    const c = course([part('A', 3, { partial: true }), part('B', 2), part('C', 1)]);
    const run = scoreRun(c, [test('A', 'passed', 'cpu', 'a1'), test('A', 'skipped', 'cpu', 'a2'), test('B', 'skipped')], meta());
    const [a, b, partC] = run.exercises[0].parts;
    expect([a.score, a.status]).toEqual([3, 'passed']);
    expect([b.score, b.status, b.backends[0].status]).toEqual([0, 'skipped', 'skipped']);
    expect([partC.score, partC.status, partC.tests]).toEqual([0, 'skipped', []]);
    expect(run.counts).toEqual({ passed: 1, failed: 0, skipped: 2 });
  });

  it('reports a test outside any part as an error and scores only the exercises that took part', () => {
    const c: Course = {
      title: 'T',
      exercises: [...course([part('A', 1)]).exercises, { id: 'exercise-02', folder: 'exercise-02-y', title: 'Y', files: ['y.ts'], parts: [part('A', 1)] }],
    };
    const run = scoreRun(
      c,
      [test('A', 'passed'), test(undefined, 'passed', 'cpu', 'stray'), test('Q', 'failed', 'cpu', 'unknown part')],
      meta(['cpu'], { errors: ['boom'] }),
    );
    expect(run.exercises.map((e) => e.id)).toEqual(['exercise-01']);
    expect(run.errors).toEqual(['boom']);
    expect(run.exercises[0].error).toBe(
      "test 'stray' belongs to no part of exercise-01 in course.json\ntest 'unknown part' belongs to no part of exercise-01 in course.json",
    );
    expect(run.exercises[0].score).toBe(1);
  });

  it('includes an exercise whose grader failed to load, with its error and no points', () => {
    const run = scoreRun(course([part('A', 2)]), [], meta(['cpu'], { loadErrors: new Map([['exercise-01', 'SyntaxError: x']]) }));
    expect(run.exercises[0]).toMatchObject({ id: 'exercise-01', score: 0, maxScore: 2, error: 'SyntaxError: x' });
    expect(run.schemaVersion).toBe(2);
  });
});
