/**
 * A verify step's outcome: whether it held, and the lines (tables, reasons) that show why.
 */
export interface StepResult {
  name: string;
  ok: boolean;
  lines: string[];
  durationMs: number;
}

/** A step: named, run once, reports lines. */
export interface Step {
  name: string;
  run(): Promise<{ ok: boolean; lines: string[] }>;
}

/** A fixed-width table as lines. */
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (c ?? '').padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)];
}
