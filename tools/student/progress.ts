/**
 * The course at a glance, as data: every exercise of course.json in order, its parts with points
 * earned, the course total and the next thing to do. `npm start` prints it (render-progress.ts)
 * or, with `--json`, writes it as is. Built only from the stored RunResults, so it shows
 * `npm test`'s scores, and its `score`/`maxScore` mean what they mean in the result model
 * (graders/support/results/model.ts): points earned, bonus included; points available, bonus excluded.
 */
import type { Course, Exercise } from '../../graders/support/course.ts';
import type { PartResult } from '../../graders/support/results/model.ts';
import type { ExerciseState } from '../lib/cached-grading.ts';

export type PartStatus = PartResult['status'] | 'ungraded';

/** A part as in the result model, or `ungraded` (0 points) when the exercise has no result. */
export interface PartProgress extends Pick<PartResult, 'id' | 'title' | 'score' | 'maxScore' | 'bonus'> {
  status: PartStatus;
}

export interface ExerciseProgress {
  id: string;
  title: string;
  folder: string;
  /** Points earned, bonus parts included (ExerciseResult.score). */
  score: number;
  /** Of `score`, the points earned on bonus parts. */
  bonus: number;
  /** Points available on the required parts (ExerciseResult.maxScore). */
  maxScore: number;
  /** done: every required part passes; started: some points; todo: none; problem: no result. */
  status: 'done' | 'started' | 'todo' | 'problem';
  parts: PartProgress[];
  /** Why there is no result (a missing file, no grader, a crashed run). */
  problem?: string;
  /** How many times it has been graded into the cache (a cached run leaves this unchanged). */
  gradings: number;
  gradedAt?: string;
}

/** What to do next: the first exercise and part that do not pass yet. */
export interface NextStep {
  exercise: string;
  title: string;
  readme: string;
  /** The first required part not passed (a bonus part once every required one passes). */
  part?: { id: string; title: string; bonus: boolean };
  /** Set instead of a part when the exercise could not be graded. */
  problem?: string;
}

/** The circumstances of the grading: what `npm test` prints in its header. */
export interface ProgressMeta {
  /** The graded folder, relative to the repository when inside it. */
  target: string;
  seed: string;
  backends: string;
}

export interface CourseProgress extends ProgressMeta {
  schema: 'cnn-course/progress/v2';
  title: string;
  exercises: ExerciseProgress[];
  /** The course's points, with the same meanings as an exercise's. */
  total: { score: number; bonus: number; maxScore: number };
  /** Null when every part of every exercise passes. */
  next: NextStep | null;
  /** Exercises graded by this run; the others came from the cache. */
  graded: string[];
  notes: string[];
}

function round(points: number): number {
  return Math.round(points * 100) / 100;
}

function exerciseProgress(state: ExerciseState): ExerciseProgress {
  const { exercise, entry } = state;
  const result = entry?.result.exercises[0];
  const parts: PartProgress[] = exercise.parts.map((part) => {
    const graded = result?.parts.find((p) => p.id === part.id);
    return {
      id: part.id,
      title: part.title,
      score: graded?.score ?? 0,
      maxScore: part.points,
      bonus: part.bonus === true,
      status: graded?.status ?? 'ungraded',
    };
  });
  const required = parts.filter((p) => !p.bonus);
  const score = round(parts.reduce((s, p) => s + p.score, 0));
  const bonus = round(parts.filter((p) => p.bonus).reduce((s, p) => s + p.score, 0));
  const problem = state.problem ?? result?.error?.split('\n')[0];
  let status: ExerciseProgress['status'] = 'todo';
  if (problem !== undefined) status = 'problem';
  else if (required.every((p) => p.status === 'passed')) status = 'done';
  else if (score > 0) status = 'started';
  return {
    id: exercise.id,
    title: exercise.title,
    folder: exercise.folder,
    score,
    bonus,
    maxScore: round(required.reduce((s, p) => s + p.maxScore, 0)),
    status,
    parts,
    ...(problem !== undefined ? { problem } : {}),
    gradings: entry?.gradings ?? 0,
    ...(entry ? { gradedAt: entry.gradedAt } : {}),
  };
}

function nextStep(exercises: ExerciseProgress[]): NextStep | null {
  const step = (e: ExerciseProgress, bonus: boolean): NextStep | undefined => {
    const base = { exercise: e.id, title: e.title, readme: `exercises/${e.folder}/README.md` };
    if (e.problem !== undefined) return { ...base, problem: e.problem };
    const part = e.parts.find((p) => p.bonus === bonus && p.status !== 'passed');
    return part === undefined ? undefined : { ...base, part: { id: part.id, title: part.title, bonus } };
  };
  for (const bonus of [false, true]) {
    for (const e of exercises) {
      const found = step(e, bonus);
      if (found !== undefined) return found;
    }
  }
  return null;
}

/** The course's progress from each exercise's state (in course order). */
export function courseProgress(course: Course, states: ExerciseState[], meta: ProgressMeta): CourseProgress {
  const byId = new Map(states.map((s) => [s.exercise.id, s]));
  const exercises = course.exercises.map((e: Exercise) => exerciseProgress(byId.get(e.id) ?? { exercise: e, graded: false, notes: [] }));
  return {
    schema: 'cnn-course/progress/v2',
    title: course.title,
    ...meta,
    exercises,
    total: {
      score: round(exercises.reduce((s, e) => s + e.score, 0)),
      bonus: round(exercises.reduce((s, e) => s + e.bonus, 0)),
      maxScore: round(exercises.reduce((s, e) => s + e.maxScore, 0)),
    },
    next: nextStep(exercises),
    graded: states.filter((s) => s.graded).map((s) => s.exercise.id),
    notes: states.flatMap((s) => s.notes),
  };
}
