/**
 * Packing recordings into the sealed files a release ships (`graders/sealed/<exercise>.json.gz`,
 * read by graders/support/reference.ts): `{ entries: { <key>: <canonical value> } }`, keys
 * sorted so the same recording always gives the same bytes. A key recorded twice with different
 * values means the reference (or its inputs) is not deterministic: that is reported, never hidden.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Course } from '../../graders/support/course.ts';

/** One exercise's recordings, merged. */
export interface ExerciseRecording {
  entries: Map<string, string>;
  /** Keys recorded with different values. */
  conflicts: string[];
  /** Lines read (calls made, repeats included). */
  calls: number;
}

/** Reads every `<exercise>.<pid>.jsonl` of a recording folder, per exercise id. */
export function readRecording(dir: string, course: Course): Map<string, ExerciseRecording> {
  const out = new Map<string, ExerciseRecording>(course.exercises.map((e) => [e.id, { entries: new Map(), conflicts: [], calls: 0 }]));
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    const id = file.split('.')[0];
    const recording = out.get(id);
    if (recording === undefined) continue;
    for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      if (line === '') continue;
      const { key, value } = JSON.parse(line) as { key: string; value: string };
      recording.calls++;
      const previous = recording.entries.get(key);
      if (previous !== undefined && previous !== value && !recording.conflicts.includes(key)) recording.conflicts.push(key);
      if (previous === undefined) recording.entries.set(key, value);
    }
  }
  return out;
}

/** The bytes of one sealed file. */
export function sealedBytes(recording: ExerciseRecording): Buffer {
  const entries: Record<string, string> = {};
  for (const key of [...recording.entries.keys()].sort()) entries[key] = recording.entries.get(key)!;
  return gzipSync(JSON.stringify({ entries }), { level: 9 });
}

/** What was sealed for one exercise. */
export interface SealedSummary {
  id: string;
  entries: number;
  calls: number;
  conflicts: number;
  bytes: number;
}

/**
 * Writes `graders/sealed/<id>.json.gz` under `releaseRoot` for every exercise of the course (an
 * exercise whose grader never asks the reference gets an empty file, so an unexpected question
 * fails clearly instead of finding no reference at all).
 *
 * @example sealRecordings(readRecording(dir, course), '/tmp/release') → [{ id: 'exercise-01', entries: 812, calls: 1650, conflicts: 0, bytes: 98304 }, …]
 */
export function sealRecordings(recordings: Map<string, ExerciseRecording>, releaseRoot: string): SealedSummary[] {
  const dir = path.join(releaseRoot, 'graders', 'sealed');
  mkdirSync(dir, { recursive: true });
  return [...recordings].map(([id, recording]) => {
    const bytes = sealedBytes(recording);
    writeFileSync(path.join(dir, `${id}.json.gz`), bytes);
    return { id, entries: recording.entries.size, calls: recording.calls, conflicts: recording.conflicts.length, bytes: bytes.length };
  });
}

/**
 * Keys whose recorded values differ between two recordings, or that only one of them has: empty
 * when recording is deterministic.
 */
export function compareRecordings(a: Map<string, ExerciseRecording>, b: Map<string, ExerciseRecording>): string[] {
  const problems: string[] = [];
  for (const [id, first] of a) {
    const second = b.get(id);
    if (second === undefined) continue;
    const onlyFirst = [...first.entries.keys()].filter((k) => !second.entries.has(k)).length;
    const onlySecond = [...second.entries.keys()].filter((k) => !first.entries.has(k)).length;
    const differ = [...first.entries].filter(([k, v]) => second.entries.has(k) && second.entries.get(k) !== v).length;
    if (onlyFirst + onlySecond + differ > 0)
      problems.push(`${id}: ${onlyFirst} key(s) only in the first recording, ${onlySecond} only in the second, ${differ} with different values`);
  }
  return problems;
}
