/**
 * Every environment variable the course reads or sets, in one place: each is read, validated
 * (a bad value is an Error saying what was expected and what was given) and documented here.
 * Nothing else reads `process.env` for a `GRADE_*` or `COURSE_*` name; `settings.spec.ts` greps the
 * tree and fails on a name this module does not document, and the table in
 * `graders/support/README.md` ("Settings") is generated from {@link allSettings}
 * (`npx tsx graders/support/settings-table.ts`).
 *
 * Light on imports: exercise 01's driver bundles it into the student's process.
 *
 * @example gradeTarget.read() → 'exercises'; gradeTarget.read({ GRADE_TARGET: 'solutions' }) → 'solutions'
 */

import { randomInt, randomUUID } from 'node:crypto';

/** An environment to read: `process.env`, or a plain object in tests and tools. */
export type Env = Readonly<Record<string, string | undefined>>;

/** One environment variable: its documentation and a validating reader. */
export interface Setting<T> {
  /** The variable's name, e.g. `GRADE_TARGET`. */
  readonly name: string;
  /** What it means. */
  readonly meaning: string;
  /** The value used when it is unset or empty, in words. */
  readonly fallback: string;
  /** Who sets it (a person, a command, the course's own code). */
  readonly setBy: string;
  /** Reads and validates it; throws an Error naming the variable, the expected form and the value given. */
  read(env?: Env): T;
}

interface Doc {
  meaning: string;
  fallback: string;
  setBy: string;
}

const defined: Setting<unknown>[] = [];

function define<T>(name: string, doc: Doc, parse: (raw: string | undefined) => T): Setting<T> {
  const setting: Setting<T> = {
    name,
    ...doc,
    read: (env: Env = process.env) => {
      const raw = env[name]?.trim();
      return parse(raw === '' ? undefined : raw);
    },
  };
  defined.push(setting);
  return setting;
}

function invalid(name: string, expected: string, raw: string): Error {
  return new Error(`${name}: expected ${expected}, got '${raw}'.`);
}

/** A free-text setting: its trimmed value, or undefined when unset or empty. */
function text(name: string, doc: Doc): Setting<string | undefined> {
  return define(name, doc, (raw) => raw);
}

/** One of a few words; unset or empty gives `fallback`. */
function oneOf<const W extends string>(name: string, words: readonly W[], fallback: W, doc: Omit<Doc, 'fallback'>): Setting<W> {
  return define(name, { ...doc, fallback: `\`${fallback}\`` }, (raw) => {
    if (raw === undefined) return fallback;
    if ((words as readonly string[]).includes(raw)) return raw as W;
    throw invalid(name, words.map((w) => `'${w}'`).join(' or '), raw);
  });
}

/** A switch: `1` on, `0` (or unset, or empty) off. */
function flag(name: string, doc: Omit<Doc, 'fallback'>): Setting<boolean> {
  return define(name, { ...doc, fallback: 'off (`0`)' }, (raw) => {
    if (raw === undefined || raw === '0') return false;
    if (raw === '1') return true;
    throw invalid(name, "'1' (on) or '0' (off)", raw);
  });
}

/** The folder graded, absolute or relative to the repository root (checked to exist by `paths.ts` `targetDir`). */
export const gradeTarget = define(
  'GRADE_TARGET',
  {
    meaning: 'The folder graded, laid out like `exercises/` (absolute, or relative to the repository root).',
    fallback: '`exercises`',
    setBy: 'you (`GRADE_TARGET=solutions npm test exercise-01`); verify, class grading and the release check, for their copies',
  },
  (raw) => raw ?? 'exercises',
);

/** The run seed every random draw derives from; `random` draws one (resolved by {@link shareWithWorkers}). */
export const gradeSeed = define(
  'GRADE_SEED',
  {
    meaning: 'The run seed every random case derives from; `random` draws one per run (printed in the header).',
    fallback: '`default` (the seed the release recorded its reference answers with)',
    setBy: 'you, to try other cases; the class workflow and release tools set it explicitly',
  },
  (raw) => raw ?? 'default',
);

/** The fast-check path of one case to replay, e.g. `12:3:0`. */
export const gradePath = define(
  'GRADE_PATH',
  {
    meaning: 'Replays one fast-check case: the path printed with a failure (`12:3:0`). A run with it is a filtered run, never a grade.',
    fallback: 'unset: every case',
    setBy: "you, copying a failure's replay command",
  },
  (raw) => {
    if (raw === undefined) return undefined;
    if (!/^\d+(:\d+)*$/.test(raw)) throw invalid('GRADE_PATH', 'a fast-check path such as 12 or 12:3:0', raw);
    return raw;
  },
);

/** A file the run's result goes to instead of the result store. */
export const gradeResults = text('GRADE_RESULTS', {
  meaning: "A file the run's result is written to instead of the result store (then only there).",
  fallback: 'the result store, `.grade/results/<graded folder>/<exercise>.json` (`results/store.ts`)',
  setBy: 'tools that grade into their own file (grade runs, class grading, the release workflow)',
});

