import { describe, expect, it } from 'vitest';
import { parseStepTimes } from './verify-steps.ts';

describe('parseStepTimes', () => {
  it("reads each step's closing line, held or not, and nothing else", () => {
    const output = [
      'backends: cpu only',
      '▶ course layout',
      '  exercise  parts',
      '✓ course layout (0.4 s)',
      '▶ mutants are rejected',
      '  ✓ not a step line (3 s) inside a table',
      '✗ mutants are rejected (423.0 s)',
      '',
      'verify: 1 of 2 steps passed; failed: mutants are rejected',
    ].join('\n');
    expect(parseStepTimes(output)).toEqual([
      { step: 'course layout', ok: true, seconds: 0.4 },
      { step: 'mutants are rejected', ok: false, seconds: 423 },
    ]);
    expect(parseStepTimes('no steps here')).toEqual([]);
  });
});
