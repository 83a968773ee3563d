import { stripVTControlCharacters as plain } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Course, Exercise } from '../../graders/support/course.ts';
import type { PartResult } from '../../graders/support/results/model.ts';
import { runResult } from '../../graders/support/results/run-fixture.ts';
import type { ExerciseState } from '../lib/cached-grading.ts';
import { courseProgress } from './progress.ts';
import { renderProgress } from './render-progress.ts';

const exercise: Exercise = {
  id: 'exercise-01',
  folder: 'exercise-01-sums',
  title: 'Sums',
  files: ['sums.ts'],
  parts: [
    { id: 'A', title: 'add', points: 2, hints: ['h'] },
    { id: 'B', title: 'sum', points: 3, hints: ['h'], partial: true },
    { id: 'C', title: 'kahan', points: 2, hints: ['h'], bonus: true },
  ],
};
const course: Course = { title: 'T', exercises: [exercise] };

function part(id: string, score: number, maxScore: number, bonus = false): PartResult {
  const status = score === maxScore ? 'passed' : 'failed';
  return { id, title: id, score, maxScore, bonus, status, backends: [{ backend: 'cpu', status }], tests: [] };
}

function state(parts: PartResult[]): ExerciseState {
  const result = runResult([{ id: exercise.id, title: exercise.title, score: parts.reduce((s, p) => s + p.score, 0), maxScore: 5, parts }]);
  return { exercise, entry: { gradedAt: '', gradings: 1, result }, graded: false, notes: [] };
}

const meta = { target: 'exercises', seed: 'default', backends: 'cpu' };

describe('the progress model means what the result model means', () => {
  it("an exercise's score includes its bonus, its maxScore excludes it, as ExerciseResult's do; a part's maxScore is its points", () => {
    const progress = courseProgress(course, [state([part('A', 2, 2), part('B', 1, 3), part('C', 2, 2, true)])], meta);
    const [e] = progress.exercises;
    expect([e.score, e.bonus, e.maxScore]).toEqual([5, 2, 5]);
    expect(e.parts.map((p) => [p.id, p.score, p.maxScore])).toEqual([
      ['A', 2, 2],
      ['B', 1, 3],
      ['C', 2, 2],
    ]);
    expect(progress.total).toEqual({ score: 5, bonus: 2, maxScore: 5 });
    expect(progress.schema).toBe('cnn-course/progress/v2');
  });

  it('prints required points over the maximum and the bonus apart, as the score table does', () => {
    const progress = courseProgress(course, [state([part('A', 2, 2), part('B', 1, 3), part('C', 2, 2, true)])], meta);
    const text = plain(renderProgress(progress, 'header', 'graded'));
    expect(text).toMatch(/exercise-01 · Sums +3\/5 \(\+2 bonus\)$/m);
    expect(text).toContain('course total: 3/5 (+2 bonus)');
    expect(text).toMatch(/ C +kahan +2\/2 bonus$/m);
  });

  it('an ungraded exercise scores 0 of its required points', () => {
    const progress = courseProgress(course, [{ exercise, graded: false, notes: [], problem: 'no grader yet' }], meta);
    expect(progress.exercises[0]).toMatchObject({ score: 0, bonus: 0, maxScore: 5, status: 'problem' });
    expect(progress.exercises[0].parts.map((p) => p.status)).toEqual(['ungraded', 'ungraded', 'ungraded']);
  });
});
