import { describe, expect, it } from 'vitest';
import type { Exercise } from '../../../graders/support/course.ts';
import type { Batch, MutantJob } from './mutant-batches.ts';
import { batchesToGrade } from './mutants.ts';

const exercise = { id: 'exercise-01' } as Exercise;
const job = (name: string): MutantJob => ({ exercise, name, definition: { description: 'd', targets: ['A'], edits: [] } });

describe("the release's choice of batches", () => {
  const b0: Batch = { backends: ['cpu'], jobs: [job('a'), job('b')] };
  const b1: Batch = { backends: ['cpu'], jobs: [job('c')] };
  const b2: Batch = { backends: ['webgpu'], jobs: [job('d'), job('e')] };

  it('skips a batch only when every mutant in it is proved', () => {
    const proved = (j: MutantJob) => j.name !== 'e';
    expect(batchesToGrade([b0, b1, b2], proved)).toEqual([b2]);
  });

  it('grades every batch when nothing is proved, or when asked to', () => {
    expect(batchesToGrade([b0, b1, b2], () => false)).toEqual([b0, b1, b2]);
    expect(batchesToGrade([b0, b1, b2], () => true, true)).toEqual([b0, b1, b2]);
    expect(batchesToGrade([b0, b1, b2], () => true)).toEqual([]);
  });
});
