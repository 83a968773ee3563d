import { describe, expect, it } from 'vitest';
import type { TestModule } from 'vitest/node';
import type { Course } from '../course.ts';
import { collect } from './from-vitest.ts';

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

/** Just the parts of vitest's reported tasks that `collect` reads. */
function fakeModule(
  moduleId: string,
  project: string,
  tests: { suites: string[]; name: string; result: FakeResult; duration?: number }[],
  errors: FakeResult['errors'] = [],
): TestModule {
  const module = { type: 'module' as const, moduleId, project: { name: project }, errors: () => errors, children: { allTests: () => cases } };
  const cases = tests.map((t) => {
    let parent: object = module;
    for (const name of t.suites) parent = { type: 'suite', name, parent };
    return { type: 'test', name: t.name, parent, result: () => t.result, diagnostic: () => (t.duration === undefined ? undefined : { duration: t.duration }) };
  });
  return module as unknown as TestModule;
}

describe('collect (vitest tasks into raw test records)', () => {
  it('finds the exercise from the grader folder, the part from the enclosing describe, the backend from the project', () => {
    const mod = fakeModule('/repo/graders/exercise-01-convolution/convolution.test.ts', 'webgpu', [
      { suites: ['Part A · Output size', 'edge cases'], name: 'zero padding', result: { state: 'passed' }, duration: 12 },
    ]);
    const { tests, loadErrors } = collect(course, [mod]);
    expect(tests).toEqual([{ exerciseId: 'exercise-01', partId: 'A', name: 'zero padding', backend: 'webgpu', status: 'passed', durationMs: 12 }]);
    expect(loadErrors.size).toBe(0);
  });

  it('keeps a GradeFailure message as it is and adds name and stack lines to any other error', () => {
    const mod = fakeModule('/repo/graders/exercise-01-convolution/c.test.ts', '', [
      {
        suites: ['Part A · a'],
        name: 'graded',
        result: { state: 'failed', errors: [{ name: 'GradeFailure', message: 'wrong size', stack: 'GradeFailure: wrong size\n at x' }] },
      },
      {
        suites: ['Part A · a'],
        name: 'crashed',
        result: { state: 'failed', errors: [{ name: 'TypeError', message: 'x is undefined', stack: 'TypeError\n at one\n at two\n at three\n at four' }] },
      },
      { suites: ['Part A · a'], name: 'silent', result: { state: 'failed' } },
    ]);
    const [graded, crashed, silent] = collect(course, [mod]).tests;
    expect(graded.message).toBe('wrong size');
    expect(crashed.message).toBe('TypeError: x is undefined\n at one\n at two\n at three');
    expect(silent.message).toBe('(no message)');
    expect(graded.backend).toBe('cpu');
  });

  it('counts pending tests as skipped, keeps the note of a test skipped while running, and has no part outside a Part describe', () => {
    const mod = fakeModule('/repo/graders/exercise-01-convolution/c.test.ts', 'cpu', [
      { suites: ['Part A · a'], name: 'todo', result: { state: 'pending' } },
      { suites: ['Part A · a'], name: 'not counted', result: { state: 'skipped', note: 'known webgpu bug' } },
      { suites: ['helpers'], name: 'stray', result: { state: 'passed' } },
    ]);
    const [todo, noted, stray] = collect(course, [mod]).tests;
    expect(todo).toMatchObject({ status: 'skipped', durationMs: 0 });
    expect(todo.message).toBeUndefined();
    expect(noted).toMatchObject({ status: 'skipped', message: 'known webgpu bug' });
    expect(stray.partId).toBeUndefined();
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
