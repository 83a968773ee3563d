/**
 * The one internal result model. The score table, the JSON results file, the GitHub / Gradescope /
 * Classroom 50 exports and the student's feedback are all views of a {@link RunResult}.
 */

/** The version of this model in result files and the store; a reader refuses any other (schema.ts). */
export const resultSchemaVersion = 2;

/** Outcome of one test on one backend. */
export type TestStatus = 'passed' | 'failed' | 'skipped';

/**
 * What kind of failure a test had, decided where it happened (never read back from its text):
 * `stub` the function still throws the stub's error (or a quiz answer is still empty); `threw`
 * it threw; `hung` it ran past its time or memory; `crashed` its process exited; `compile` the
 * module does not compile; `setup` it could not be loaded or started; `tampered` it touched its environment;
 * `leaked` tensors left allocated; `mutated` it changed an input; `aliased` it returned an
 * input's storage; `grader` the grader itself failed; `wrong` every other verdict.
 */
export type FailureKind = 'wrong' | 'stub' | 'threw' | 'hung' | 'crashed' | 'compile' | 'setup' | 'tampered' | 'leaked' | 'mutated' | 'aliased' | 'grader';

/** A labelled section of a failure (the counterexample, got/expected, replay command…). */
export interface FailureSection {
  label: string;
  body: string;
}

/**
 * A grader's failure as data: carried from the test's process in vitest's task meta, so the
 * printer and exports never parse a message.
 *
 * @example { kind: 'stub', summary: 'conv2d is not implemented yet (…).', sections: [], hint: { partId: 'B', level: 1, text: '…', command: 'npm run hint -- exercise-01 B' } }
 */
export interface FailureData {
  kind: FailureKind;
  /** One sentence: what went wrong. */
  summary: string;
  /** The explanation, in order (never the hint: see `hint`). */
  sections: FailureSection[];
  /** The part's hint shown with the failure: its level (1 = the first of course.json's hints), text and the command for more. */
  hint?: { partId: string; level: number; text: string; command: string };
}

/** One test, on one backend. */
export interface TestResult {
  /** The test's name within its part. */
  name: string;
  backend: string;
  status: TestStatus;
  durationMs: number;
  /** The failure as text (a skipped test: why it was skipped). Exports show it; nothing parses it. */
  message?: string;
  /** The failure as data, when a grader's failure (a GradeFailure) caused it. */
  failure?: FailureData;
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
  schemaVersion: typeof resultSchemaVersion;
  startedAt: string;
  durationMs: number;
  /** The graded folder, relative to the repository when inside it. */
  target: string;
  /** The run seed ('default' unless GRADE_SEED was set). */
  seed: string;
  backends: { name: string; adapter: string }[];
  /** Backends that could not run, with the reason. */
  unavailable: { name: string; reason: string }[];
  /**
   * True when the run was narrowed to some of the tests: a name filter (-t), a replay
   * (GRADE_PATH), or a subset of the available backends (--project). Never a grade: the store
   * keeps it apart from the last complete grading and the exports refuse it.
   */
  filtered: boolean;
  /** Grader, harness or configuration files changed since the release was made. */
  graders_modified: string[];
  exercises: ExerciseResult[];
  /** Errors outside any test (vitest's unhandled errors). */
  errors: string[];
  counts: { passed: number; failed: number; skipped: number };
}
