import { describe, expect, it } from 'vitest';
import { explicitResultsFile, isFilteredRun } from './reporter.ts';

describe('which runs are filtered (never a grade)', () => {
  const webgpu = { COURSE_WEBGPU_ADAPTER: 'SwiftShader' };

  it('a complete run: every backend this machine grades on, no name filter, no replay', () => {
    expect(isFilteredRun(undefined, ['cpu'], {})).toBe(false);
    expect(isFilteredRun(undefined, ['cpu', 'webgpu'], webgpu)).toBe(false);
  });

  it('a -t name filter, a replay (GRADE_PATH) or a backend subset (--project cpu where webgpu works)', () => {
    expect(isFilteredRun(/Part A/, ['cpu'], {})).toBe(true);
    expect(isFilteredRun(undefined, ['cpu'], { GRADE_PATH: '3:0' })).toBe(true);
    expect(isFilteredRun(undefined, ['cpu'], webgpu)).toBe(true);
  });

  it('GRADE_RESULTS names a tool’s own file; unset, the run goes to the store', () => {
    expect(explicitResultsFile({})).toBeUndefined();
    expect(explicitResultsFile({ GRADE_RESULTS: '/tmp/r.json' })).toBe('/tmp/r.json');
  });
});
