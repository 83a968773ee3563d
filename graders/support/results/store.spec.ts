import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunResult } from './model.ts';
import { partResult, runResult } from './run-fixture.ts';
import { readRunResult } from './schema.ts';
import { sliceRun } from './slice.ts';
import { readStoreEntry, recordRun, storedExercises, storeFile } from './store.ts';

function run(ids: string[], options: { filtered?: boolean; errors?: string[]; score?: number } = {}): RunResult {
  return runResult(
    ids.map((id) => ({ id, title: id, score: options.score ?? 2, maxScore: 4, parts: [partResult('A', 'passed'), partResult('B', 'failed')] })),
    {
      startedAt: '2026-01-01T00:00:00Z',
      durationMs: 1,
      filtered: options.filtered ?? false,
      errors: options.errors ?? [],
      counts: { passed: ids.length, failed: ids.length, skipped: 0 },
    },
  );
}

describe('the result store', () => {
  let root: string | undefined;
  const repo = (): string => (root ??= mkdtempSync(path.join(tmpdir(), 'result-store-')));
  const target = (): string => path.join(repo(), 'exercises');
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
  });

  it('keeps one file per exercise and graded folder, each with that exercise alone', () => {
    recordRun(run(['exercise-01', 'exercise-02']), { target: target(), root: repo() });
    expect(storeFile('exercise-01', target(), repo())).toBe(path.join(repo(), '.grade', 'results', 'exercises', 'exercise-01.json'));
    expect(storedExercises(target(), repo())).toEqual(['exercise-01', 'exercise-02']);
    const { entry } = readStoreEntry('exercise-02', target(), repo());
    expect(entry?.complete?.result.exercises.map((e) => e.id)).toEqual(['exercise-02']);
    expect(entry?.complete?.result.counts).toEqual({ passed: 1, failed: 1, skipped: 0 });
    expect(entry?.complete?.gradings).toBe(1);
  });

  it('keeps a filtered run apart: the complete grading stays, and a later complete run replaces both', () => {
    recordRun(run(['exercise-01'], { score: 2 }), { target: target(), root: repo(), inputs: () => ({ student: 's1' }) });
    recordRun(run(['exercise-01'], { filtered: true, score: 0 }), { target: target(), root: repo(), inputs: () => ({ student: 's2' }) });
    const after = readStoreEntry('exercise-01', target(), repo()).entry;
    expect(after?.complete?.result.exercises[0].score).toBe(2);
    expect(after?.complete?.inputs).toEqual({ student: 's1' });
    expect(after?.filtered?.result.filtered).toBe(true);
    expect([after?.complete?.gradings, after?.filtered?.gradings]).toEqual([1, 1]);
    // A filtered run is never a cache hit: it has no inputs.
    expect(after?.filtered?.inputs).toBeUndefined();
    recordRun(run(['exercise-01'], { score: 4 }), { target: target(), root: repo() });
    const again = readStoreEntry('exercise-01', target(), repo()).entry;
    expect(again?.complete?.result.exercises[0].score).toBe(4);
    expect(again?.complete?.gradings).toBe(2);
    expect(again?.filtered).toBeUndefined();
  });

  it('reads a corrupted, foreign or old file as a note, never an exception', () => {
    const file = storeFile('exercise-01', target(), repo());
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '{ "schemaVersion": 1, "exer');
    expect(readStoreEntry('exercise-01', target(), repo())).toMatchObject({
      note: expect.stringMatching(/^the stored result of exercise-01 could not be used/),
    });
    writeFileSync(file, JSON.stringify({ schema: 'cnn-course/grade-cache/v1', exercise: 'exercise-01' }));
    expect(readStoreEntry('exercise-01', target(), repo()).note).toMatch(/expected a result store file of schemaVersion 1, got schemaVersion null/);
    recordRun(run(['exercise-02']), { target: target(), root: repo() });
    writeFileSync(file, readFileSync(storeFile('exercise-02', target(), repo()), 'utf8'));
    expect(readStoreEntry('exercise-01', target(), repo()).note).toMatch(/expected the results of exercise-01, got those of exercise-02/);
    const stored = JSON.parse(readFileSync(storeFile('exercise-02', target(), repo()), 'utf8'));
    stored.complete.result.schemaVersion = 1;
    writeFileSync(storeFile('exercise-02', target(), repo()), JSON.stringify(stored));
    expect(readStoreEntry('exercise-02', target(), repo()).note).toMatch(/a result of schemaVersion 1; this course reads schemaVersion 2/);
  });

  it('names folders outside the repository by a hash, never by their path', () => {
    const outside = path.join(tmpdir(), 'somewhere', 'else');
    expect(path.basename(path.dirname(storeFile('exercise-01', outside, repo())))).toMatch(/^outside-[0-9a-f]{12}$/);
  });
});

describe('sliceRun', () => {
  it('narrows a run to one exercise and recounts; run-wide errors stay', () => {
    const both = run(['exercise-01', 'exercise-02'], { errors: ['unhandled error: x'] });
    const one = sliceRun(both, 'exercise-02');
    expect(one?.exercises.map((e) => e.id)).toEqual(['exercise-02']);
    expect(one?.counts).toEqual({ passed: 1, failed: 1, skipped: 0 });
    expect(one?.errors).toEqual(['unhandled error: x']);
    expect(sliceRun(both, 'exercise-03')).toBeUndefined();
  });
});

describe('readRunResult (the versioned result schema)', () => {
  it('accepts a result of the current version, as it is', () => {
    const value = JSON.parse(JSON.stringify(run(['exercise-01'])));
    expect(readRunResult(value, 'r.json')).toEqual(value);
  });

  it('refuses another version, or none, with an Error naming both', () => {
    expect(() => readRunResult({ ...run([]), schemaVersion: 3 }, 'r.json')).toThrow(
      'r.json: a result of schemaVersion 3; this course reads schemaVersion 2 only — grade again to write a current one.',
    );
    expect(() => readRunResult({ schema: 'cnn-course/result/v1' }, 'old.json')).toThrow(/^old\.json: a file without a schemaVersion/);
    expect(() => readRunResult(null, 'null.json')).toThrow(/without a schemaVersion/);
  });

  it('refuses a malformed result naming the broken field', () => {
    const broken = run(['exercise-01']) as unknown as { exercises: { parts: { tests: { status: string }[] }[] }[] };
    broken.exercises[0].parts[0].tests[0].status = 'maybe';
    expect(() => readRunResult(broken, 'r.json')).toThrow(/^r\.json: not a valid result of schemaVersion 2: exercises\.0\.parts\.0\.tests\.0\.status: /);
    const kind = { ...run(['exercise-01']) };
    kind.exercises[0].parts[1].tests[0] = { ...kind.exercises[0].parts[1].tests[0], failure: { kind: 'odd' as 'wrong', summary: 's', sections: [] } };
    expect(() => readRunResult(kind, 'r.json')).toThrow(/failure\.kind/);
  });
});
