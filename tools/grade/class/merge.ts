/**
 * `npm run grade -- --merge <shard dir>… --out <dir>`: puts the outputs of N shards back together
 * into the output of one whole run — the gradebook rebuilt from the shards' records in name order
 * (the same bytes a single machine writes), and their feedback and results files side by side.
 * Refuses shards that do not add up: different settings, a shard missing or given twice, a student
 * graded twice or not at all.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gradebookCsv } from './gradebook.ts';
import { byName } from './names.ts';
import { readRecord, recordSchema, writeRecord, type ClassRecord, type ClassSettings } from './record.ts';

function settingsOf(record: ClassRecord): string {
  const settings: ClassSettings = { seed: record.seed, backends: record.backends, exercises: record.exercises, budgetS: record.budgetS };
  return JSON.stringify(settings);
}

function copyFolder(from: string, to: string, owner: Map<string, string>, shardDir: string): void {
  if (!existsSync(from)) return;
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const seen = owner.get(path.join(to, name));
    if (seen !== undefined)
      throw new Error(`--merge: ${path.basename(from)}/${name} is in both '${seen}' and '${shardDir}': expected each student in one shard.`);
    owner.set(path.join(to, name), shardDir);
    copyFileSync(path.join(from, name), path.join(to, name));
  }
}

/**
 * Merges the shard output folders `dirs` into `out`; returns the merged record.
 *
 * @example mergeShards(['shards/shard-1', 'shards/shard-2'], 'out/class').outcomes.length → every student of the class
 */
export function mergeShards(dirs: string[], out: string): ClassRecord {
  if (dirs.length === 0) throw new Error('--merge: expected one or more shard output folders, got none.');
  const records = dirs.map((dir) => ({ dir, record: readRecord(dir) }));
  const first = records[0];
  const count = first.record.shard?.count;
  if (count === undefined) throw new Error(`--merge: expected shard outputs (written with --shard K/N), got a whole run in '${first.dir}'.`);
  const byIndex = new Map<number, string>();
  for (const { dir, record } of records) {
    if (settingsOf(record) !== settingsOf(first.record))
      throw new Error(`--merge: '${dir}' was graded with other settings than '${first.dir}': expected ${settingsOf(first.record)}, got ${settingsOf(record)}.`);
    if (JSON.stringify(record.listed) !== JSON.stringify(first.record.listed))
      throw new Error(`--merge: '${dir}' graded another submissions folder than '${first.dir}' (the lists of students differ).`);
    if (record.shard?.count !== count)
      throw new Error(
        `--merge: expected shards of ${count}, got ${record.shard === null ? 'a whole run' : `shard ${record.shard.index}/${record.shard.count}`} in '${dir}'.`,
      );
    const twice = byIndex.get(record.shard.index);
    if (twice !== undefined) throw new Error(`--merge: shard ${record.shard.index}/${count} is given twice ('${twice}' and '${dir}').`);
    byIndex.set(record.shard.index, dir);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) throw new Error(`--merge: expected all ${count} shards, missing ${missing.map((i) => `${i}/${count}`).join(', ')}.`);
  const outcomes = records.flatMap(({ record }) => record.outcomes).sort((a, b) => byName(a.student, b.student));
  const names = outcomes.map((o) => o.student);
  if (JSON.stringify(names) !== JSON.stringify(first.record.listed)) {
    const lost = first.record.listed.filter((n) => !names.includes(n));
    throw new Error(
      `--merge: expected one line per listed student, got ${names.length} lines for ${first.record.listed.length} students${lost.length ? ` (missing: ${lost.slice(0, 5).join(', ')})` : ' (some twice)'}.`,
    );
  }
  const target = path.resolve(out);
  mkdirSync(target, { recursive: true });
  const owner = new Map<string, string>();
  for (const { dir } of records) {
    copyFolder(path.join(dir, 'feedback'), path.join(target, 'feedback'), owner, dir);
    copyFolder(path.join(dir, 'results'), path.join(target, 'results'), owner, dir);
  }
  mkdirSync(path.join(target, 'feedback'), { recursive: true });
  mkdirSync(path.join(target, 'results'), { recursive: true });
  writeFileSync(path.join(target, 'gradebook.csv'), gradebookCsv(first.record.exercises, outcomes));
  const merged: ClassRecord = { ...first.record, schema: recordSchema, shard: null, outcomes };
  writeRecord(target, merged);
  return merged;
}
