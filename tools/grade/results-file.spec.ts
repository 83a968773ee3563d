import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCourse } from '../../graders/support/course.ts';
import { readRunResult } from '../../graders/support/results/schema.ts';
import { recordRun } from '../../graders/support/results/store.ts';
import { readRun, storedRun } from './results-file.ts';

const fixtures = new URL('./exports/fixtures/', import.meta.url);
const course = parseCourse(readFileSync(new URL('course.json', fixtures), 'utf8'));
/** A run of exercise-01 and exercise-02 (the golden 'fail' case). */
const fail = readRunResult(JSON.parse(readFileSync(new URL('fail/input.json', fixtures), 'utf8')).run, 'fail/input.json');

describe('where the exports read a grade', () => {
  let root: string | undefined;
  const repo = (): string => (root ??= mkdtempSync(path.join(tmpdir(), 'results-file-')));
  const target = (): string => path.join(repo(), 'exercises');
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
  });

  it('refuses a filtered results file, saying what to run instead', () => {
    const file = path.join(repo(), 'filtered.json');
    writeFileSync(file, JSON.stringify({ ...fail, filtered: true }));
    const { run, problem } = readRun(file);
    expect(run).toBeUndefined();
    expect(problem).toMatch(/holds a filtered run .* not a grade: grade every test \(npm test <exercise>\)/);
    writeFileSync(file, JSON.stringify(fail));
    expect(readRun(file).run?.exercises.map((e) => e.id)).toEqual(['exercise-01', 'exercise-02']);
  });

  it("reads the store's last complete grading of each exercise, never a later filtered run", () => {
    recordRun(fail, { target: target(), root: repo() });
    const replay = { ...fail, filtered: true, exercises: fail.exercises.map((e) => ({ ...e, score: 0 })) };
    recordRun(replay, { target: target(), root: repo() });
    const { run, problems } = storedRun(course, target(), [], repo());
    expect(problems).toEqual([]);
    expect(run?.filtered).toBe(false);
    expect(run?.exercises.map((e) => [e.id, e.score])).toEqual(fail.exercises.map((e) => [e.id, e.score]));
  });

  it('says why an exercise has no grade: only a filtered run, or nothing at all', () => {
    recordRun({ ...fail, filtered: true }, { target: target(), root: repo() });
    const { run, problems } = storedRun(course, target(), ['exercise-01'], repo());
    expect(run).toBeUndefined();
    expect(problems).toEqual([expect.stringMatching(/^the result store's only result of exercise-01 holds a filtered run/)]);
    const empty = storedRun(course, path.join(repo(), 'other'), [], repo());
    expect(empty.problems).toEqual([expect.stringMatching(/^the result store has no result for /)]);
  });
});
