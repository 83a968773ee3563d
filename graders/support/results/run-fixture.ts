/**
 * A complete, unfiltered run result for specs: one cpu backend, the default seed, no errors.
 *
 * @example runResult([exerciseResult]).exercises.length → 1
 * @example runResult([], { backends: [] }).backends → []
 */
import { type ExerciseResult, type PartResult, type RunResult, resultSchemaVersion } from './model.ts';

export function runResult(exercises: ExerciseResult[] = [], overrides: Partial<RunResult> = {}): RunResult {
  return {
    schemaVersion: resultSchemaVersion,
    startedAt: '',
    durationMs: 0,
    target: 'exercises',
    seed: 'default',
    backends: [{ name: 'cpu', adapter: 'cpu' }],
    unavailable: [],
    filtered: false,
    graders_modified: [],
    exercises,
    errors: [],
    counts: { passed: 0, failed: 0, skipped: 0 },
    ...overrides,
  };
}

/**
 * A part worth 2 points with one cpu test `t<id>` of the given status (2 points when it passed).
 *
 * @example partResult('B', 'failed') → { id: 'B', score: 0, maxScore: 2, status: 'failed', tests: [{ name: 'tB', … }], … }
 */
export function partResult(id: string, status: PartResult['status']): PartResult {
  return {
    id,
    title: id,
    score: status === 'passed' ? 2 : 0,
    maxScore: 2,
    bonus: false,
    status,
    backends: [{ backend: 'cpu', status }],
    tests: [{ name: `t${id}`, backend: 'cpu', status, durationMs: 1 }],
  };
}
