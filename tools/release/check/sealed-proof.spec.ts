import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Exercise } from '../../../graders/support/course.ts';
import type { PartResult, TestResult } from '../../../graders/support/results/model.ts';
import { runResult } from '../../../graders/support/results/run-fixture.ts';
import type { MutantJob } from './mutant-batches.ts';
import { type Asked, fingerprint, readAsked, sealedProof, unsealed } from './sealed-proof.ts';

const exercise = {
  id: 'exercise-01',
  parts: [
    { id: 'A', title: 'outputSize', points: 2 },
    { id: 'B', title: 'correlate2d', points: 2, partial: true },
    { id: 'C', title: 'convolve2d', points: 2 },
  ],
} as Exercise;
const job = (targets: string[]): MutantJob => ({ exercise, name: 'm', definition: { description: 'd', targets, edits: [] } });

/** Part `id` with tests named by their status (`passes`, `fails`), as a run reports them. */
function part(id: string, statuses: TestResult['status'][]): PartResult {
  const tests = statuses.map((status, i) => ({ name: `${status} ${i}`, backend: 'cpu', status, durationMs: 1 }));
  const status = statuses.every((s) => s === 'passed') ? 'passed' : 'failed';
  return { id, title: id, score: status === 'passed' ? 2 : 0, maxScore: 2, bonus: false, status, backends: [{ backend: 'cpu', status }], tests };
}
const run = (...parts: PartResult[]) => runResult([{ id: 'exercise-01', title: '', score: 0, maxScore: 6, parts }]);
const asked = (key: string, test?: string, value = '1'): Asked => ({ key, value, ...(test === undefined ? {} : { test }) });

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('sealed misses', () => {
  it('reads every answer a grading recorded, per exercise, keeping the asking test', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'asked-spec-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'exercise-01.11.jsonl'), `${JSON.stringify({ key: 'k1', value: '1', test: 'Part A · outputSize > t' })}\n`);
    writeFileSync(path.join(dir, 'exercise-01.12.jsonl'), `${JSON.stringify({ key: 'k2', value: '2' })}\n`);
    const read = readAsked(dir);
    expect(
      read
        .get('exercise-01')
        ?.map((a) => a.key)
        .sort(),
    ).toEqual(['k1', 'k2']);
    expect(read.get('exercise-01')?.find((a) => a.key === 'k1')?.test).toBe('Part A · outputSize > t');
    expect(readAsked(path.join(dir, 'none')).size).toBe(0);
  });

  it('counts a key absent from the recording, or held with another value, and not one it holds alike', () => {
    const sealed = new Map([
      ['here', '1'],
      ['other', '2'],
    ]);
    expect(unsealed([asked('here'), asked('absent'), asked('other')], sealed).map((a) => a.key)).toEqual(['absent', 'other']);
  });

  it('counts a miss against the part of the test that asked it', () => {
    const sealed = new Map([['here', '1']]);
    const graded = run(part('A', ['passed']), part('C', ['failed']));
    // A present key in A's passing test proves nothing against it; an absent one does.
    expect(sealedProof(job(['A', 'C']), graded, unsealed([asked('here', 'Part A · outputSize > passed 0')], sealed)).holds).toBe(true);
    expect(sealedProof(job(['A', 'C']), graded, unsealed([asked('absent', 'Part A · outputSize > passed 0')], sealed)).holds).toBe(false);
    expect(sealedProof(job(['A', 'C']), graded, unsealed([asked('absent', 'Part C · convolve2d > failed 0')], sealed)).holds).toBe(true);
  });
});

describe('the proof rule', () => {
  it('holds without misses', () => {
    expect(sealedProof(job(['A']), run(part('A', ['passed'])), [])).toEqual({ holds: true, why: 'no sealed miss', misses: 0 });
  });

  it('fails for a miss in a passing part', () => {
    const proof = sealedProof(job(['A']), run(part('A', ['passed', 'passed'])), [asked('k', 'Part A · outputSize > passed 1')]);
    expect(proof.holds).toBe(false);
    expect(proof.why).toContain("A's passing or skipped test 'passed 1'");
  });

  it('holds for misses in the failing tests of a failing part', () => {
    const proof = sealedProof(job(['C']), run(part('C', ['passed', 'failed'])), [asked('k', 'Part C · convolve2d > failed 1')]);
    expect(proof).toEqual({ holds: true, why: '1 sealed miss(es), each in a failing test', misses: 1 });
  });

  it('fails for a miss in a passing test of a failing part: a partial part would lose that test’s share', () => {
    expect(sealedProof(job(['B']), run(part('B', ['passed', 'failed'])), [asked('k', 'Part B · correlate2d > passed 0')]).holds).toBe(false);
  });

  it('fails for a miss in a skipped test, an unknown test, outside the graded parts or outside any test', () => {
    const graded = run(part('A', ['skipped', 'failed']), part('C', ['failed']));
    for (const test of ['Part A · outputSize > skipped 0', 'Part A · outputSize > renamed', 'Part C · convolve2d > failed 0', undefined]) {
      expect(sealedProof(job(['A']), graded, [asked('k', test)]).holds, String(test)).toBe(false);
    }
  });

  it('fails when a test of that name passed on another backend', () => {
    const both = part('C', ['failed']);
    both.tests.push({ name: 'failed 0', backend: 'webgpu', status: 'passed', durationMs: 1 });
    expect(sealedProof(job(['C']), run(both), [asked('k', 'Part C · convolve2d > failed 0')]).holds).toBe(false);
  });

  it('fails without a result for the exercise', () => {
    expect(sealedProof(job(['A']), undefined, []).holds).toBe(false);
    expect(sealedProof(job(['A']), runResult([]), []).holds).toBe(false);
  });

  it('fails beside a grader error', () => {
    const graded = run(part('A', ['failed']));
    graded.exercises[0].error = 'test x belongs to no part';
    expect(sealedProof(job(['A']), graded, [])).toEqual({ holds: false, why: 'a grader error', misses: 0 });
  });

  it('fingerprints bytes, telling two recordings apart', () => {
    expect(fingerprint(Buffer.from('a'))).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint(Buffer.from('a'))).not.toBe(fingerprint(Buffer.from('b')));
  });
});
