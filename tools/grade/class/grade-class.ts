/**
 * `npm run grade -- --submissions <dir>`: grades every submission (or one shard of them) against
 * the live hidden solutions, several at a time, each staged into a private copy and graded in its
 * own process group with a time budget per exercise; the reference's answers are computed once
 * per class run and shared by its gradings (graders/support/answers.ts). Writes `gradebook.csv`,
 * `feedback/<student>.txt`, `results/<student>.json` and `class.json` to the output folder; a
 * malformed, crashing or hanging submission gets its line and never stops the run.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Course } from '../../../graders/support/course.ts';
import { repoRoot } from '../../../graders/support/paths.ts';
import { hasLiveSolution, solutionFile } from '../../../graders/support/reference.ts';
import { inPool } from '../../lib/grade-run.ts';
import { points } from '../../../graders/support/results/points.ts';
import { feedbackText } from './feedback.ts';
import { gradebookCsv } from './gradebook.ts';
import { gradeOne } from './grade-one.ts';
import { outputName } from './names.ts';
import type { Outcome } from './outcome.ts';
import { recordSchema, writeRecord } from './record.ts';
import { inShard, type Shard } from './shard.ts';
import { listSubmissions } from './submissions.ts';

export interface ClassOptions {
  submissions: string;
  /** Output folder (created). */
  out: string;
  /** Submissions graded at once. */
  jobs: number;
  /** Wall-clock budget of one exercise of one submission. */
  budgetMs: number;
  /** Exercise ids to grade (all of course.json when empty). */
  exercises: string[];
  backends: string[];
  /** The run seed every submission is graded with. */
  seed: string;
  /** Grade only this slice of the submissions (name order). */
  shard?: Shard;
}

export interface ClassReport {
  outcomes: Outcome[];
  elapsedMs: number;
  gradebook: string;
  /** Submissions graded per minute of wall-clock time. */
  perMinute: number;
}

/** Throws, naming the missing files, unless every exercise to grade has its live solution here. */
export function requireLiveSolutions(exercises: Course['exercises']): void {
  const hidden = exercises.filter((e) => !hasLiveSolution(e));
  if (hidden.length > 0) {
    throw new Error(
      `grading a class needs the hidden solutions (${hidden.map((e) => path.relative(repoRoot, solutionFile(e))).join(', ')} missing): run it in the instructors' repository, not in a student release.`,
    );
  }
}

/**
 * Writes a student's feedback and results files (none for a skipped folder).
 *
 * @example writeOutputs('out/class', outcome, 'default') // out/class/feedback/ada.txt, out/class/results/ada.json
 */
export function writeOutputs(out: string, outcome: Outcome, seed: string): void {
  if (outcome.status === 'skipped') return;
  const file = outputName(outcome.student);
  writeFileSync(path.join(out, 'feedback', `${file}.txt`), feedbackText(outcome, seed));
  if (outcome.run !== undefined) writeFileSync(path.join(out, 'results', `${file}.json`), `${JSON.stringify(outcome.run, null, 2)}\n`);
}

/**
 * Grades a class and writes the gradebook and feedback. `log` receives one line per submission.
 *
 * @example await gradeClass(course, { submissions: 'class/', out: 'out/class', jobs: 2, budgetMs: 240_000, exercises: [], backends: ['cpu'], seed: 'default' }, console.log)
 */
export async function gradeClass(fullCourse: Course, options: ClassOptions, log: (line: string) => void): Promise<ClassReport> {
  const exercises = fullCourse.exercises.filter((e) => options.exercises.length === 0 || options.exercises.includes(e.id));
  // The gradebook's columns: the exercises graded, in course order.
  const course: Course = { ...fullCourse, exercises };
  const ids = exercises.map((e) => e.id);
  requireLiveSolutions(exercises);
  const listed = listSubmissions(options.submissions, course);
  if (listed.length === 0) throw new Error(`--submissions: '${options.submissions}' holds no submission folders.`);
  const submissions = options.shard === undefined ? listed : inShard(listed, options.shard);
  const out = path.resolve(options.out);
  mkdirSync(path.join(out, 'feedback'), { recursive: true });
  mkdirSync(path.join(out, 'results'), { recursive: true });
  const gradebook = path.join(out, 'gradebook.csv');
  const stagingRoot = mkdtempSync(path.join(tmpdir(), 'grade-class-'));
  // Every student draws the same cases (one seed): the reference's answers, computed live by the
  // graders of one student, are looked up by the next (graders/support/answers.ts). Outside every
  // student's sandbox, and removed with the staging folder.
  const answersDir = path.join(stagingRoot, 'answers');
  const max = exercises.reduce((s, e) => s + e.parts.filter((p) => !p.bonus).reduce((t, p) => t + p.points, 0), 0);
  const done: (Outcome | undefined)[] = new Array(submissions.length).fill(undefined);
  const graded = (): Outcome[] => done.filter((o): o is Outcome => o !== undefined);
  let finished = 0;
  const started = Date.now();
  // Written first, and rewritten after every submission, so an interrupted run keeps what it graded.
  writeFileSync(gradebook, gradebookCsv(ids, []));
  try {
    await inPool(
      submissions.map((s, i) => ({ s, i })),
      Math.max(1, options.jobs),
      async ({ s, i }) => {
        let outcome: Outcome;
        try {
          outcome = await gradeOne(s, course, { budgetMs: options.budgetMs, backends: options.backends, seed: options.seed, answersDir }, stagingRoot, i);
          writeOutputs(out, outcome, options.seed);
        } catch (error) {
          outcome = {
            student: s.student,
            status: 'crashed',
            note: `crashed: the class run could not grade or record this submission (${(error as Error).message})`,
            scores: {},
            run: undefined,
            tail: '',
            durationMs: 0,
          };
        }
        done[i] = outcome;
        finished++;
        writeFileSync(gradebook, gradebookCsv(ids, graded()));
        const total = Object.values(outcome.scores).reduce((a, b) => a + b, 0);
        log(
          `[${finished}/${submissions.length}] ${outcome.student}: ${points(total)}/${points(max)} · ${outcome.status}${outcome.note ? ` · ${outcome.note}` : ''} (${(outcome.durationMs / 1000).toFixed(0)} s)`,
        );
      },
    );
  } finally {
    rmSync(stagingRoot, { recursive: true, force: true });
  }
  const outcomes = graded();
  writeRecord(out, {
    schema: recordSchema,
    seed: options.seed,
    backends: options.backends,
    exercises: ids,
    budgetS: options.budgetMs / 1000,
    shard: options.shard ?? null,
    listed: listed.map((s) => s.student),
    outcomes: outcomes.map(({ student, status, note, scores }) => ({
      student,
      status,
      note,
      scores: Object.fromEntries(ids.map((id) => [id, scores[id] ?? 0])),
    })),
  });
  const elapsedMs = Date.now() - started;
  return { outcomes, elapsedMs, gradebook, perMinute: (outcomes.length / elapsedMs) * 60_000 };
}
