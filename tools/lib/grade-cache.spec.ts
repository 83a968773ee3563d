import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { RunResult } from '../../graders/support/results/model.ts';
import { cacheFile, cacheSchema, lookup, sliceRun, storeEntry, type CacheEntry, type CacheInputs } from './grade-cache.ts';

const inputs: CacheInputs = { target: '/repo/exercises', student: 's1', graders: 'g1', backends: 'cpu', seed: 'default' };

function run(ids: string[], errors: string[] = []): RunResult {
  const part = (id: string, status: 'passed' | 'failed') => ({
    id,
    title: id,
    score: status === 'passed' ? 2 : 0,
    maxScore: 2,
    bonus: false,
    status,
    backends: [{ backend: 'cpu', status }],
    tests: [{ name: `t${id}`, backend: 'cpu', status, durationMs: 1 }],
  });
  return {
    schema: 'cnn-course/result/v1',
    startedAt: '2026-01-01T00:00:00Z',
    durationMs: 1,
    target: 'exercises',
    seed: 'default',
    backends: [{ name: 'cpu', adapter: 'cpu' }],
    unavailable: [],
    filtered: false,
    graders_modified: [],
    exercises: ids.map((id) => ({ id, title: id, score: 2, maxScore: 4, parts: [part('A', 'passed'), part('B', 'failed')] })),
    errors,
    counts: { passed: ids.length, failed: ids.length, skipped: 0 },
  };
}

function entry(over: Partial<CacheInputs> = {}): CacheEntry {
  return {
    schema: cacheSchema,
    exercise: 'exercise-01',
    inputs: { ...inputs, ...over },
    gradings: 3,
    gradedAt: '2026-01-01T00:00:00Z',
    result: sliceRun(run(['exercise-01']), 'exercise-01')!,
  };
}

describe('grade cache', () => {
  let dir: string | undefined;
  const file = (): string => path.join((dir ??= mkdtempSync(path.join(tmpdir(), 'grade-cache-'))), 'exercise-01.json');
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  test('an entry graded from the same inputs is fresh; a missing one is missing', () => {
    expect(lookup(file(), 'exercise-01', inputs)).toEqual({ state: 'missing' });
    storeEntry(file(), entry());
    expect(lookup(file(), 'exercise-01', inputs)).toMatchObject({ state: 'fresh', entry: { gradings: 3 } });
  });

  test('each changed input makes it stale and says why', () => {
    storeEntry(file(), entry());
    expect(lookup(file(), 'exercise-01', { ...inputs, student: 's2' })).toMatchObject({ state: 'stale', reasons: ['your files changed'] });
    expect(lookup(file(), 'exercise-01', { ...inputs, graders: 'g2', backends: 'cpu, webgpu (x)' })).toMatchObject({
      state: 'stale',
      reasons: ['the grading files changed', 'the backends changed'],
    });
    expect(lookup(file(), 'exercise-01', { ...inputs, seed: 'other' })).toMatchObject({ state: 'stale', reasons: ['the run seed changed'] });
  });

  test('GRADE_SEED=random never reuses a result', () => {
    storeEntry(file(), entry({ seed: 'random' }));
    expect(lookup(file(), 'exercise-01', { ...inputs, seed: 'random' }).state).toBe('stale');
  });

  test('a corrupted or foreign file is unreadable, with a note, never an exception', () => {
    writeFileSync(file(), '{ "schema": "cnn-course/grade-cache/v1", "exer');
    const corrupted = lookup(file(), 'exercise-01', inputs);
    expect(corrupted).toMatchObject({ state: 'unreadable' });
    expect(corrupted.state === 'unreadable' && corrupted.note).toMatch(/^the cached result of exercise-01 was unreadable \(.+\); grading it again$/);
    writeFileSync(file(), JSON.stringify({ ...entry(), schema: 'something/else' }));
    expect(lookup(file(), 'exercise-01', inputs)).toMatchObject({ state: 'unreadable' });
    writeFileSync(file(), JSON.stringify({ ...entry(), exercise: 'exercise-02' }));
    expect(lookup(file(), 'exercise-01', inputs)).toMatchObject({ state: 'unreadable' });
  });

  test('sliceRun keeps one exercise, recounts its tests and drops errors naming another', () => {
    const both = run(['exercise-01', 'exercise-02'], ['unhandled error: x', "test 'y' of exercise-02 belongs to no part in course.json"]);
    const one = sliceRun(both, 'exercise-01')!;
    expect(one.exercises.map((e) => e.id)).toEqual(['exercise-01']);
    expect(one.counts).toEqual({ passed: 1, failed: 1, skipped: 0 });
    expect(one.errors).toEqual(['unhandled error: x']);
    expect(sliceRun(both, 'exercise-03')).toBeUndefined();
  });

  test('one cache folder per graded folder', () => {
    expect(cacheFile('exercise-01', '/repo/exercises', '/repo')).toBe('/repo/.grade/cache/exercises/exercise-01.json');
    expect(cacheFile('exercise-01', '/repo/.grade/mutants/x', '/repo')).toBe('/repo/.grade/cache/.grade~mutants~x/exercise-01.json');
    expect(cacheFile('exercise-01', '/elsewhere/alice', '/repo')).toMatch(/^\/repo\/\.grade\/cache\/outside-[0-9a-f]{12}\/exercise-01\.json$/);
  });
});
