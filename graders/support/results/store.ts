/**
 * The one result store: `.grade/results/<graded folder>/<exercise-id>.json`, one file per
 * exercise and graded folder. `npm test` (the reporter), `npm start` and watch write it through
 * {@link recordRun}; start, watch, hint and the exports read it. Each file keeps the exercise's
 * last complete grading and, apart from it, its last filtered run (a replay, `-t`, a backend
 * subset), which is never a grade: nothing that reports a score reads `filtered`.
 *
 * A run written to an explicit file instead (`GRADE_RESULTS`: the autograding workflow, class
 * grading, verify) does not touch the store.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { repoRoot } from '../paths.ts';
import type { RunResult } from './model.ts';
import { readRunResult, zodProblems } from './schema.ts';
import { sliceRun } from './slice.ts';

/** The version of a store file; a reader refuses any other. */
export const storeSchemaVersion = 1;

/** One grading of one exercise, as the store keeps it. */
export interface StoredGrading {
  gradedAt: string;
  /** How many gradings of this kind (complete or filtered) the store has recorded for the exercise. */
  gradings: number;
  /**
   * What it was graded from (tools/lib/grade-cache.ts: student files, grading files, backends,
   * seed), when the grading's caller knew it (`npm start`, watch); `npm test` leaves it out, so
   * start grades such a result once more before reusing it.
   */
  inputs?: Record<string, string>;
  /** The run narrowed to this exercise (see slice.ts). */
  result: RunResult;
}

/** One exercise's file in the store. */
export interface StoreEntry {
  schemaVersion: typeof storeSchemaVersion;
  exercise: string;
  /** The graded folder (absolute). */
  target: string;
  /** The last complete grading: the one start, watch, hint and the exports read. */
  complete?: StoredGrading;
  /** The last filtered run, if newer than the complete grading: shown by nobody as a score. */
  filtered?: StoredGrading;
}

const grading = z.object({
  gradedAt: z.string(),
  gradings: z.number().int().nonnegative(),
  inputs: z.record(z.string(), z.string()).optional(),
  result: z.unknown(),
});

const entrySchema = z.object({
  schemaVersion: z.literal(storeSchemaVersion),
  exercise: z.string(),
  target: z.string(),
  complete: grading.optional(),
  filtered: grading.optional(),
});

/**
 * A graded folder's name in the store: its repository-relative path with `~` for `/`, or
 * `outside-<hash>` for a folder outside the repository (never its path).
 *
 * @example targetKey('/repo/.grade/mutants/x', '/repo') → '.grade~mutants~x'
 */
export function targetKey(target: string, root = repoRoot): string {
  const relative = path.relative(root, target);
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return inside ? relative.split(path.sep).join('~') : `outside-${createHash('sha256').update(target).digest('hex').slice(0, 12)}`;
}

/** The store's folder for one graded folder. */
export function storeDir(target: string, root = repoRoot): string {
  return path.join(root, '.grade', 'results', targetKey(target, root));
}

/**
 * Where `exerciseId`'s results for `target` are kept.
 *
 * @example storeFile('exercise-01', '/repo/exercises', '/repo') → '/repo/.grade/results/exercises/exercise-01.json'
 */
export function storeFile(exerciseId: string, target: string, root = repoRoot): string {
  return path.join(storeDir(target, root), `${exerciseId}.json`);
}

/** Validates a parsed store file; throws an Error saying what was expected and what was given. */
export function parseStoreEntry(value: unknown, exerciseId: string, where: string): StoreEntry {
  const version = typeof value === 'object' && value !== null ? (value as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (version !== storeSchemaVersion) {
    throw new Error(`${where}: expected a result store file of schemaVersion ${storeSchemaVersion}, got schemaVersion ${JSON.stringify(version ?? null)}`);
  }
  const parsed = entrySchema.safeParse(value);
  if (!parsed.success) throw new Error(`${where}: not a valid result store file: ${zodProblems(parsed.error)}`);
  if (parsed.data.exercise !== exerciseId) throw new Error(`${where}: expected the results of ${exerciseId}, got those of ${parsed.data.exercise}`);
  const result = (g: z.infer<typeof grading> | undefined, slot: string): StoredGrading | undefined => {
    if (g === undefined) return undefined;
    const run = readRunResult(g.result, `${where} (${slot})`);
    if (run.exercises.length !== 1 || run.exercises[0].id !== exerciseId) throw new Error(`${where} (${slot}): expected a result of ${exerciseId} alone`);
    return { ...g, result: run };
  };
  return { ...parsed.data, complete: result(parsed.data.complete, 'complete'), filtered: result(parsed.data.filtered, 'filtered') };
}

/**
 * The store's entry for `exerciseId` in `target`: nothing when there is none, a `note` (never
 * an exception) when the file is unreadable or of another version — it is then graded again.
 */
export function readStoreEntry(exerciseId: string, target: string, root = repoRoot): { entry?: StoreEntry; note?: string } {
  const file = storeFile(exerciseId, target, root);
  if (!existsSync(file)) return {};
  try {
    return { entry: parseStoreEntry(JSON.parse(readFileSync(file, 'utf8')), exerciseId, file) };
  } catch (error) {
    return { note: `the stored result of ${exerciseId} could not be used (${(error as Error).message.split('\n')[0]}); grading it again` };
  }
}

/** The exercises that have a file in the store for `target`, sorted. */
export function storedExercises(target: string, root = repoRoot): string[] {
  const dir = storeDir(target, root);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
}

/** Writes an entry atomically (write, then rename), so a reader never sees half of one. */
function writeEntry(file: string, entry: StoreEntry): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(entry, null, 2)}\n`);
  renameSync(temporary, file);
}

/** Everything {@link recordRun} needs besides the run. */
export interface RecordOptions {
  /** The graded folder (absolute). */
  target: string;
  /** Repository root (specs use a temporary one). */
  root?: string;
  /** What each exercise was graded from, when the caller knows it (see {@link StoredGrading.inputs}). */
  inputs?: (exerciseId: string) => Record<string, string> | undefined;
  /** The time of the grading (default now). */
  now?: Date;
}

/**
 * Records every exercise of `run` in the store: a complete run becomes the exercise's
 * `complete` grading (and drops an older filtered run); a filtered run is kept as `filtered`
 * only, leaving the complete grading as it was. Returns each exercise's new grading.
 *
 * @example recordRun(run, { target: '/repo/exercises' }).get('exercise-01')?.gradings → 1
 */
export function recordRun(run: RunResult, options: RecordOptions): Map<string, StoredGrading> {
  const root = options.root ?? repoRoot;
  const recorded = new Map<string, StoredGrading>();
  for (const { id } of run.exercises) {
    const result = sliceRun(run, id);
    if (result === undefined) continue;
    const previous = readStoreEntry(id, options.target, root).entry;
    const slot = run.filtered ? 'filtered' : 'complete';
    const inputs = run.filtered ? undefined : options.inputs?.(id);
    const stored: StoredGrading = {
      gradedAt: (options.now ?? new Date()).toISOString(),
      gradings: (previous?.[slot]?.gradings ?? 0) + 1,
      ...(inputs === undefined ? {} : { inputs }),
      result,
    };
    const entry: StoreEntry = {
      schemaVersion: storeSchemaVersion,
      exercise: id,
      target: options.target,
      ...(run.filtered ? { complete: previous?.complete, filtered: stored } : { complete: stored }),
    };
    writeEntry(storeFile(id, options.target, root), entry);
    recorded.set(id, stored);
  }
  return recorded;
}
