/**
 * The one door to the hidden reference. Graders never import solutions/ themselves: they ask this
 * module, which either runs the live solution in the grader's process (the instructors'
 * repository, or a release after `publish-solutions`) or looks the answer up in the sealed
 * recordings that a student release ships instead (`graders/sealed/<exercise>.json.gz`).
 *
 * Recordings are keyed by a hash of the computation's name and its exact inputs; the inputs are
 * drawn from fixed seeds, so a release replays exactly the reference calls made when it was built.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type * as tfTypes from '@tensorflow/tfjs';
import { expect } from 'vitest';
import type { Exercise } from './course.ts';
import { GradeFailure } from './failure.ts';
import { repoRoot, solutionsDir } from './paths.ts';
import { replayPath, runSeed } from './seed.ts';
import type { Created } from './sandbox/codec.ts';
import { fromCanonical, toCanonical } from './canonical.ts';
import type { Wire } from './sandbox/wire.ts';
import { gradeAnswersDir, gradeRecordDir } from './settings.ts';
import { AnswerPool } from './answers.ts';

/**
 * A sealed release has no recorded answer for this case because the run uses another seed or path
 * than the release recorded. Not the student's mistake: the harness skips what needs that answer,
 * with this notice, and grades the rest of the part on the checks that need no reference.
 */
export class MissingRecording extends Error {
  override name = 'MissingRecording';
}

let noticed = false;

/** The loaded solution module of an exercise. */
export type SolutionModule = Record<string, unknown>;

/** Where sealed recordings live, per exercise. */
export function sealedFile(exercise: Exercise, root = repoRoot): string {
  return path.join(root, 'graders', 'sealed', `${exercise.id}.json.gz`);
}

/** The live solution's entry file of an exercise. */
export function solutionFile(exercise: Exercise, root = solutionsDir): string {
  return path.join(root, exercise.folder, exercise.files[0]);
}

/** Whether the live solution is present (the instructors' repository, or published). */
export function hasLiveSolution(exercise: Exercise): boolean {
  return existsSync(solutionFile(exercise));
}

function keyOf(name: string, argsText: string): string {
  return createHash('sha256').update(`${name}\n${argsText}`).digest('hex');
}

/** The reference of one exercise: live or sealed, the same interface. */
export class Reference {
  private module: Promise<SolutionModule> | undefined;
  private sealed: Map<string, string> | undefined;
  private answers: AnswerPool | undefined;
  readonly mode: 'live' | 'sealed';

  constructor(private readonly exercise: Exercise) {
    if (hasLiveSolution(exercise)) this.mode = 'live';
    else if (existsSync(sealedFile(exercise))) this.mode = 'sealed';
    else throw new Error(`reference: no solution (${solutionFile(exercise)}) and no sealed recordings (${sealedFile(exercise)}) for ${exercise.id}.`);
  }

  /**
   * The reference's answer for a named computation on wire inputs. `compute` runs only in live
   * mode, with the solution module (unless `GRADE_ANSWERS_DIR` pools its answer already); in sealed
   * mode the recorded answer is returned.
   */
  async run(name: string, args: Wire, compute: (solution: SolutionModule, args: Wire) => Promise<Wire>): Promise<Wire> {
    const argsText = toCanonical(args);
    const key = keyOf(name, argsText);
    if (this.mode === 'sealed') {
      this.sealed ??= loadSealed(sealedFile(this.exercise));
      const found = this.sealed.get(key);
      if (found === undefined) {
        // With the default seed the recordings hold every case the graders draw: a miss means the
        // input came from the submission itself (a counterexample it built), which must fail as
        // before, never skip its way to points.
        if (runSeed() === 'default' && replayPath() === undefined) {
          throw new GradeFailure(
            `no sealed reference answer for this case of ${name}: with the default seed the recordings cover every case the graders draw, so this input came from your code; the check cannot accept it without the published solution.`,
          );
        }
        const notice = `no sealed reference answer for this case of ${name} (the recordings cover the default seed only): checks that need it are skipped, never failed. Unset GRADE_SEED and GRADE_PATH, or publish the solutions, to check them.`;
        if (!noticed) process.stderr.write(`notice: ${notice}\n`);
        noticed = true;
        throw new MissingRecording(notice);
      }
      return fromCanonical(found);
    }
    // The asking test's name: which part a computation served (the seal reads key and value only).
    const test = expect.getState().currentTestName;
    // Class grading: an answer given while grading an earlier student is looked up, not computed again (answers.ts).
    const answersDir = gradeAnswersDir.read();
    if (answersDir) this.answers ??= new AnswerPool(answersDir, this.exercise.id);
    const pooled = this.answers?.lookup(key, args, argsText);
    let value: Wire;
    if (pooled !== undefined) value = pooled.value;
    else {
      this.module ??= import(solutionFile(this.exercise)) as Promise<SolutionModule>;
      value = await compute(await this.module, args);
      this.answers?.keep(key, args, argsText, value, test);
    }
    const recordDir = gradeRecordDir.read();
    if (recordDir) {
      mkdirSync(recordDir, { recursive: true });
      appendFileSync(path.join(recordDir, `${this.exercise.id}.${process.pid}.jsonl`), `${JSON.stringify({ key, value: toCanonical(value), test })}\n`);
    }
    return value;
  }

  /**
   * Calls an exported function of the solution on wire arguments (ndarrays and tensors rebuilt
   * here, on cpu). When the solution throws, the answer is `{ $threw: message }`.
   */
  async call(fn: string, args: Wire[]): Promise<Wire> {
    return this.run(fn, args, async (solution, wireArgs) => {
      // Loaded here, not at the top: graders of plain-data exercises never pay for tfjs.
      const { fromStudent, toStudent } = await import('./sandbox/codec.ts');
      const created: Created = { tensors: [], arrays: [] };
      const returned: tfTypes.Tensor[] = [];
      try {
        const live = (wireArgs as Wire[]).map((a) => toStudent(a, created));
        let result: unknown;
        try {
          result = await (solution[fn] as (...a: unknown[]) => unknown)(...live);
        } catch (error) {
          return { $threw: error instanceof Error ? error.message : String(error) };
        }
        return await fromStudent(result, `reference ${fn}`, returned);
      } finally {
        for (const t of [...created.tensors, ...returned]) if (!t.isDisposed) t.dispose();
      }
    });
  }
}

function loadSealed(file: string): Map<string, string> {
  const payload = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as { entries: Record<string, string> };
  return new Map(Object.entries(payload.entries));
}
