/**
 * Why a mutant need not be graded a second time in the release. The release's reference is the
 * sealed recording: the same answers, looked up by the same key, as the live reference gives
 * (graders/support/reference.ts; canonical.ts round-trips them), except that a key it lacks (a
 * "sealed miss") throws a GradeFailure. So a sealed grading runs exactly as the live one up to its
 * first miss, and a miss can only turn a test into a failure. The mutants step grades live with
 * `GRADE_RECORD_DIR` set, so it knows every answer each test asked for: when every answer missing
 * from (or different in) the recording the release seals was asked by a test that failed anyway,
 * the release gives the mutant the verdict it got here, part by part — partial parts included,
 * since each test keeps its status.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RunResult } from '../../../graders/support/results/model.ts';
import { gradedParts, partSuiteName } from './graded-parts.ts';
import type { MutantJob } from './mutant-batches.ts';

/** One answer the live reference gave, as its recording line has it (`test`: vitest's current test name). */
export interface Asked {
  key: string;
  value: string;
  test?: string;
}

/**
 * Every answer recorded under `dir` (`<exercise>.<pid>.jsonl`), per exercise id; an empty map for
 * a folder that does not exist (no reference asked).
 *
 * @example readAsked('.grade/mutant-batches/mutants-0.asked') → Map { 'exercise-01' => [{ key: '3f…', value: '7', test: 'Part A · outputSize > agrees with …' }, …] }
 */
export function readAsked(dir: string): Map<string, Asked[]> {
  const out = new Map<string, Asked[]>();
  if (!existsSync(dir)) return out;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
    const id = file.split('.')[0];
    const lines = readFileSync(path.join(dir, file), 'utf8').split('\n');
    const asked = lines.filter((line) => line !== '').map((line) => JSON.parse(line) as Asked);
    out.set(id, [...(out.get(id) ?? []), ...asked]);
  }
  return out;
}

/**
 * The answers a sealed grading would not give alike: keys absent from `sealed` (key → canonical
 * value), and keys it holds with another value (a reference that is not deterministic).
 *
 * @example unsealed([{ key: 'a', value: '1' }, { key: 'b', value: '2' }], new Map([['a', '1']])) → [{ key: 'b', value: '2' }]
 */
export function unsealed(asked: Asked[], sealed: Map<string, string>): Asked[] {
  return asked.filter((a) => sealed.get(a.key) !== a.value);
}

/** Whether the proof holds for one mutant, and if not, the first reason. */
export interface SealedProof {
  holds: boolean;
  why: string;
  /** How many answers the sealed recording lacks or holds otherwise (each failing the proof unless its test failed). */
  misses: number;
}

/**
 * The proof rule for `job` graded live in `run`, given its exercise's `misses` (see
 * {@link unsealed}): it holds when each miss was asked by a test of a graded part that failed on
 * every backend it ran on. A miss outside any test or graded part, or in a test that passed or was
 * skipped (on any backend), or a run without the exercise's result or with a grader error, and the
 * proof fails.
 *
 * @example sealedProof(job, run, []) → { holds: true, why: 'no sealed miss', misses: 0 }
 * @example sealedProof(job, run, [{ key, value, test: 'Part B · correlate2d > agrees with …' }]) → { holds: false, why: "a sealed miss in B's passing or skipped test 'agrees with …'", misses: 1 } (B passed)
 */
export function sealedProof(job: MutantJob, run: RunResult | undefined, misses: Asked[]): SealedProof {
  const result = run?.exercises.find((e) => e.id === job.exercise.id);
  if (result === undefined) return { holds: false, why: 'no result to prove it on', misses: misses.length };
  // Its verdict would name the error, not the parts that rejected it: left to the release to grade.
  if (result.error !== undefined) return { holds: false, why: 'a grader error', misses: misses.length };
  const suites = gradedParts(job).map((id) => ({ id, prefix: `${partSuiteName(job.exercise, id)} > ` }));
  for (const miss of misses) {
    const suite = suites.find((s) => miss.test?.startsWith(s.prefix) === true);
    if (suite === undefined) return { holds: false, why: `a sealed miss outside the graded parts' tests (${miss.test ?? 'no test'})`, misses: misses.length };
    const name = miss.test!.slice(suite.prefix.length);
    const tests = result.parts.find((p) => p.id === suite.id)?.tests.filter((t) => t.name === name) ?? [];
    if (tests.length === 0 || tests.some((t) => t.status !== 'failed'))
      return {
        holds: false,
        why: `a sealed miss in ${suite.id}'s ${tests.length === 0 ? 'unknown' : 'passing or skipped'} test '${name}'`,
        misses: misses.length,
      };
  }
  return { holds: true, why: misses.length === 0 ? 'no sealed miss' : `${misses.length} sealed miss(es), each in a failing test`, misses: misses.length };
}

/**
 * A fingerprint of one exercise's sealed file (`graders/sealed/<id>.json.gz`, seal.ts
 * sealedBytes): a proof is used only in a release that sealed exactly the recording it was made
 * against.
 *
 * @example fingerprint(sealedBytes(recording)) → '9c1f…' (64 hex digits)
 */
export function fingerprint(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The fingerprint of each exercise's sealed file in a release (`ids` absent there are left out). */
export function releaseFingerprints(releaseRoot: string, ids: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const id of ids) {
    const file = path.join(releaseRoot, 'graders', 'sealed', `${id}.json.gz`);
    if (existsSync(file)) out.set(id, fingerprint(readFileSync(file)));
  }
  return out;
}
