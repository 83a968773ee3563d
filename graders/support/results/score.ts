/**
 * Scoring: from one record per (test, backend) to parts, exercises and totals. A part earns its
 * points when every test passes on every backend it ran on; a part marked `partial` earns the
 * share of passing (test, backend) pairs. Bonus parts add points without raising the maximum.
 */
import type { Course, Exercise, Part } from '../course.ts';
import { type ExerciseResult, type PartResult, type RunResult, resultSchemaVersion, type TestResult, type TestStatus } from './model.ts';

/** One test result as it comes from the test runner. */
export interface RawTest extends TestResult {
  exerciseId: string;
  /** The part id, or undefined for a test outside any part (a grader bug). */
  partId: string | undefined;
}

function round(points: number): number {
  return Math.round(points * 100) / 100;
}

function scorePart(part: Part, tests: TestResult[], backends: string[]): PartResult {
  const perBackend = backends.map((backend) => {
    const here = tests.filter((t) => t.backend === backend);
    const ran = here.filter((t) => t.status !== 'skipped');
    const status: TestStatus = ran.length === 0 ? 'skipped' : ran.every((t) => t.status === 'passed') ? 'passed' : 'failed';
    return { backend, status };
  });
  const ran = tests.filter((t) => t.status !== 'skipped');
  const passed = ran.filter((t) => t.status === 'passed').length;
  let status: PartResult['status'] = 'skipped';
  if (ran.length > 0) status = passed === ran.length ? 'passed' : 'failed';
  let score = 0;
  if (status === 'passed') score = part.points;
  else if (status === 'failed' && part.partial) score = round((part.points * passed) / ran.length);
  return { id: part.id, title: part.title, score, maxScore: part.points, bonus: part.bonus === true, status, backends: perBackend, tests };
}

function scoreExercise(exercise: Exercise, tests: RawTest[], backends: string[], loadError?: string): ExerciseResult {
  const parts = exercise.parts.map((part) =>
    scorePart(
      part,
      tests.filter((t) => t.partId === part.id),
      backends,
    ),
  );
  const score = round(parts.reduce((sum, p) => sum + p.score, 0));
  const maxScore = round(parts.filter((p) => !p.bonus).reduce((sum, p) => sum + p.maxScore, 0));
  // A test outside every part of course.json is a grader bug: reported with its exercise, never scored.
  const orphans = tests.filter((t) => !exercise.parts.some((p) => p.id === t.partId));
  const errors = [
    ...(loadError === undefined ? [] : [loadError]),
    ...orphans.map((t) => `test '${t.name}' belongs to no part of ${exercise.id} in course.json`),
  ];
  const error = errors.length === 0 ? undefined : errors.join('\n');
  return { id: exercise.id, title: exercise.title, score, maxScore, parts, ...(error ? { error } : {}) };
}

/** Everything {@link scoreRun} needs besides the tests. */
export interface RunMeta {
  startedAt: string;
  durationMs: number;
  target: string;
  seed: string;
  backends: { name: string; adapter: string }[];
  unavailable: { name: string; reason: string }[];
  graders_modified: string[];
  /** A name filter (-t) or replay left tests unrun. */
  filtered: boolean;
  /** Exercises whose grader file failed to load, with the error. */
  loadErrors: Map<string, string>;
  errors: string[];
}

/** Builds the run result for the exercises that took part (had tests or a load error). */
export function scoreRun(course: Course, tests: RawTest[], meta: RunMeta): RunResult {
  const backendNames = meta.backends.map((b) => b.name);
  const involved = course.exercises.filter((e) => tests.some((t) => t.exerciseId === e.id) || meta.loadErrors.has(e.id));
  const exercises = involved.map((exercise) =>
    scoreExercise(
      exercise,
      tests.filter((t) => t.exerciseId === exercise.id),
      backendNames,
      meta.loadErrors.get(exercise.id),
    ),
  );
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const t of tests) counts[t.status]++;
  return {
    schemaVersion: resultSchemaVersion,
    startedAt: meta.startedAt,
    durationMs: meta.durationMs,
    target: meta.target,
    seed: meta.seed,
    backends: meta.backends,
    unavailable: meta.unavailable,
    filtered: meta.filtered,
    graders_modified: meta.graders_modified,
    exercises,
    errors: meta.errors,
    counts,
  };
}
