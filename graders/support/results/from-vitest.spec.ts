import { describe, expect, it } from 'vitest';
import type { TestModule } from 'vitest/node';
import type { Course } from '../course.ts';
import { collect } from './from-vitest.ts';
import type { FailureData } from './model.ts';

const course: Course = {
  title: 'T',
  exercises: [
    { id: 'exercise-01', folder: 'exercise-01-convolution', title: 'C', files: ['c.ts'], parts: [{ id: 'A', title: 'a', points: 1, hints: ['1', '2'] }] },
  ],
};

interface FakeResult {
  state: 'passed' | 'failed' | 'skipped' | 'pending';
  errors?: { name?: string; message: string; stack?: string }[];
  note?: string;
}

/** The task meta `ex.part` and `ex.test` set (see meta.ts). */
interface FakeMeta {
  exerciseId?: string;
  partId?: string;
  failure?: FailureData;
}

/** Just the parts of vitest's reported tasks that `collect` reads: the suites' titles are there to show they are not read. */
function fakeModule(
  moduleId: string,
  project: string,
  tests: { suites: string[]; meta: FakeMeta; name: string; result: FakeResult; duration?: number }[],
  errors: FakeResult['errors'] = [],
): TestModule {
  const module = { type: 'module' as const, moduleId, project: { name: project }, errors: () => errors, children: { allTests: () => cases } };
  const cases = tests.map((t) => {
    let parent: object = module;
    for (const name of t.suites) parent = { type: 'suite', name, parent };
    return {
      type: 'test',
      name: t.name,
      parent,
      meta: () => t.meta,
      result: () => t.result,
      diagnostic: () => (t.duration === undefined ? undefined : { duration: t.duration }),
    };
  });
  return module as unknown as TestModule;
}

const partA: FakeMeta = { exerciseId: 'exercise-01', partId: 'A' };
const wrongSize: FailureData = {
  kind: 'wrong',
  summary: 'wrong size',
  sections: [{ label: 'expected', body: '[2, 2]' }],
  hint: { partId: 'A', level: 1, text: '1', command: 'npm run hint -- exercise-01 A' },
};

describe('collect (vitest tasks into raw test records)', () => {
  it('finds the exercise from the grader folder, the part from the task meta (never the title), the backend from the project', () => {
    const mod = fakeModule('/repo/graders/exercise-01-convolution/convolution.test.ts', 'webgpu', [
      { suites: ['Part B · Output size', 'edge cases'], meta: partA, name: 'zero padding', result: { state: 'passed' }, duration: 12 },
    ]);
    const { tests, loadErrors } = collect(course, [mod]);
    expect(tests).toEqual([{ exerciseId: 'exercise-01', partId: 'A', name: 'zero padding', backend: 'webgpu', status: 'passed', durationMs: 12 }]);
    expect(loadErrors.size).toBe(0);
  });

  it('takes a failure as data from the meta, and the text of any other error with its name and stack lines', () => {
    const mod = fakeModule('/repo/graders/exercise-01-convolution/c.test.ts', '', [
      {
        suites: ['Part A · a'],
        meta: { ...partA, failure: wrongSize },
        name: 'graded',
        result: { state: 'failed', errors: [{ name: 'GradeFailure', message: 'a different text', stack: 'GradeFailure: wrong size\n at x' }] },
      },
      {
        suites: ['Part A · a'],
        meta: partA,
        name: 'crashed',
        result: { state: 'failed', errors: [{ name: 'TypeError', message: 'x is undefined', stack: 'TypeError\n at one\n at two\n at three\n at four' }] },
      },
      { suites: ['Part A · a'], meta: partA, name: 'silent', result: { state: 'failed' } },
      // A failure left in the meta of a test that then passed (a retry) is not reported.
      { suites: ['Part A · a'], meta: { ...partA, failure: wrongSize }, name: 'retried', result: { state: 'passed' } },
    ]);
    const [graded, crashed, silent, retried] = collect(course, [mod]).tests;
    expect(graded.failure).toEqual(wrongSize);
    expect(graded.message).toBeUndefined();
    expect(crashed.failure).toBeUndefined();
    expect(retried.failure).toBeUndefined();
    expect(crashed.message).toBe('TypeError: x is undefined\n at one\n at two\n at three');
    expect(silent.message).toBe('(no message)');
    expect(graded.backend).toBe('cpu');
  });

  it('counts pending tests as skipped, keeps the note of a test skipped while running, and has no part without part meta', () => {
    const mod = fakeModule('/repo/graders/exercise-01-convolution/c.test.ts', 'cpu', [
      { suites: ['Part A · a'], meta: partA, name: 'todo', result: { state: 'pending' } },
      { suites: ['Part A · a'], meta: partA, name: 'not counted', result: { state: 'skipped', note: 'known webgpu bug' } },
      // A describe titled like a part is not a part: only `ex.part`'s meta is.
      { suites: ['Part A · a'], meta: {}, name: 'stray', result: { state: 'passed' } },
      // Meta of another exercise (a grader importing another's helpers) does not place it here.
      { suites: [], meta: { exerciseId: 'exercise-02', partId: 'A' }, name: 'foreign', result: { state: 'passed' } },
    ]);
    const [todo, noted, stray, foreign] = collect(course, [mod]).tests;
    expect(todo).toMatchObject({ status: 'skipped', durationMs: 0 });
    expect(todo.message).toBeUndefined();
    expect(noted).toMatchObject({ status: 'skipped', message: 'known webgpu bug' });
    expect(stray.partId).toBeUndefined();
    expect(foreign.partId).toBeUndefined();
  });

  it('joins the load errors of an exercise and ignores modules outside any exercise', () => {
    const broken = (id: string, message: string): TestModule => fakeModule(id, 'cpu', [], [{ name: 'SyntaxError', message }]);
    const { tests, loadErrors } = collect(course, [
      broken('/repo/graders/exercise-01-convolution/a.test.ts', 'first'),
      broken('/repo/graders/exercise-01-convolution/b.test.ts', 'second'),
      broken('/repo/graders/unknown-folder/c.test.ts', 'elsewhere'),
    ]);
    expect(tests).toEqual([]);
    expect([...loadErrors]).toEqual([['exercise-01', 'SyntaxError: first\nSyntaxError: second']]);
  });
});
