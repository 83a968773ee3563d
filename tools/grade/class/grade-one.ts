/**
 * Grades one submission, fairly: every exercise in one run first (the fast path); when that run
 * does not finish in time or ends without results, each exercise again alone, with its own time
 * budget — a slow or crashing exercise then costs only its own points, and the note says where it
 * happened. Staging problems and exercises that cannot be graded are notes of the student's line.
 */
import { mkdirSync, realpathSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Course } from '../../../graders/support/course.ts';
import { repoRoot } from '../../../graders/support/paths.ts';
import type { RunResult } from '../../../graders/support/results/model.ts';
import { exerciseReport, unfinishedReport, type ExerciseReport } from './exercise-report.ts';
import { mergeRuns } from './merge-runs.ts';
import { statusOf, type Outcome, type Problem } from './outcome.ts';
import { relativeRun, relativeTo } from './relative-paths.ts';
import { runIsolated, type IsolatedRun } from './run-isolated.ts';
import { stageSubmission } from './stage.ts';
import type { Submission } from './submissions.ts';

export interface GradeOneOptions {
  /** Time budget of one exercise. */
  budgetMs: number;
  backends: string[];
  seed: string;
  /** The class run's pool of reference answers, shared by its gradings (graders/support/answers.ts). */
  answersDir?: string;
  /** Runs one grading (tests pass a stand-in). */
  run?: typeof runIsolated;
}

function zeroScores(course: Course): Record<string, number> {
  return Object.fromEntries(course.exercises.map((e) => [e.id, 0]));
}

/**
 * Grades `submission` (staged under `stagingRoot/s<index>`) and says how it went.
 *
 * @example await gradeOne(submission, course, { budgetMs: 240_000, backends: ['cpu'], seed: 'default' }, '/tmp/grade-class-x', 0)
 */
export async function gradeOne(submission: Submission, course: Course, options: GradeOneOptions, stagingRoot: string, index: number): Promise<Outcome> {
  const base = { student: submission.student, scores: zeroScores(course), run: undefined, tail: '', durationMs: 0 };
  if (submission.skipped !== undefined) return { ...base, status: 'skipped', note: submission.skipped };
  if (submission.problem !== undefined) return { ...base, status: 'malformed', note: submission.problem };
  const staging = path.join(stagingRoot, 'stage', `s${index}`);
  const started = Date.now();
  try {
    const staged = stageSubmission(submission.source, staging, course);
    if (staged.present.length === 0) return { ...base, status: 'malformed', note: `malformed: nothing to grade (${staged.notes.join('; ')})` };
    const folders = [staging, realpathSync(staging), submission.source];
    const resultsDir = path.join(stagingRoot, 'results', `s${index}`);
    mkdirSync(resultsDir, { recursive: true });
    const grade = (ids: string[], timeoutMs: number, name: string): Promise<IsolatedRun> => {
      const resultsFile = path.join(resultsDir, `${name}.json`);
      rmSync(resultsFile, { force: true });
      return (options.run ?? runIsolated)({
        cwd: repoRoot,
        target: staging,
        exercises: ids,
        backends: options.backends,
        seed: options.seed,
        timeoutMs,
        resultsFile,
        answersDir: options.answersDir,
      });
    };
    const reports = new Map<string, ExerciseReport>();
    const runs: RunResult[] = [];
    const runIds: string[] = [];
    let tail = '';
    const all = await grade(staged.present, options.budgetMs * staged.present.length, 'all');
    runIds.push(all.runId);
    if (all.result !== undefined) {
      const run = relativeRun(all.result, folders, submission.student);
      runs.push(run);
      for (const id of staged.present)
        reports.set(
          id,
          exerciseReport(
            id,
            run.exercises.find((e) => e.id === id),
          ),
        );
    } else {
      // Each exercise alone, one after another, so one cannot take the others' points with it.
      for (const id of staged.present) {
        const alone = await grade([id], options.budgetMs, id);
        runIds.push(alone.runId);
        if (alone.result === undefined) {
          reports.set(id, unfinishedReport(id, { ...alone, budgetMs: options.budgetMs, tail: relativeTo(alone.tail, folders) }));
          tail = relativeTo(alone.tail, folders);
        } else {
          const run = relativeRun(alone.result, folders, submission.student);
          runs.push(run);
          reports.set(
            id,
            exerciseReport(
              id,
              run.exercises.find((e) => e.id === id),
            ),
          );
        }
      }
    }
    const scores = zeroScores(course);
    const problems = new Set<Problem>();
    const notes: string[] = [];
    for (const id of staged.present) {
      const report = reports.get(id)!;
      scores[id] = report.score;
      if (report.problem !== undefined) problems.add(report.problem);
      if (report.note !== '') notes.push(report.note);
    }
    const run = mergeRuns(runs, staged.present);
    notes.push(...staged.notes, ...(run?.errors ?? []).map((e) => e.split('\n')[0].slice(0, 160)));
    return { ...base, status: statusOf(problems), note: notes.join('; '), scores, run, tail, durationMs: Date.now() - started, runIds };
  } catch (error) {
    // Anything unforeseen (a file system error while staging, say) is this student's line, never the run's end.
    const message = relativeTo((error as Error).message ?? String(error), [staging, submission.source]);
    return { ...base, status: 'malformed', note: `malformed: the submission could not be prepared for grading (${message})`, durationMs: Date.now() - started };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
