/**
 * A complete, unfiltered run result for specs: one cpu backend, the default seed, no errors.
 *
 * @example runResult([exerciseResult]).exercises.length → 1
 * @example runResult([], { backends: [] }).backends → []
 */
import { type ExerciseResult, type RunResult, resultSchemaVersion } from './model.ts';

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
