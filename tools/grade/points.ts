/**
 * `npm run grade -- --points`: the course total over the autograding results of every exercise,
 * printed as "Points X/Y" (the line GitHub Classroom read) and, on GitHub Actions, as a table in
 * the job summary. Exercises without results count 0 of their maximum.
 */
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { maxScore, type Course } from '../../graders/support/course.ts';
import { points } from '../../graders/support/results/points.ts';
import { readRun } from './results-file.ts';

/** One exercise's line of the total. */
export interface PointsRow {
  id: string;
  title: string;
  score: number;
  max: number;
  note: string;
}

/**
 * The rows and total of the results in `dir` (one `<exercise-id>.json` per exercise).
 *
 * @example coursePoints(course, '.grade/autograding').line → 'Points 42/92'
 */
export function coursePoints(course: Course, dir: string): { rows: PointsRow[]; line: string; modified: string[] } {
  const modified = new Set<string>();
  const rows = course.exercises.map((exercise) => {
    const { run, problem } = readRun(path.join(dir, `${exercise.id}.json`));
    const result = run?.exercises.find((e) => e.id === exercise.id);
    for (const file of run?.graders_modified ?? []) modified.add(file);
    // readRun refuses a filtered run (problem set, no run): it counts 0 like a missing one.
    const note = problem ?? (result === undefined ? 'not graded' : (result.error?.split('\n')[0] ?? ''));
    // The parts' points count even when the grader also reported an error (on another backend, say).
    return { id: exercise.id, title: exercise.title, score: result?.score ?? 0, max: maxScore(exercise), note };
  });
  const score = Math.round(rows.reduce((s, r) => s + r.score, 0) * 100) / 100;
  const max = rows.reduce((s, r) => s + r.max, 0);
  return { rows, line: `Points ${points(score)}/${points(max)}`, modified: [...modified].sort() };
}

/** Prints the total, and writes the GitHub job summary when `GITHUB_STEP_SUMMARY` is set. */
export function printPoints(course: Course, dir: string, env: NodeJS.ProcessEnv = process.env): void {
  const { rows, line, modified } = coursePoints(course, dir);
  for (const r of rows) process.stdout.write(`${r.id}  ${points(r.score)}/${points(r.max)}${r.note ? `  (${r.note})` : ''}\n`);
  if (modified.length > 0) process.stdout.write(`warning: these grading files differ from the release: ${modified.join(', ')}\n`);
  process.stdout.write(`${line}\n`);
  if (env.GITHUB_STEP_SUMMARY) {
    const table = [
      '| exercise | points | note |',
      '|---|---|---|',
      ...rows.map((r) => `| ${r.id} · ${r.title} | ${points(r.score)}/${points(r.max)} | ${r.note} |`),
    ];
    const warning = modified.length > 0 ? [`> **Warning:** grading files differ from the release: ${modified.join(', ')}`, ''] : [];
    appendFileSync(env.GITHUB_STEP_SUMMARY, ['## Autograding', '', ...warning, ...table, '', `**${line}**`, ''].join('\n'));
  }
}
