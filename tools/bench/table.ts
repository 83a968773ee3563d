/**
 * The benchmark table `npm run bench` prints, and writes (with `--write`) into MAINTAINERS.md
 * between the markers `<!-- bench:table -->` and `<!-- /bench:table -->`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { median, type MeasuredTiming } from './measure.ts';

/** One row: a timing, what it is compared with, and the issue's target for it, if any. */
export interface BenchRow {
  timing: MeasuredTiming;
  /** Seconds of the floor this row is a multiple of (wall clock, or CPU when `cpu` is set). */
  floor?: number;
  /** Compare CPU seconds (the timing's `cpu`) instead of wall clock. */
  cpu?: boolean;
  /** The target, e.g. `{ text: '≤ 1.0 s', met: (median, ratio) => median <= 1 }`. */
  target?: { text: string; met: (median: number, ratio: number | undefined) => boolean };
}

const fmt = (s: number): string => (s >= 100 ? `${s.toFixed(0)} s` : `${s.toFixed(2)} s`);

/** The Markdown table: what, command, median, min–max, × floor, target. */
export function renderTable(rows: BenchRow[]): string {
  const lines = ['| what | command | median | min–max | × floor | target |', '|---|---|---|---|---|---|'];
  for (const row of rows) {
    const values = row.cpu ? (row.timing.cpu ?? []) : row.timing.seconds;
    if (values.length === 0) {
      lines.push(`| ${row.timing.name} | \`${row.timing.command}\` | n/a | n/a | — | ${row.target?.text ?? '—'} |`);
      continue;
    }
    const m = median(values);
    const ratio = row.floor === undefined ? undefined : m / row.floor;
    const what = `${row.timing.name}${row.cpu ? ', CPU time' : ''}`;
    const target = row.target === undefined ? '—' : `${row.target.text}: ${row.target.met(m, ratio) ? '**met**' : '**not met**'}`;
    lines.push(
      `| ${what} | \`${row.timing.command}\` | ${fmt(m)} | ${fmt(Math.min(...values))}–${fmt(Math.max(...values))} | ${ratio === undefined ? '—' : `${ratio.toFixed(1)}×`} | ${target} |`,
    );
  }
  return lines.join('\n');
}

export const tableStart = '<!-- bench:table -->';
export const tableEnd = '<!-- /bench:table -->';

/** Replaces the text between the markers in `file` with `text`; an Error when the markers are missing. */
export function writeTable(file: string, text: string): void {
  const doc = readFileSync(file, 'utf8');
  const start = doc.indexOf(tableStart);
  const end = doc.indexOf(tableEnd);
  if (start === -1 || end < start)
    throw new Error(`bench --write: expected the markers ${tableStart} and ${tableEnd} in ${file}, found ${start === -1 ? 'neither' : 'only the first'}.`);
  writeFileSync(file, `${doc.slice(0, start + tableStart.length)}\n${text}\n${doc.slice(end)}`);
}
