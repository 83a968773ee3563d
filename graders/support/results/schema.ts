/**
 * The versioned result schema: the one check every reader of a result (the store, the exports,
 * the tools that spawn a grading) applies before trusting a file. A file of another
 * `schemaVersion` is refused with an Error naming both versions; a malformed one with an Error
 * naming the first broken fields. The zod schema is checked against model.ts's types, so the
 * two cannot drift apart.
 */
import { z } from 'zod';
import { type FailureData, type RunResult, resultSchemaVersion } from './model.ts';

const status = z.enum(['passed', 'failed', 'skipped']);

const failure: z.ZodType<FailureData> = z.object({
  kind: z.enum(['wrong', 'stub', 'threw', 'hung', 'crashed', 'compile', 'setup', 'tampered', 'leaked', 'mutated', 'aliased', 'grader']),
  summary: z.string(),
  sections: z.array(z.object({ label: z.string(), body: z.string() })),
  hint: z.object({ partId: z.string(), level: z.number().int().positive(), text: z.string(), command: z.string() }).optional(),
});

const test = z.object({
  name: z.string(),
  backend: z.string(),
  status,
  durationMs: z.number(),
  message: z.string().optional(),
  failure: failure.optional(),
});

const part = z.object({
  id: z.string(),
  title: z.string(),
  score: z.number(),
  maxScore: z.number(),
  bonus: z.boolean(),
  status,
  backends: z.array(z.object({ backend: z.string(), status })),
  tests: z.array(test),
});

const exercise = z.object({
  id: z.string(),
  title: z.string(),
  score: z.number(),
  maxScore: z.number(),
  parts: z.array(part),
  error: z.string().optional(),
});

/** The schema of a {@link RunResult} of the current version. */
export const runResultSchema: z.ZodType<RunResult> = z.object({
  schemaVersion: z.literal(resultSchemaVersion),
  startedAt: z.string(),
  durationMs: z.number(),
  target: z.string(),
  seed: z.string(),
  backends: z.array(z.object({ name: z.string(), adapter: z.string() })),
  unavailable: z.array(z.object({ name: z.string(), reason: z.string() })),
  filtered: z.boolean(),
  graders_modified: z.array(z.string()),
  exercises: z.array(exercise),
  errors: z.array(z.string()),
  counts: z.object({ passed: z.number(), failed: z.number(), skipped: z.number() }),
});

/** The first few problems of a zod error, as `path: message; …`. */
export function zodProblems(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(top level)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Validates a parsed result; throws an Error saying what was expected and what was given.
 *
 * @example readRunResult(JSON.parse(text), '.grade/autograding/exercise-01.json') → RunResult
 * @example readRunResult({ schemaVersion: 1 }, 'old.json') → throws "old.json: a result of schemaVersion 1; this course reads schemaVersion 2 …"
 */
export function readRunResult(value: unknown, where: string): RunResult {
  const version = typeof value === 'object' && value !== null ? (value as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (version !== resultSchemaVersion) {
    const given =
      version === undefined
        ? 'a file without a schemaVersion (an older course version, or not a result file)'
        : `a result of schemaVersion ${JSON.stringify(version)}`;
    throw new Error(`${where}: ${given}; this course reads schemaVersion ${resultSchemaVersion} only — grade again to write a current one.`);
  }
  const parsed = runResultSchema.safeParse(value);
  if (!parsed.success) throw new Error(`${where}: not a valid result of schemaVersion ${resultSchemaVersion}: ${zodProblems(parsed.error)}`);
  return parsed.data;
}
