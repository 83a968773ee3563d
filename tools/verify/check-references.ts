/**
 * Steps: the hidden reference scores full marks on every part and backend; every stub scores 0
 * on every part (each part runs and fails: none is skipped or passes by accident). The solutions
 * are graded as a release records its reference (the default seed, no replay, GRADE_RECORD_DIR),
 * and that recording is handed to the release step (tools/release/recording-handover.ts), which
 * then does not grade the solutions again to build its release.
 */
import { rmSync } from 'node:fs';
import { loadCourse } from '../../graders/support/course.ts';
import type { RunResult } from '../../graders/support/results/model.ts';
import { type GradeRun, gradeRun } from '../lib/grade-run.ts';
import { recordingDir, recordingEnv } from '../release/record.ts';
import { handOverRecording } from '../release/recording-handover.ts';
import { table, type Step } from './step.ts';
import { soloWorkersEnv } from './workers.ts';

function partRows(result: RunResult): string[][] {
  return result.exercises.flatMap((e) =>
    e.parts.map((p) => [e.id, p.id, p.title, p.backends.map((b) => `${b.backend}:${b.status}`).join(' '), `${p.score}/${p.maxScore}`]),
  );
}

/** Grades `target` (with `env`) and checks each part with `good`; `graded` sees the run first. */
async function gradeAll(
  target: string,
  good: (score: number, max: number, status: string) => boolean,
  env: NodeJS.ProcessEnv = {},
  graded: (run: GradeRun) => void = () => {},
): Promise<{ ok: boolean; lines: string[] }> {
  // Graded as students grade it, on two workers: this step has the machine to itself.
  const run = await gradeRun({ target, env: { ...soloWorkersEnv, ...env } });
  graded(run);
  if (run.result === undefined) return { ok: false, lines: ['no results file was written; output:', ...run.output.split('\n').slice(-40)] };
  const course = loadCourse();
  const missing = course.exercises.filter((e) => !run.result!.exercises.some((r) => r.id === e.id)).map((e) => `${e.id}: no grader ran`);
  const bad = run.result.exercises.flatMap((e) =>
    e.parts.filter((p) => !good(p.score, p.maxScore, p.status)).map((p) => `${e.id} part ${p.id}: ${p.status}, ${p.score}/${p.maxScore}`),
  );
  const errors = [...run.result.errors, ...run.result.exercises.filter((e) => e.error).map((e) => `${e.id}: ${e.error}`)];
  const lines = [...table(['exercise', 'part', 'title', 'backends', 'points'], partRows(run.result)), ...missing, ...bad, ...errors];
  if (bad.length > 0 || errors.length > 0) lines.push('', ...run.output.split('\n').slice(-80));
  lines.push(`(${(run.durationMs / 1000).toFixed(1)} s)`);
  return { ok: missing.length === 0 && bad.length === 0 && errors.length === 0, lines };
}

export const solutionsScoreFull: Step = {
  name: 'solutions score full marks',
  run: () => {
    const dir = recordingDir();
    return gradeAll(
      'solutions',
      (score, max, status) => status === 'passed' && score === max,
      recordingEnv(dir),
      // The release build checks the result itself (full marks, warnings) before it seals anything.
      (run) =>
        run.result === undefined
          ? rmSync(dir, { recursive: true, force: true })
          : handOverRecording({ dir, result: run.result, durationMs: run.durationMs, warnings: [] }),
    );
  },
};

export const stubsScoreZero: Step = {
  name: 'stubs score zero',
  run: () => gradeAll('exercises', (score, _max, status) => status === 'failed' && score === 0),
};
