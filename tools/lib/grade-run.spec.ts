import { describe, expect, test } from 'vitest';
import { childEnv } from './grade-run.ts';

describe('a grading child process environment', () => {
  test('a cpu-only grading runs with webgpu off, so it is not a backend subset (a filtered run)', () => {
    expect(childEnv({ target: 't', backends: ['cpu'] }, '/r.json', {}).COURSE_WEBGPU).toBe('0');
  });
  test('a grading that asks for webgpu, or for every backend, leaves detection alone', () => {
    expect(childEnv({ target: 't', backends: ['cpu', 'webgpu'] }, '/r.json', {}).COURSE_WEBGPU).toBeUndefined();
    expect(childEnv({ target: 't' }, '/r.json', {}).COURSE_WEBGPU).toBeUndefined();
  });
  test("the caller's env has the last word, and the target and results file are set", () => {
    const env = childEnv({ target: 't', backends: ['cpu'], env: { COURSE_WEBGPU: '1' } }, '/r.json', { PATH: '/bin' });
    expect(env).toMatchObject({ COURSE_WEBGPU: '1', GRADE_TARGET: 't', GRADE_RESULTS: '/r.json', PATH: '/bin' });
  });
});
