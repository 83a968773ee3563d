import { describe, expect, it } from 'vitest';
import type { Exercise } from '../../../graders/support/course.ts';
import type { MutantJob } from './mutant-batches.ts';
import { recordVerdict, recordedVerdict } from './recorded-verdicts.ts';

const exercise = { id: 'exercise-01' } as Exercise;
const job = (replace: string): MutantJob => ({ exercise, name: 'm', definition: { description: 'd', targets: ['A'], edits: [{ find: 'x', replace }] } });

describe('recorded verdicts', () => {
  it('gives back the verdict recorded for the same mutant', () => {
    recordVerdict(job('y'), 'A:failed:0');
    expect(recordedVerdict(job('y'))).toBe('A:failed:0');
  });

  it('never matches a mutant whose edits changed, nor one never graded', () => {
    recordVerdict(job('y'), 'A:failed:0');
    expect(recordedVerdict(job('z'))).toBeUndefined();
    expect(recordedVerdict({ ...job('y'), name: 'other' })).toBeUndefined();
  });
});
