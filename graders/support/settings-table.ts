/**
 * The "Settings" table of `graders/support/README.md`, generated from `settings.ts`.
 * `npx tsx graders/support/settings-table.ts` rewrites it between its markers; `settings.spec.ts`
 * fails when the README's copy differs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { allSettings } from './settings.ts';
import { commandLine } from './command-line.ts';

/** The markers around the generated table in the README. */
export const tableMarkers = { start: '<!-- settings:start (generated: npx tsx graders/support/settings-table.ts) -->', end: '<!-- settings:end -->' };

/** The README next to this file. */
export const settingsReadme = path.join(path.dirname(fileURLToPath(import.meta.url)), 'README.md');

/**
 * The Markdown table of every setting: name, meaning, default, who sets it.
 *
 * @example settingsTable().split('\n')[0] → '| variable | meaning | default | set by |'
 */
export function settingsTable(): string {
  const cell = (text: string) => text.replaceAll('|', '\\|');
  const rows = allSettings.map((s) => `| \`${s.name}\` | ${cell(s.meaning)} | ${cell(s.fallback)} | ${cell(s.setBy)} |`);
  return ['| variable | meaning | default | set by |', '|---|---|---|---|', ...rows].join('\n');
}

/** The README's text between the markers, or an Error when a marker is missing. */
export function tableInReadme(readme: string): string {
  const start = readme.indexOf(tableMarkers.start);
  const end = readme.indexOf(tableMarkers.end);
  if (start < 0 || end < start)
    throw new Error(
      `${settingsReadme}: expected the markers '${tableMarkers.start}' and '${tableMarkers.end}', found ${start < 0 ? 'no start' : 'no end after it'}.`,
    );
  return readme.slice(start + tableMarkers.start.length, end).trim();
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  commandLine('settings-table', {}, 'npx tsx graders/support/settings-table.ts', { positionals: false });
  const readme = readFileSync(settingsReadme, 'utf8');
  tableInReadme(readme); // throws when a marker is missing
  const before = readme.slice(0, readme.indexOf(tableMarkers.start) + tableMarkers.start.length);
  const after = readme.slice(readme.indexOf(tableMarkers.end));
  writeFileSync(settingsReadme, `${before}\n${settingsTable()}\n${after}`);
  process.stdout.write(`${settingsReadme}: ${allSettings.length} settings\n`);
}
