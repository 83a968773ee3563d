/**
 * What legitimately differs between two gradings of the same submission with the same seed,
 * replaced by a fixed placeholder so a golden compares only what the grading decided.
 */
import type { RunResult } from '../../graders/support/results/model.ts';

/** The places a result names, replaced in every string of it. */
export interface Places {
  /** The repository root (absolute): a clone lives anywhere. */
  repoRoot: string;
  /** The system's temporary folder (absolute). */
  tmp: string;
}

function mapStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)]));
  return value;
}

/**
 * A copy of `run` with every varying field fixed:
 * - `startedAt` → `<startedAt>`: the clock.
 * - `durationMs` (the run's and every test's) → 0: the machine's speed and load.
 * - `backends[].adapter` → `<adapter>`: the webgpu adapter's name is the machine's (cpu's is 'cpu'; the goldens run cpu only, but a name is never a verdict).
 * - the repository root → `<repo>`, the temporary folder → `<tmp>`, in every string (messages,
 *   stack lines): where the clone and the system's temporary files are.
 * Nothing else: scores, statuses, test names, failure kinds, summaries, sections and hints stay.
 *
 * @example normalise({ startedAt: '2026-12-02T03:52:00.000Z', durationMs: 5123, … }, { repoRoot: '/work/main', tmp: '/tmp' }) → { startedAt: '<startedAt>', durationMs: 0, … }
 */
export function normalise(run: RunResult, places: Places): RunResult {
  const fixed: RunResult = {
    ...run,
    startedAt: '<startedAt>',
    durationMs: 0,
    backends: run.backends.map((b) => ({ ...b, adapter: '<adapter>' })),
    exercises: run.exercises.map((e) => ({
      ...e,
      parts: e.parts.map((p) => ({ ...p, tests: p.tests.map((t) => ({ ...t, durationMs: 0 })) })),
    })),
  };
  // The longer path first: the repository may sit inside the temporary folder (a fresh clone in /tmp).
  const roots: [string, string][] = [
    [places.repoRoot, '<repo>'],
    [places.tmp, '<tmp>'],
  ];
  roots.sort((a, b) => b[0].length - a[0].length);
  return mapStrings(fixed, (s) => roots.reduce((text, [from, to]) => text.split(from).join(to), s)) as RunResult;
}
