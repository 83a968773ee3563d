import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnswerPool, identical, roundTrips } from './answers.ts';
import { toCanonical } from './canonical.ts';
import { findExercise, loadCourse } from './course.ts';
import { Reference } from './reference.ts';
import type { Wire } from './sandbox/wire.ts';

const dirs: string[] = [];
function pool(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'answers-spec-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  vi.unstubAllEnvs();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const tensorCase: Wire = {
  x: { $tensor: { shape: [3], dtype: 'float32', data: Float32Array.of(-0, Number.NaN, 1.5) } },
  options: { stride: 2, padding: undefined },
};

describe('identical and roundTrips: when canonical text gives the same value back', () => {
  it('tells -0 from 0, one typed array kind from another, holes, key order and class instances apart', () => {
    expect(identical({ a: [Number.NaN, -0] }, { a: [Number.NaN, -0] })).toBe(true);
    expect(identical([-0], [0])).toBe(false);
    expect(identical(Float32Array.of(1), Float64Array.of(1))).toBe(false);
    expect(identical(Float64Array.of(1, 2).subarray(1), Float64Array.of(2))).toBe(true);
    // biome-ignore lint/suspicious/noSparseArray: a hole is what is compared
    expect(identical([, 1], [undefined, 1])).toBe(false);
    expect(identical({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(identical(new Map(), {})).toBe(false);
    expect(identical(undefined, null)).toBe(false);
  });

  it('holds for wire data (typed arrays keep -0 and NaN, undefined is kept) and fails where the text loses something', () => {
    expect(roundTrips(tensorCase)).toBe(true);
    expect(roundTrips({ $threw: 'Expected a 2-D array, got 3-D' })).toBe(true);
    expect(roundTrips([Number.POSITIVE_INFINITY, 0.1, 1e-310])).toBe(true);
    expect(roundTrips([-0])).toBe(false);
    expect(roundTrips({ $u: 1 } as unknown as Wire)).toBe(false);
    expect(roundTrips({ $n: 'NaN' } as unknown as Wire)).toBe(false);
    expect(roundTrips(Int16Array.of(1) as unknown as Wire)).toBe(false);
  });
});

describe('AnswerPool: answers shared between gradings', () => {
  it('gives a kept answer back, identical, to another process reading the folder', () => {
    const dir = pool();
    const first = new AnswerPool(dir, 'exercise-01');
    const text = toCanonical(tensorCase);
    expect(first.lookup('k1', tensorCase, text)).toBeUndefined();
    first.keep('k1', tensorCase, text, tensorCase, 'Part A · test');
    const [file] = readdirSync(dir);
    expect(file).toBe(`exercise-01.${process.pid}.jsonl`);
    expect(JSON.parse(readFileSync(path.join(dir, file), 'utf8'))).toEqual({ key: 'k1', value: text, test: 'Part A · test' });
    const next = new AnswerPool(dir, 'exercise-01');
    const found = next.lookup('k1', tensorCase, text);
    expect(found !== undefined && identical(found.value, tensorCase)).toBe(true);
    expect(next.lookup('k2', tensorCase, text)).toBeUndefined();
    // Another exercise's answers are not this one's.
    expect(new AnswerPool(dir, 'exercise-02').lookup('k1', tensorCase, text)).toBeUndefined();
  });

  it('neither keeps nor looks up an answer whose inputs or value the text would change', () => {
    const dir = pool();
    const answers = new AnswerPool(dir, 'exercise-01');
    const lossy: Wire = { n: -0 };
    answers.keep('k1', lossy, toCanonical(lossy), 1, undefined);
    answers.keep('k2', 1, toCanonical(1), lossy, undefined);
    expect(readdirSync(dir)).toEqual([]);
    // A pooled key asked with inputs that only look the same in text (0 vs -0): computed live instead.
    answers.keep('k3', { n: 0 }, toCanonical({ n: 0 }), 7, undefined);
    expect(answers.lookup('k3', { n: 0 }, toCanonical({ n: 0 }))).toEqual({ value: 7 });
    expect(answers.lookup('k3', lossy, toCanonical(lossy))).toBeUndefined();
  });

  it('never uses a key pooled with two different values, and skips a torn or foreign line', () => {
    const dir = pool();
    writeFileSync(
      path.join(dir, 'exercise-01.1.jsonl'),
      `${JSON.stringify({ key: 'twice', value: '1' })}\n${JSON.stringify({ key: 'ok', value: '2' })}\nnot json\n{"key":1}\n`,
    );
    writeFileSync(path.join(dir, 'exercise-01.2.jsonl'), `${JSON.stringify({ key: 'twice', value: '3' })}\n{"key":"torn","val`);
    const answers = new AnswerPool(dir, 'exercise-01');
    expect(answers.lookup('twice', 0, '0')).toBeUndefined();
    expect(answers.lookup('ok', 0, '0')).toEqual({ value: 2 });
    expect(answers.lookup('torn', 0, '0')).toBeUndefined();
  });

  it('refuses an exercise id that is not a plain name', () => {
    expect(() => new AnswerPool(pool(), '../x')).toThrow("AnswerPool: expected an exercise id such as exercise-01, got '../x'.");
  });
});

describe('Reference with GRADE_ANSWERS_DIR', () => {
  it('computes an answer once across gradings and gives the same value from the pool', async () => {
    const dir = pool();
    vi.stubEnv('GRADE_ANSWERS_DIR', dir);
    const exercise = findExercise('exercise-02', loadCourse());
    let computed = 0;
    const compute = async (): Promise<Wire> => {
      computed++;
      return { $nd: { shape: [2], data: Float64Array.of(-0, 0.1) } };
    };
    const live = await new Reference(exercise).run('spec/answer', { n: 3 }, compute);
    // A second grading (a new Reference, as in the next student's grader process) asks the same.
    const pooled = await new Reference(exercise).run('spec/answer', { n: 3 }, compute);
    expect(computed).toBe(1);
    expect(identical(pooled, live)).toBe(true);
    await new Reference(exercise).run('spec/answer', { n: 4 }, compute);
    expect(computed).toBe(2);
  });
});
