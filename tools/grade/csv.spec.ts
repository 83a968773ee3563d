import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv.ts';

const one = (value: string | number): string => toCsv(['x'], [[value]]).split('\r\n')[1];

describe('csv (RFC 4180)', () => {
  it('quotes only fields that need it, doubling inner quotes; numbers to two decimals', () => {
    expect(one('ada')).toBe('ada');
    expect(one('Lovelace, Ada')).toBe('"Lovelace, Ada"');
    expect(one('say "hi"')).toBe('"say ""hi"""');
    expect(toCsv(['x'], [['two\nlines']])).toBe('x\r\n"two\nlines"\r\n');
    expect(one(12.345)).toBe('12.35');
    expect(one(7)).toBe('7');
  });

  it('ends every record with CRLF, the header first', () => {
    expect(
      toCsv(
        ['student', 'total'],
        [
          ['ada', 13],
          ['bob, jr', 2.5],
        ],
      ),
    ).toBe('student,total\r\nada,13\r\n"bob, jr",2.5\r\n');
  });

  it('escapes text cells a spreadsheet would run as a formula, and only those', () => {
    expect(one('=1+1')).toBe("'=1+1");
    expect(one('+SUM(A1)')).toBe("'+SUM(A1)");
    expect(one('-2+3')).toBe("'-2+3");
    expect(one('@cmd')).toBe("'@cmd");
    expect(one('\t=1')).toBe("'\t=1");
    expect(toCsv(['x'], [['\r=1']])).toBe('x\r\n"\'\r=1"\r\n');
    expect(one('a=1')).toBe('a=1');
    expect(one(-2)).toBe('-2');
  });

  it('refuses a row with the wrong number of fields', () => {
    expect(() => toCsv(['a', 'b'], [['x']])).toThrow(/row 1 has 1 fields, expected 2/);
  });

  it('round-trips any text that is not a formula; a formula comes back with its guard', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', ' ', 'é', '=', '-') }), { minLength: 2, maxLength: 2 }), {
          maxLength: 5,
        }),
        (rows) => {
          const guarded = rows.map((row) => row.map((v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v)));
          expect(parseCsv(toCsv(['x', 'y'], rows))).toEqual([['x', 'y'], ...guarded]);
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });

  it('refuses text that is not CSV, saying so', () => {
    expect(() => parseCsv('a,"b\r\n')).toThrow(/parseCsv: expected RFC 4180 CSV text/);
  });
});