/** The id of one grading run; every process it starts carries it. */
export const gradeRunId = text('GRADE_RUN_ID', {
  meaning: 'The id of one grading run; every student process it starts carries it (as `COURSE_SANDBOX`), so none is left behind.',
  fallback: 'a random UUID drawn by `vitest.config.ts`',
  setBy: "`vitest.config.ts`; verify's hostile step and class grading, to find their processes",
});

/** `off` runs the student's code in the grader's process: benchmarks only. */
export const gradeIsolation = oneOf('GRADE_ISOLATION', ['on', 'off'], 'on', {
  meaning: "`off` runs the student's code in the grader's own process, with no sandbox at all: benchmarks only.",
  setBy: '`npm run bench`',
});

/** `off` turns the OS sandbox (bubblewrap) off; the permission model still holds. */
export const gradeOsSandbox = oneOf('GRADE_OS_SANDBOX', ['on', 'off'], 'on', {
  meaning: "`off` runs the student's process without the OS sandbox (bubblewrap), under Node's permission model only; `on` uses it where it works.",
  setBy: "you; class grading's `--unsafe-no-sandbox`; `sandbox/measure-cost.ts`",
});

/** `1` keeps a grader file from starting the student's process before it is needed. */
export const gradeNoPrewarm = flag('GRADE_NO_PREWARM', {
  meaning: "`1`: a grader file does not start the student's process early (while tfjs loads), only at the first call.",
  setBy: 'you, when timing start-up',
});

/** A folder where every reference answer is appended, to seal them into a student release. */
export const gradeRecordDir = text('GRADE_RECORD_DIR', {
  meaning: 'A folder where every answer the reference gives is appended (one JSON line each), sealed into a student release.',
  fallback: 'unset: nothing recorded',
  setBy: '`tools/release/record.ts`',
});

/** A folder of reference answers shared by gradings: looked up before computing, live answers appended (`answers.ts`). */
export const gradeAnswersDir = text('GRADE_ANSWERS_DIR', {
  meaning:
    "A folder of the live reference's answers shared by gradings (`<exercise>.<pid>.jsonl`, as `GRADE_RECORD_DIR` writes them): each answer is looked up there first and computed only on a miss, then appended. Same values: only answers whose inputs and value come back from their canonical text exactly are pooled.",
  fallback: 'unset: every answer computed live',
  setBy: 'class grading (`tools/grade/class/`), one new folder per class run',
});

/** The class workflow's seed; the workflow passes it to `npm run grade -- --seed`. */
export const gradeClassSeed = text('GRADE_CLASS_SEED', {
  meaning: 'The class grading workflow\'s seed input, passed on as `npm run grade -- --seed "$GRADE_CLASS_SEED"`; the course itself never reads it.',
  fallback: "the workflow's input",
  setBy: 'the class workflow (`tools/grade/class/workflow.ts`)',
});

/** The tfjs backend this vitest project grades. */
export const courseBackend = oneOf('COURSE_BACKEND', ['cpu', 'webgpu'], 'cpu', {
  meaning: 'The tfjs backend a vitest project grades on.',
  setBy: '`vitest.config.ts`, one value per project',
});

/** `0` skips webgpu grading even where a Vulkan driver works. */
export const courseWebgpu = define(
  'COURSE_WEBGPU',
  {
    meaning: '`0` skips the webgpu backend even where a Vulkan driver works.',
    fallback: 'webgpu wherever a driver works',
    setBy: 'you; the release workflow; tools that grade on cpu only',
  },
  (raw) => {
    if (raw === undefined || raw === '1') return true;
    if (raw === '0') return false;
    throw invalid('COURSE_WEBGPU', "'0' (skip webgpu) or '1'", raw);
  },
);

/** The Vulkan driver (ICD file) the webgpu project uses, when it is not the system's. */
export const courseWebgpuIcd = text('COURSE_WEBGPU_ICD', {
  meaning: "The Vulkan driver file the webgpu project's student processes use (SwiftShader's, or `VK_ICD_FILENAMES`).",
  fallback: "unset: the system's driver",
  setBy: '`vitest.config.ts`, from `backends/detect.ts`',
});

/** The webgpu adapter's name, for the run's header. */
export const courseWebgpuAdapter = text('COURSE_WEBGPU_ADAPTER', {
  meaning: "The webgpu adapter's name, for the run's header.",
  fallback: '`webgpu`',
  setBy: '`vitest.config.ts`, from `backends/detect.ts`',
});

/** Why webgpu is not graded, for the run's header. */
export const courseWebgpuReason = text('COURSE_WEBGPU_REASON', {
  meaning: "Why webgpu is not graded in this run, for the run's header.",
  fallback: 'unset: webgpu runs',
  setBy: '`vitest.config.ts`, from `backends/detect.ts`',
});

