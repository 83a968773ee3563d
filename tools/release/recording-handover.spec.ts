import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Course } from '../../graders/support/course.ts';
import type { ExerciseResult, PartResult } from '../../graders/support/results/model.ts';
import { runResult } from '../../graders/support/results/run-fixture.ts';
import { buildRelease } from './build.ts';
import { checkReference, type Recording } from './record.ts';
import { handOverRecording, peekRecording, takeRecording } from './recording-handover.ts';

const course = { exercises: [{ id: 'exercise-01' }, { id: 'exercise-02' }] } as Course;

function part(id: string, status: PartResult['status'], score: number): PartResult {
  return { id, title: id, score, maxScore: 2, bonus: false, status, backends: [{ backend: 'cpu', status }], tests: [] };
}

function exercise(id: string, parts: PartResult[], error?: string): ExerciseResult {
  return { id, title: id, score: parts.reduce((s, p) => s + p.score, 0), maxScore: 2 * parts.length, parts, ...(error ? { error } : {}) };
}

const full = [exercise('exercise-01', [part('A', 'passed', 2), part('B', 'passed', 2)]), exercise('exercise-02', [part('A', 'passed', 2)])];

/** A recording whose folder exists, graded on `backends`. */
function recording(exercises: ExerciseResult[], backends = ['cpu']): Recording {
  const dir = mkdtempSync(path.join(tmpdir(), 'handover-spec-'));
  return { dir, result: runResult(exercises, { backends: backends.map((name) => ({ name, adapter: name })) }), durationMs: 1, warnings: [] };
}

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the solutions step hands its recording to the release step', () => {
  it('is used when given on the release’s backends, and only once', () => {
    const given = recording(full, ['webgpu', 'cpu']);
    made.push(given.dir);
    handOverRecording(given);
    const taken = takeRecording(['cpu', 'webgpu']);
    expect(taken.recording).toBe(given);
    expect(taken.reason).toBe('reference recorded by the solutions step');
    expect(takeRecording(['cpu', 'webgpu'])).toEqual({ recording: undefined, reason: 'the solutions step did not run' });
  });

  it('can be looked at (by the mutants step) without being taken', () => {
    const given = recording(full);
    made.push(given.dir);
    handOverRecording(given);
    expect(peekRecording()).toBe(given);
    expect(takeRecording(['cpu']).recording).toBe(given);
    expect(peekRecording()).toBeUndefined();
  });

  it('is ignored when its backends differ from the release’s', () => {
    const given = recording(full, ['cpu']);
    made.push(given.dir);
    handOverRecording(given);
    expect(takeRecording(['cpu', 'webgpu'])).toEqual({ recording: undefined, reason: 'the solutions step graded on cpu, the release is on cpu, webgpu' });
    // Still there for a release on its own backends.
    expect(takeRecording(['cpu']).recording).toBe(given);
  });

  it('is ignored when graded with another seed or narrowed', () => {
    const given = recording(full);
    made.push(given.dir);
    handOverRecording({ ...given, result: { ...given.result, seed: 'abc' } });
    expect(takeRecording(['cpu']).recording).toBeUndefined();
    handOverRecording({ ...given, result: { ...given.result, filtered: true } });
    expect(takeRecording(['cpu']).recording).toBeUndefined();
  });

  it('replacing a recording removes the earlier one’s folder', () => {
    const first = recording(full);
    const second = recording(full);
    made.push(first.dir, second.dir);
    handOverRecording(first);
    handOverRecording(second);
    expect(existsSync(first.dir)).toBe(false);
    expect(takeRecording(['cpu']).recording).toBe(second);
  });
});

describe('checkReference: the checks a recording passes, made here or given', () => {
  it('passes full marks, with a grader error beside them as a warning', () => {
    expect(checkReference(course, runResult(full))).toEqual([]);
    const warned = [full[0], exercise('exercise-02', [part('A', 'passed', 2)], 'webgpu: no tests\nstack')];
    expect(checkReference(course, runResult(warned))).toEqual(['exercise-02: the grader reported an error beside its graded parts: webgpu: no tests']);
  });

  it('refuses a lost part or an exercise that did not run, naming each', () => {
    const lost = [exercise('exercise-01', [part('A', 'passed', 2), part('B', 'failed', 0)])];
    expect(() => checkReference(course, runResult(lost))).toThrow(
      'release: the reference solutions must score full marks before a release; they do not:\n  exercise-01 part B: failed (0/2)\n  exercise-02: its grader did not run',
    );
  });

  it('buildRelease refuses a given recording that is not full marks, before writing anything', async () => {
    const given = recording([exercise('exercise-01', [part('A', 'skipped', 0)]), full[1]]);
    made.push(given.dir);
    const out = path.join(given.dir, 'release');
    await expect(buildRelease(course, { out, backends: ['cpu'], recording: given })).rejects.toThrow('exercise-01 part A: skipped (0/2)');
    expect(existsSync(out)).toBe(false);
  });
});
