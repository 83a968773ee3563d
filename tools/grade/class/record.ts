/**
 * `class.json`: what a class run (or one shard of it) graded — the settings every shard must share,
 * every name the submissions folder listed, and each outcome's gradebook fields. The merge reads
 * it to check that the shards add up to one whole run, and rebuilds the gradebook from it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Outcome } from './outcome.ts';
import type { Shard } from './shard.ts';

export const recordSchema = 'cnn-course/class/v1';

/** The settings that make two runs comparable. */
export interface ClassSettings {
  seed: string;
  backends: string[];
  /** The gradebook's exercise columns, in course order. */
  exercises: string[];
  /** Per-exercise time budget, seconds. */
  budgetS: number;
}

export interface ClassRecord extends ClassSettings {
  schema: typeof recordSchema;
  /** This run's slice, or null for a whole run (or a merge). */
  shard: Shard | null;
  /** Every entry of the submissions folder that has a line, in name order (all shards list the same). */
  listed: string[];
  outcomes: Pick<Outcome, 'student' | 'status' | 'note' | 'scores'>[];
}

export const recordName = 'class.json';

/**
 * Writes `record` as `<out>/class.json`.
 *
 * @example writeRecord('out/class', { schema: recordSchema, seed: 'default', backends: ['cpu'], exercises: ['exercise-05'], budgetS: 240, shard: null, listed: ['ada'], outcomes: [] })
 */
export function writeRecord(out: string, record: ClassRecord): void {
  writeFileSync(path.join(out, recordName), `${JSON.stringify(record, null, 2)}\n`);
}

/**
 * Reads `<dir>/class.json`; throws saying what was expected when it is missing or not a record.
 *
 * @example readRecord('shards/shard-1').shard → { index: 1, count: 4 }
 */
export function readRecord(dir: string): ClassRecord {
  const file = path.join(dir, recordName);
  let record: ClassRecord;
  try {
    record = JSON.parse(readFileSync(file, 'utf8')) as ClassRecord;
  } catch (error) {
    throw new Error(
      `--merge: expected the output folder of a class run with ${recordName}, got '${dir}' (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
    );
  }
  if (record?.schema !== recordSchema || !Array.isArray(record.outcomes) || !Array.isArray(record.listed)) {
    throw new Error(`--merge: expected ${file} to be a ${recordSchema} record, got schema ${JSON.stringify(record?.schema)}.`);
  }
  return record;
}
