import { describe, expect, it } from 'vitest';
import { parseStepTimes, parseVerifyTotal } from './verify-steps.ts';

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

describe('parseVerifyTotal', () => {
  it("reads the whole run's time from verify's closing line, passed or failed", () => {
    expect(parseVerifyTotal('✓ spec (12.5 s)\n\nverify: 9 of 9 steps passed (512.3 s)\n')).toBe(512.3);
    expect(parseVerifyTotal('verify: 8 of 9 steps passed; failed: mutants are rejected (600 s)')).toBe(600);
    expect(parseVerifyTotal('✓ spec (12.5 s)\nverify: 9 of 9 steps passed\n')).toBeUndefined();
  });
});
