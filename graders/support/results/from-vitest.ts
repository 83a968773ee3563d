/**
 * Reads vitest's reported tasks into raw test records: which exercise (from the grader file's
 * folder), which part and how it failed (from the task meta `ex.part` and `ex.test` set, see
 * meta.ts), which backend (the project). Titles and messages are never parsed.
 */
import path from 'node:path';
import type { SerializedError, TestCase, TestModule } from 'vitest/node';
import type { Course } from '../course.ts';
import './meta.ts';
import type { RawTest } from './score.ts';

function exerciseOf(course: Course, moduleId: string): string | undefined {
  const parts = moduleId.split(path.sep).join('/').split('/');
  const graders = parts.lastIndexOf('graders');
  const folder = graders >= 0 ? parts[graders + 1] : undefined;
  return course.exercises.find((e) => e.folder === folder)?.id;
}

/** The part `ex.part` recorded in the test's meta, if it belongs to this exercise. */
function partOf(test: TestCase, exerciseId: string): string | undefined {
  const meta = test.meta();
  return meta.exerciseId === exerciseId ? meta.partId : undefined;
}

function errorText(errors: ReadonlyArray<SerializedError> | undefined): string | undefined {
  if (!errors || errors.length === 0) return undefined;
  return errors
    .map((e) =>
      e.name === 'GradeFailure' ? e.message : `${e.name ?? 'Error'}: ${e.message}${e.stack ? `\n${e.stack.split('\n').slice(1, 4).join('\n')}` : ''}`,
    )
    .join('\n');
}

/** Raw records of every test, and the grader files that failed to load, per exercise. */
export function collect(course: Course, modules: ReadonlyArray<TestModule>): { tests: RawTest[]; loadErrors: Map<string, string> } {
  const tests: RawTest[] = [];
  const loadErrors = new Map<string, string>();
  for (const module of modules) {
    const exerciseId = exerciseOf(course, module.moduleId);
    if (exerciseId === undefined) continue;
    const moduleErrors = errorText(module.errors());
    if (moduleErrors !== undefined) {
      const previous = loadErrors.get(exerciseId);
      loadErrors.set(exerciseId, previous ? `${previous}\n${moduleErrors}` : moduleErrors);
    }
    for (const test of module.children.allTests()) {
      const result = test.result();
      const status = result.state === 'passed' ? 'passed' : result.state === 'failed' ? 'failed' : 'skipped';
      const failure = status === 'failed' ? test.meta().failure : undefined;
      tests.push({
        exerciseId,
        partId: partOf(test, exerciseId),
        name: test.name,
        backend: module.project.name || 'cpu',
        status,
        durationMs: test.diagnostic()?.duration ?? 0,
        // A grader's failure comes as data; anything else (a vitest timeout, a grader bug) as its error text.
        ...(failure !== undefined ? { failure } : status === 'failed' ? { message: errorText(result.errors) ?? '(no message)' } : {}),
        // A test skipped while running says why (e.g. not counted for a known backend bug).
        ...(result.state === 'skipped' && result.note ? { message: result.note } : {}),
      });
    }
  }
  return { tests, loadErrors };
}
