import { describe, expect, it } from 'vitest';
import type { Exercise } from '../../../graders/support/course.ts';
import type { MutantJob } from './mutant-batches.ts';
import { provedEqual, recordVerdict, recordedVerdict } from './recorded-verdicts.ts';

const exercise = { id: 'exercise-01' } as Exercise;
const job = (replace: string, name = 'm'): MutantJob => ({ exercise, name, definition: { description: 'd', targets: ['A'], edits: [{ find: 'x', replace }] } });

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

  it('counts a proof only against the sealed file it was made against, and only when it holds', () => {
    recordVerdict(job('p'), 'A:failed:0', { holds: true, why: 'no sealed miss', misses: 0, sealed: 'f1' });
    recordVerdict(job('q'), 'A:failed:0', { holds: false, why: 'a sealed miss', misses: 1, sealed: 'f1' });
    recordVerdict(job('r'), 'A:failed:0');
    expect(provedEqual(job('p'), 'f1')).toBe(true);
    expect(provedEqual(job('p'), 'f2')).toBe(false);
    expect(provedEqual(job('p'), undefined)).toBe(false);
    expect(provedEqual(job('q'), 'f1')).toBe(false);
    expect(provedEqual(job('r'), 'f1')).toBe(false);
    expect(provedEqual(job('never'), 'f1')).toBe(false);
  });
});
