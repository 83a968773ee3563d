/**
 * The one internal result model. The score table, the JSON results file, the GitHub / Gradescope /
 * Classroom 50 exports and the student's feedback are all views of a {@link RunResult}.
 */

/** Outcome of one test on one backend. */
export type TestStatus = 'passed' | 'failed' | 'skipped';

/** One test, on one backend. */
export interface TestResult {
  /** The test's name within its part. */
  name: string;
  backend: string;
  status: TestStatus;
  durationMs: number;
  /** The failure message, for failed tests. */
  message?: string;
}

/** How a part did on one backend. */
export interface PartBackendResult {
  backend: string;
  /** 'skipped' when the part does not run on this backend (or was filtered out). */
  status: TestStatus;
}

/** One part: the unit of scoring. */
export interface PartResult {
  id: string;
  title: string;
  /** Points earned. */
  score: number;
  /** Points available (bonus parts: their points, but excluded from the exercise maximum). */
  maxScore: number;
  bonus: boolean;
  status: 'passed' | 'failed' | 'skipped';
  backends: PartBackendResult[];
  tests: TestResult[];
}

/** One exercise. */
export interface ExerciseResult {
  id: string;
  title: string;
  score: number;
  /** Without bonus parts. */
  maxScore: number;
  parts: PartResult[];
  /** Set when the grader file itself could not run. */
  error?: string;
}

/** A whole grading run. */
export interface RunResult {
  schema: 'cnn-course/result/v1';
  startedAt: string;
  durationMs: number;
  /** The graded folder, relative to the repository when inside it. */
  target: string;
  /** The run seed ('default' unless GRADE_SEED was set). */
  seed: string;
  backends: { name: string; adapter: string }[];
  /** Backends that could not run, with the reason. */
  unavailable: { name: string; reason: string }[];
  /** True when a -t filter or similar left tests unrun. */
  filtered: boolean;
  /** Grader, harness or configuration files changed since the release was made. */
  graders_modified: string[];
  exercises: ExerciseResult[];
  /** Errors outside any test (vitest's unhandled errors). */
  errors: string[];
  counts: { passed: number; failed: number; skipped: number };
}
