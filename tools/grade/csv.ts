/**
 * CSV as RFC 4180 describes it (records end with CRLF; fields quoted only when needed), written
 * by `csv-stringify` and read by `csv-parse` rather than by hand. A text cell that a spreadsheet
 * would run as a formula (it begins with `=`, `+`, `-`, `@`, a tab or CR) is prefixed with `'`:
 * a student's folder name or a message must never execute in the instructor's spreadsheet.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** A field: text, or a number written with up to two decimals. */
export type CsvField = string | number;

/** How every CSV of the course is written: CRLF records, formula cells guarded, numbers to two decimals. */
const options = {
  record_delimiter: 'windows',
  quote_record_delimiter: true,
  escape_formulas: true,
  cast: { number: (value: number) => String(Math.round(value * 100) / 100) },
} as const;

/**
 * A whole CSV document: the header, then the rows, each line ending in CRLF.
 *
 * @example toCsv(['student', 'total'], [['ada', 13], ['=1+1', -2]]) → "student,total\r\nada,13\r\n'=1+1,-2\r\n"
 */
export function toCsv(header: string[], rows: CsvField[][]): string {
  for (const [i, row] of rows.entries()) {
    if (row.length !== header.length) throw new Error(`toCsv: row ${i + 1} has ${row.length} fields, expected ${header.length} (the header's count).`);
  }
  return stringify([header, ...rows], options);
}

/**
 * Parses CSV text (RFC 4180, as {@link toCsv} writes it) into records of text; the formula guard's
 * `'` stays, as a spreadsheet shows it.
 *
 * @example parseCsv('a,"b,c"\r\n') → [['a', 'b,c']]
 */
export function parseCsv(text: string): string[][] {
  try {
    return parse(text, { relax_column_count: false }) as string[][];
  } catch (error) {
    throw new Error(`parseCsv: expected RFC 4180 CSV text, got text it cannot read (${(error as Error).message}).`);
  }
}
