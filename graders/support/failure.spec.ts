import { describe, expect, it } from 'vitest';
import { GradeFailure, hintCommand } from './failure.ts';

const hint = { partId: 'B', level: 1, text: 'Loop.', command: hintCommand('exercise-01', 'B') };

describe('GradeFailure as data', () => {
  it('carries its kind, summary, sections and hint as data; the hint comes last in the message', () => {
    const failure = new GradeFailure('sum returned 3, expected 6.', [{ label: 'input', body: '[1, 2]' }], 'wrong').withHint(hint);
    expect(failure.data).toEqual({ kind: 'wrong', summary: 'sum returned 3, expected 6.', sections: [{ label: 'input', body: '[1, 2]' }], hint });
    expect(failure.message).toBe('sum returned 3, expected 6.\ninput: [1, 2]\nHint (part B): Loop.\n  (more: npm run hint -- exercise-01 B)');
  });

  it('keeps its kind, fatality and hint through with(), the added sections before the hint', () => {
    const failure = new GradeFailure('x hung.', [], 'hung').withHint(hint);
    failure.fatal = true;
    const copy = failure.with({ label: 'Seed', body: '42' });
    expect([copy.kind, copy.fatal, copy.hint]).toEqual(['hung', true, hint]);
    expect(copy.data.sections).toEqual([{ label: 'Seed', body: '42' }]);
    expect(copy.message).toBe('x hung.\nSeed: 42\nHint (part B): Loop.\n  (more: npm run hint -- exercise-01 B)');
  });

  it('the old flags still read and set the kind', () => {
    const failure = new GradeFailure('f is not implemented yet.');
    expect([failure.kind, failure.notImplemented, failure.setup]).toEqual(['wrong', false, false]);
    failure.notImplemented = true;
    expect(failure.kind).toBe('stub');
    expect(new GradeFailure('does not compile', [], 'compile').setup).toBe(true);
    const loaded = new GradeFailure('could not load');
    loaded.setup = true;
    expect(loaded.kind).toBe('setup');
  });
});