/** Marks every student process with its run's id; never read from the environment here. */
export const courseSandbox = text('COURSE_SANDBOX', {
  meaning: "Marks a student process with its run's id (`GRADE_RUN_ID`); the reporter finds leftovers by it in `/proc/<pid>/environ`.",
  fallback: '—',
  setBy: '`sandbox/client.ts`, in the student process only',
});

/** The canary verify's hostile step plants; it must never appear in any output. */
export const courseInstructorSecret = text('COURSE_INSTRUCTOR_SECRET', {
  meaning: "A canary secret in the grader's environment; no output or results file of a hostile submission may contain it. Never read by the course.",
  fallback: 'unset',
  setBy: "verify's hostile step and the hostile class spec",
});

/** Files the release workflow's pristine step restored or deleted, comma separated. */
export const courseFilesModified = define(
  'COURSE_FILES_MODIFIED',
  {
    meaning: "Files the workflow's pristine step restored or deleted before grading, comma separated; every export names them.",
    fallback: 'none',
    setBy: '`tools/release/pristine.mjs`, through `$GITHUB_ENV`',
  },
  (raw) => (raw ?? '').split(',').filter((file) => file.trim() !== ''),
);

/** `1`: verify fails when webgpu cannot be graded here. */
export const courseRequireWebgpu = flag('COURSE_REQUIRE_WEBGPU', {
  meaning: '`1`: `npm run verify` fails when webgpu cannot be graded here.',
  setBy: '`.ci/run`',
});

/** `1`: verify fails when the OS sandbox cannot run here. */
export const courseRequireSandbox = flag('COURSE_REQUIRE_SANDBOX', {
  meaning: '`1`: `npm run verify` fails when the OS sandbox (bubblewrap) cannot run here.',
  setBy: '`.ci/run`',
});

/** `1`: verify's release check keeps its work folder. */
export const keepReleaseCheck = flag('KEEP_RELEASE_CHECK', {
  meaning: "`1`: verify's release check keeps (and names) its work folder.",
  setBy: 'a maintainer debugging the release check',
});

/** `1`: the golden specs rewrite their golden files. */
export const updateGolden = flag('UPDATE_GOLDEN', {
  meaning: '`1`: the golden specs (`tools/grade/exports/exports.spec.ts`, `tools/goldens/goldens.spec.ts`) rewrite their golden files instead of comparing.',
  setBy: 'a maintainer who changed an export format or what a grading reports',
});

/** The Vulkan loader's own driver list; the course tries it first for webgpu. */
export const vkIcdFilenames = text('VK_ICD_FILENAMES', {
  meaning: "The Vulkan loader's own variable: the driver file(s) to use. `backends/detect.ts` tries it first for webgpu.",
  fallback: "unset: the system's drivers, then SwiftShader",
  setBy: 'you',
});

/** Every setting above, in the order the README's table lists them. */
export const allSettings: readonly Setting<unknown>[] = defined;

/** What `vitest.config.ts` learnt about webgpu (`backends/detect.ts`). */
export type WebgpuFound = { available: true; adapter: string; icd?: string } | { available: false; reason: string };

/**
 * Settles the run's settings once, in the main vitest process, and writes them to `process.env`
 * so the reporter and every worker agree: `GRADE_SEED=random` becomes a number, `GRADE_RUN_ID` is
 * drawn if unset, the webgpu adapter (or why there is none) is recorded. The only place that
 * writes settings to the environment. Returns each project's worker environment.
 *
 * @example shareWithWorkers({ available: false, reason: 'disabled by COURSE_WEBGPU=0' }).cpu → { GRADE_SEED: '', GRADE_RUN_ID: '…', COURSE_BACKEND: 'cpu' }
 */
export function shareWithWorkers(webgpu: WebgpuFound, env: NodeJS.ProcessEnv = process.env): { cpu: Record<string, string>; webgpu: Record<string, string> } {
  if (gradeSeed.read(env) === 'random') env[gradeSeed.name] = String(randomInt(2 ** 31));
  if (webgpu.available) env[courseWebgpuAdapter.name] = webgpu.adapter;
  else env[courseWebgpuReason.name] = webgpu.reason;
  // One id per grading run marks its student processes, so the reporter can make sure none is left.
  if (gradeRunId.read(env) === undefined) env[gradeRunId.name] = randomUUID();
  const shared = { [gradeSeed.name]: env[gradeSeed.name] ?? '', [gradeRunId.name]: env[gradeRunId.name] ?? '' };
  return {
    cpu: { ...shared, [courseBackend.name]: 'cpu' },
    webgpu: { ...shared, [courseBackend.name]: 'webgpu', [courseWebgpuIcd.name]: webgpu.available ? (webgpu.icd ?? '') : '' },
  };
}
