/**
 * `npm run grade -- --submissions <dir>`: grades every submission against the live hidden
 * solutions, several at a time, each staged into a private copy and graded in its own process
 * group with a time limit. Writes `gradebook.csv`, `feedback/<student>.txt` and
 * `results/<student>.json` to the output folder; a malformed, crashing or hanging submission gets
 * its line and never stops the run.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Course } from '../../../graders/support/course.ts';
import { repoRoot } from '../../../graders/support/paths.ts';
import { hasLiveSolution, solutionFile } from '../../../graders/support/reference.ts';
import { inPool } from '../../lib/grade-run.ts';
import { points } from '../exports/selection.ts';
import { feedbackText } from './feedback.ts';
import { gradebookCsv } from './gradebook.ts';
import type { Outcome } from './outcome.ts';
import { runIsolated } from './run-isolated.ts';
import { stageSubmission } from './stage.ts';
import { listSubmissions, type Submission } from './submissions.ts';

export interface ClassOptions {
  submissions: string;
  /** Output folder (created). */
  out: string;
  /** Submissions graded at once. */
  jobs: number;
  /** Wall-clock limit of one submission's grading. */
  timeoutMs: number;
  /** Exercise ids to grade (all of course.json when empty). */
  exercises: string[];
  backends: string[];
  /** The run seed every submission is graded with. */
  seed: string;
}

export interface ClassReport {
  outcomes: Outcome[];
  elapsedMs: number;
  gradebook: string;
  /** Submissions graded per minute of wall-clock time. */
  perMinute: number;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(ms < 10_000 ? 1 : 0);
}

function zeroScores(course: Course): Record<string, number> {
  return Object.fromEntries(course.exercises.map((e) => [e.id, 0]));
}

async function gradeOne(submission: Submission, course: Course, options: ClassOptions, stagingRoot: string): Promise<Outcome> {
  const base: Omit<Outcome, 'status' | 'note'> = { student: submission.student, scores: zeroScores(course), run: undefined, tail: '', durationMs: 0 };
  if (submission.problem !== undefined) return { ...base, status: 'malformed', note: submission.problem };
  const staging = path.join(stagingRoot, 'stage', encodeURIComponent(submission.student));
  try {
    const staged = stageSubmission(submission.source, staging, course, options.exercises);
    if (staged.present.length === 0) return { ...base, status: 'malformed', note: `malformed: nothing to grade (${staged.notes.join('; ')})` };
    const resultsFile = path.join(stagingRoot, 'results', `${encodeURIComponent(submission.student)}.json`);
    mkdirSync(path.dirname(resultsFile), { recursive: true });
    rmSync(resultsFile, { force: true });
    const run = await runIsolated({ cwd: repoRoot, target: staged.target, exercises: staged.present, backends: options.backends, seed: options.seed, timeoutMs: options.timeoutMs, resultsFile });
    const notes = [...staged.notes];
    base.runId = run.runId;
    if (run.timedOut) return { ...base, status: 'timeout', note: [`timeout: grading took longer than ${seconds(options.timeoutMs)} s and was stopped (0 points)`, ...notes].join('; '), tail: run.tail, durationMs: run.durationMs };
    if (run.result === undefined) {
      const last = run.tail.trim().split('\n').pop() ?? '';
      return { ...base, status: 'crashed', note: [`crashed: the grading ended without results (exit code ${run.exitCode})${last ? `: ${last.slice(0, 160)}` : ''}`, ...notes].join('; '), tail: run.tail, durationMs: run.durationMs };
    }
    const scores = zeroScores(course);
    for (const id of staged.present) {
      const result = run.result.exercises.find((e) => e.id === id);
      if (result === undefined) notes.push(`${id}: the grader did not run`);
      else {
        scores[id] = result.score;
        if (result.error !== undefined) notes.push(`${id}: the grader could not run: ${result.error.split('\n')[0].slice(0, 160)}`);
      }
    }
    notes.push(...run.result.errors.map((e) => e.split('\n')[0].slice(0, 160)));
    return { ...base, status: 'graded', note: notes.join('; '), scores, run: run.result, tail: run.tail, durationMs: run.durationMs };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Throws, naming the missing files, unless every exercise to grade has its live solution here. */
export function requireLiveSolutions(exercises: Course['exercises']): void {
  const hidden = exercises.filter((e) => !hasLiveSolution(e));
  if (hidden.length > 0) {
    throw new Error(`grading a class needs the hidden solutions (${hidden.map((e) => path.relative(repoRoot, solutionFile(e))).join(', ')} missing): run it in the instructors' repository, not in a student release.`);
  }
}

/**
 * Grades a class and writes the gradebook and feedback. `log` receives one line per submission.
 *
 * @example await gradeClass(course, { submissions: 'class/', out: 'out/class', jobs: 2, timeoutMs: 600_000, exercises: [], backends: ['cpu'], seed: 'default' }, console.log)
 */
export async function gradeClass(fullCourse: Course, options: ClassOptions, log: (line: string) => void): Promise<ClassReport> {
  const exercises = fullCourse.exercises.filter((e) => options.exercises.length === 0 || options.exercises.includes(e.id));
  // The gradebook's columns: the exercises graded, in course order.
  const course: Course = { ...fullCourse, exercises };
  requireLiveSolutions(exercises);
  const submissions = listSubmissions(options.submissions, course);
  if (submissions.length === 0) throw new Error(`--submissions: '${options.submissions}' holds no submission folders.`);
  const out = path.resolve(options.out);
  mkdirSync(path.join(out, 'feedback'), { recursive: true });
  mkdirSync(path.join(out, 'results'), { recursive: true });
  const gradebook = path.join(out, 'gradebook.csv');
  const stagingRoot = mkdtempSync(path.join(tmpdir(), 'grade-class-'));
  const max = exercises.reduce((s, e) => s + e.parts.filter((p) => !p.bonus).reduce((t, p) => t + p.points, 0), 0);
  const done: (Outcome | undefined)[] = new Array(submissions.length).fill(undefined);
  let finished = 0;
  const started = Date.now();
  try {
    await inPool(
      submissions.map((s, i) => ({ s, i })),
      Math.max(1, options.jobs),
      async ({ s, i }) => {
        const outcome = await gradeOne(s, course, options, stagingRoot);
        done[i] = outcome;
        finished++;
        const file = encodeURIComponent(outcome.student);
        writeFileSync(path.join(out, 'feedback', `${file}.txt`), feedbackText(outcome, options.seed));
        if (outcome.run !== undefined) writeFileSync(path.join(out, 'results', `${file}.json`), JSON.stringify(outcome.run, null, 2) + '\n');
        // Rewritten after every submission, so an interrupted run keeps what it graded.
        writeFileSync(gradebook, gradebookCsv(course, done.filter((o): o is Outcome => o !== undefined)));
        const total = Object.values(outcome.scores).reduce((a, b) => a + b, 0);
        log(`[${finished}/${submissions.length}] ${outcome.student}: ${points(total)}/${points(max)} · ${outcome.status}${outcome.note ? ` · ${outcome.note}` : ''} (${(outcome.durationMs / 1000).toFixed(0)} s)`);
      },
    );
  } finally {
    rmSync(stagingRoot, { recursive: true, force: true });
  }
  const outcomes = done.filter((o): o is Outcome => o !== undefined);
  const elapsedMs = Date.now() - started;
  return { outcomes, elapsedMs, gradebook, perMinute: (outcomes.length / elapsedMs) * 60_000 };
}
