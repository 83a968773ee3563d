/**
 * Sharding and merging: `--shard K/N` slices by name, round robin; `--merge` rebuilds the whole
 * run's gradebook, feedback and results from shard outputs, and refuses shards that do not add
 * up. The workflow the instructors run is a matrix of N shard jobs and one merge job.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readYaml } from '../../lib/yaml.ts';
import { gradebookCsv } from './gradebook.ts';
import { mergeShards } from './merge.ts';
import { byName } from './names.ts';
import { recordSchema, writeRecord, type ClassRecord } from './record.ts';
import { inShard, parseShard } from './shard.ts';
import { classWorkflow } from './workflow.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'shards-spec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ids = ['exercise-01', 'exercise-05'];
const outcomes: ClassRecord['outcomes'] = [
  { student: '.hidden', status: 'skipped', note: "skipped: the folder's name starts with '.'", scores: { 'exercise-01': 0, 'exercise-05': 0 } },
  { student: '=1+1', status: 'graded', note: '', scores: { 'exercise-01': 13, 'exercise-05': 37 } },
  { student: 'ada', status: 'graded', note: '', scores: { 'exercise-01': 13, 'exercise-05': 37 } },
  {
    student: 'bob',
    status: 'compile-error',
    note: 'exercise-05: does not compile: exercise-05-quiz/answers.ts:9:1: x',
    scores: { 'exercise-01': 2.5, 'exercise-05': 0 },
  },
  {
    student: 'carl',
    status: 'timeout',
    note: 'exercise-01: timed out after 240 s and was stopped (0 points)',
    scores: { 'exercise-01': 0, 'exercise-05': 37 },
  },
];
const listed = outcomes.map((o) => o.student).sort(byName);

/** Writes a class run's output as gradeClass does, for the students of `shard` (or all). */
function writeShard(folder: string, shard: { index: number; count: number } | null): string {
  const out = path.join(dir, folder);
  mkdirSync(path.join(out, 'feedback'), { recursive: true });
  mkdirSync(path.join(out, 'results'), { recursive: true });
  const mine = shard === null ? outcomes : inShard(outcomes, shard);
  for (const o of mine) {
    writeFileSync(path.join(out, 'feedback', `${encodeURIComponent(o.student)}.txt`), `Feedback for ${o.student}\n`);
    writeFileSync(path.join(out, 'results', `${encodeURIComponent(o.student)}.json`), `{"student":${JSON.stringify(o.student)}}\n`);
  }
  writeFileSync(path.join(out, 'gradebook.csv'), gradebookCsv(ids, mine));
  writeRecord(out, { schema: recordSchema, seed: 'default', backends: ['cpu'], exercises: ids, budgetS: 240, shard, listed, outcomes: mine });
  return out;
}

const files = (folder: string): Record<string, string> =>
  Object.fromEntries(
    ['gradebook.csv', 'class.json', ...['feedback', 'results'].flatMap((sub) => readdirSync(path.join(folder, sub)).map((f) => `${sub}/${f}`))].map((f) => [
      f,
      readFileSync(path.join(folder, f), 'utf8'),
    ]),
  );

describe('--shard K/N', () => {
  it('parses K/N and refuses anything else, saying what was expected', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '2', 'a/b', '1/0'])
      expect(() => parseShard(bad)).toThrow(`--shard: expected K/N with 1 ≤ K ≤ N ≤ 1000 (e.g. 2/4), got '${bad}'.`);
  });

  it('slices round robin: every item in exactly one shard', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    expect(inShard(items, { index: 1, count: 2 })).toEqual(['a', 'c', 'e']);
    expect(inShard(items, { index: 2, count: 2 })).toEqual(['b', 'd']);
    expect([1, 2, 3].flatMap((index) => inShard(items, { index, count: 3 })).sort()).toEqual(items);
  });
});

describe('--merge', () => {
  it('gives the bytes of a whole run: gradebook, class.json, feedback and results', () => {
    const whole = writeShard('whole', null);
    const shards = [3, 1, 2].map((index) => writeShard(`shard-${index}`, { index, count: 3 }));
    mergeShards(shards, path.join(dir, 'merged'));
    expect(files(path.join(dir, 'merged'))).toEqual(files(whole));
    expect(readFileSync(path.join(dir, 'merged', 'gradebook.csv'), 'utf8')).toContain("\r\n'=1+1,13,37,50,graded,\r\n");
  });

  it('refuses shards that do not add up, saying which', () => {
    const one = writeShard('m-1', { index: 1, count: 2 });
    const two = writeShard('m-2', { index: 2, count: 2 });
    expect(() => mergeShards([one], path.join(dir, 'x'))).toThrow('--merge: expected all 2 shards, missing 2/2.');
    expect(() => mergeShards([one, one], path.join(dir, 'x'))).toThrow(/shard 1\/2 is given twice/);
    expect(() => mergeShards([path.join(dir, 'whole')], path.join(dir, 'x'))).toThrow(/expected shard outputs \(written with --shard K\/N\), got a whole run/);
    expect(() => mergeShards([path.join(dir, 'nothing')], path.join(dir, 'x'))).toThrow(
      /expected the output folder of a class run with class\.json, got '.*nothing' \(ENOENT\)/,
    );
    const other = writeShard('m-other', { index: 2, count: 2 });
    const record = JSON.parse(readFileSync(path.join(other, 'class.json'), 'utf8')) as ClassRecord;
    writeRecord(other, { ...record, seed: 'other' });
    expect(() => mergeShards([one, other], path.join(dir, 'x'))).toThrow(/was graded with other settings/);
    writeRecord(other, { ...record, outcomes: record.outcomes.slice(1) });
    expect(() => mergeShards([one, other], path.join(dir, 'x'))).toThrow(/expected one line per listed student, got 4 lines for 5 students \(missing: /);
    expect(mergeShards([two, one], path.join(dir, 'ok')).outcomes).toHaveLength(5);
  });
});

describe("the instructors' workflow", () => {
  it('runs N shard jobs in a matrix, then one merge job over their artifacts', () => {
    const data = readYaml(classWorkflow(3)) as {
      jobs: {
        grade: { strategy: { matrix: { shard: number[] } }; steps: { run?: string }[] };
        merge: { needs: string; steps: { run?: string; with?: { pattern?: string } }[] };
      };
    };
    expect(data.jobs.grade.strategy.matrix.shard).toEqual([1, 2, 3]);
    expect(data.jobs.grade.steps.map((s) => s.run ?? '').join('\n')).toContain(
      'npm run --silent grade -- --submissions "$SUBMISSIONS" --seed "$GRADE_CLASS_SEED" --shard ${{ matrix.shard }}/3 --out shard-out',
    );
    expect(data.jobs.grade.steps.map((s) => s.run ?? '').join('\n')).toContain('apt-get install -y -q bubblewrap');
    expect(data.jobs.merge.needs).toBe('grade');
    expect(data.jobs.merge.steps.find((s) => s.with?.pattern)?.with?.pattern).toBe('class-shard-*');
    expect(data.jobs.merge.steps.map((s) => s.run ?? '')).toContain('npm run --silent grade -- --merge shards/* --out class-out');
  });

  it('refuses a number of shards GitHub cannot run', () => {
    expect(() => classWorkflow(0)).toThrow('--shards: expected a whole number from 1 to 256');
    expect(() => classWorkflow(Number.NaN)).toThrow('got NaN');
  });
});
