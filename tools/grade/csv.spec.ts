import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, parseCsv, toCsv } from './csv.ts';

describe('csv (RFC 4180)', () => {
  it('quotes only fields that need it, doubling inner quotes', () => {
    expect(csvField('ada')).toBe('ada');
    expect(csvField('Lovelace, Ada')).toBe('"Lovelace, Ada"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(12.345)).toBe('12.35');
    expect(csvField(7)).toBe('7');
  });

  it('ends every record with CRLF, the header first', () => {
    expect(toCsv(['student', 'total'], [['ada', 13], ['bob, jr', 2.5]])).toBe('student,total\r\nada,13\r\n"bob, jr",2.5\r\n');
  });

  it('refuses a row with the wrong number of fields', () => {
    expect(() => toCsv(['a', 'b'], [['x']])).toThrow(/row 1 has 1 fields, expected 2/);
  });

  it('round-trips any text', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', ' ', 'é') }), { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        expect(parseCsv(toCsv(['x', 'y'], rows))).toEqual([['x', 'y'], ...rows]);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
