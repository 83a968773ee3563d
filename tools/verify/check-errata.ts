/**
 * The course's errata appendix (ARTICLE-ERRATA.md) and its citations agree: every "article
 * errata #N" anywhere in the repository names an entry that exists, and every entry is cited
 * somewhere a student can read it (the files a student release ships). Citations in the old
 * style ("ERRATA row N", which names a table students never get) fail too: they must be reworded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isSolutionPath, walk } from '../release/contents.ts';

/** The appendix, at the repository's top level (shipped with every student release). */
export const errataFile = 'ARTICLE-ERRATA.md';

/** One citation of an entry: where, which entry, and whether it is in the old style. */
export interface Citation {
  file: string;
  line: number;
  entry: number;
  legacy: boolean;
}

/** What the check found: problems fail it. */
export interface ErrataReport {
  entries: number[];
  citations: Citation[];
  problems: string[];
}

/**
 * The entry numbers of the appendix: each entry is an anchor `<a id="errata-N"></a>` followed by
 * a heading `## #N · title`. Throws when an anchor and its heading disagree, or a number repeats.
 *
 * @example errataEntries('<a id="errata-1"></a>\n## #1 · One\n<a id="errata-2"></a>\n## #2 · Two\n') → [1, 2]
 */
export function errataEntries(text: string): number[] {
  const entries: number[] = [];
  for (const match of text.matchAll(/^<a id="errata-(\d+)"><\/a>\n## #(\d+) · \S/gm)) {
    if (match[1] !== match[2])
      throw new Error(`${errataFile}: the anchor errata-${match[1]} is followed by the heading of #${match[2]}; expected the same number.`);
    const n = Number(match[1]);
    if (entries.includes(n)) throw new Error(`${errataFile}: entry #${n} appears twice; expected each number once.`);
    entries.push(n);
  }
  const headings = (text.match(/^## #\d+ · /gm) ?? []).length;
  if (headings !== entries.length)
    throw new Error(
      `${errataFile}: ${headings} entry headings but ${entries.length} with an anchor line <a id="errata-N"></a> right above; expected one anchor per entry.`,
    );
  return entries;
}

/** "2–5" → [2, 3, 4, 5]; "8" → [8]. */
function expand(from: string, to: string | undefined): number[] {
  const a = Number(from);
  const b = to === undefined ? a : Number(to);
  if (b < a || b - a > 50) throw new Error(`a citation of the range ${from}–${to}: expected a rising range of entries.`);
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

/** Every number of a list such as "#6, #7 and #17", "#2–#5" or (old style) "rows 8–10". */
function numbersOf(list: string): number[] {
  return [...list.matchAll(/#?(\d+)(?:\s*[–-]\s*#?(\d+))?/g)].flatMap((m) => expand(m[1], m[2]));
}

const citationPattern = /article\s+errata\s+((?:#\d+(?:\s*[–-]\s*#\d+)?)(?:(?:,\s*|\s+and\s+|\s*&\s*)#\d+(?:\s*[–-]\s*#\d+)?)*)/gi;
const legacyPattern = /\bERRATA rows? (\d+(?:\s*[–-]\s*\d+)?(?:(?:,\s*|\s+and\s+)\d+(?:\s*[–-]\s*\d+)?)*)/g;

/**
 * The citations in one file's text, in both styles.
 *
 * @example citationsIn('x.md', 'see article errata #2–#4') → three citations, of entries 2, 3 and 4
 */
export function citationsIn(file: string, text: string): Citation[] {
  const found: Citation[] = [];
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  for (const [pattern, legacy] of [
    [citationPattern, false],
    [legacyPattern, true],
  ] as const) {
    for (const match of text.matchAll(pattern)) {
      for (const entry of numbersOf(match[1])) found.push({ file, line: lineAt(match.index), entry, legacy });
    }
  }
  return found;
}

/** Text files worth searching: not images, model weights or lock files. */
function isText(file: string): boolean {
  return /\.(md|ts|mts|mjs|js|json|txt|yml|yaml)$/.test(file) && !file.endsWith('package-lock.json');
}

/** Top-level folders that hold no course text: installed packages, pictures the graders wrote. */
const skippedTopLevel = ['node_modules', 'out'];

/** Whether a student release ships the file: not solutions (or edits of them), not the instructors' tools. */
function isShipped(file: string): boolean {
  return !isSolutionPath(file) && !file.startsWith('tools/');
}

/**
 * Checks the appendix against the citations in the text files under `root` (hidden folders such
 * as .git and .grade, node_modules, out/, `*.spec.ts` and the tools' fixtures are skipped).
 *
 * @example checkErrata(repoRoot).problems → [] when every citation resolves and every entry is cited
 */
export function checkErrata(root: string): ErrataReport {
  let entries: number[];
  try {
    entries = errataEntries(readFileSync(path.join(root, errataFile), 'utf8'));
  } catch (error) {
    const message = (error as NodeJS.ErrnoException).code === 'ENOENT' ? `${errataFile} is missing: the course cites its entries.` : (error as Error).message;
    return { entries: [], citations: [], problems: [message] };
  }
  const files = readdirSync(root)
    .filter((name) => !name.startsWith('.') && !skippedTopLevel.includes(name))
    .flatMap((name) => walk(root, name))
    .filter((f) => isText(f) && f !== errataFile);
  const citations = files.flatMap((file) => citationsIn(file, readFileSync(path.join(root, file), 'utf8')));
  const problems: string[] = [];
  for (const c of citations) {
    if (!entries.includes(c.entry))
      problems.push(
        `${c.file}:${c.line} cites article errata #${c.entry}, but ${errataFile} has no entry #${c.entry} (it has #${entries[0]}–#${entries[entries.length - 1]}).`,
      );
  }
  for (const entry of entries) {
    if (!citations.some((c) => c.entry === entry && isShipped(c.file)))
      problems.push(`${errataFile} #${entry} is cited nowhere a student can read it: cite it where the course teaches it, or remove the entry.`);
  }
  // An old-style "ERRATA row N" names a table students never get: it must say "article errata #N".
  const legacy = citations.filter((c) => c.legacy);
  for (const where of new Set(legacy.map((c) => `${c.file}:${c.line}`)))
    problems.push(`${where}: old-style "ERRATA row" citation — say "article errata #N" (${errataFile}).`);
  return { entries, citations, problems };
}
