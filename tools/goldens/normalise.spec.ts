import { describe, expect, it } from 'vitest';
import { type RunResult, resultSchemaVersion } from '../../graders/support/results/model.ts';
import { normalise } from './normalise.ts';

function run(message: string, durations: [number, number]): RunResult {
  const test = (durationMs: number) => ({ name: 'a test', backend: 'webgpu', status: 'failed' as const, durationMs, message });
  return {
    schemaVersion: resultSchemaVersion,
    startedAt: `2026-12-02T03:${durations[0] % 60}:00.000Z`,
    durationMs: durations[0] + durations[1],
    target: '.grade/goldens/x',
    seed: '1502',
    backends: [{ name: 'webgpu', adapter: durations[0] > 100 ? 'SwiftShader Device (Subzero)' : 'NVIDIA H200' }],
    unavailable: [],
    filtered: false,
    graders_modified: [],
    exercises: [
      {
        id: 'exercise-01',
        title: 'Convolution',
        score: 0,
        maxScore: 2,
        parts: [
          {
            id: 'A',
            title: 'outputSize',
            score: 0,
            maxScore: 2,
            bonus: false,
            status: 'failed',
            backends: [],
            tests: [test(durations[0]), test(durations[1])],
          },
        ],
      },
    ],
    errors: [],
    counts: { passed: 0, failed: 2, skipped: 0 },
  };
}

describe('normalise', () => {
  it('makes two gradings that differ only in clock, speed, adapter and places equal', () => {
    const a = normalise(run('at /work/main/.grade/build/s.mjs:3:9 and /tmp/x', [5, 7]), { repoRoot: '/work/main', tmp: '/tmp' });
    const b = normalise(run('at /tmp/clone/.grade/build/s.mjs:3:9 and /var/tmp/x', [130, 2]), { repoRoot: '/tmp/clone', tmp: '/var/tmp' });
    expect(a).toEqual(b);
    expect(a.exercises[0].parts[0].tests[0].message).toBe('at <repo>/.grade/build/s.mjs:3:9 and <tmp>/x');
  });

  it('keeps what a grading decides: a different message, score or status still differs', () => {
    const places = { repoRoot: '/work/main', tmp: '/tmp' };
    const base = normalise(run('got 3, expected 6', [5, 7]), places);
    expect(normalise(run('got 4, expected 6', [5, 7]), places)).not.toEqual(base);
    const passed = run('got 3, expected 6', [5, 7]);
    passed.exercises[0].parts[0].status = 'passed';
    expect(normalise(passed, places)).not.toEqual(base);
  });
});
