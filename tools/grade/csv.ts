/**
 * CSV as RFC 4180 describes it: records end with CRLF; a field that holds a comma, a double
 * quote, CR or LF is enclosed in double quotes, and a double quote inside it is doubled. Every
 * record has the header's number of fields. Small enough not to need a dependency.
 */

/** A field: text, or a number written with up to two decimals. */
export type CsvField = string | number;

/**
 * One field as CSV text.
 *
 * @example csvField('Smith, "J"') → '"Smith, ""J"""'; csvField(2.5) → '2.5'
 */
export function csvField(value: CsvField): string {
  const text = typeof value === 'number' ? String(Math.round(value * 100) / 100) : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole CSV document: the header, then the rows, each line ending in CRLF.
 *
 * @example toCsv(['student', 'total'], [['ada', 13]]) → 'student,total\r\nada,13\r\n'
 */
export function toCsv(header: string[], rows: CsvField[][]): string {
  for (const [i, row] of rows.entries()) {
    if (row.length !== header.length) throw new Error(`toCsv: row ${i + 1} has ${row.length} fields, expected ${header.length} (the header's count).`);
  }
  return [header, ...rows].map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

/**
 * Parses CSV text (RFC 4180, as {@link toCsv} writes it) into records; used to check the
 * gradebook and by anyone reading it back.
 *
 * @example parseCsv('a,"b,c"\r\n') → [['a', 'b,c']]
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else if (c === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
    i++;
  }
  if (quoted) throw new Error('parseCsv: a quoted field is not closed.');
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
