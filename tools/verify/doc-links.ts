/**
 * The course's Markdown links lead somewhere: every relative link (`[text](path#anchor)`) names a
 * file that exists, and an anchor into a Markdown file names one of its headings as GitHub spells
 * it. Links are read by marked's lexer, so text inside code spans and fences is not a link;
 * anchors are slugged by github-slugger, as GitHub renders them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { Lexer, marked } from 'marked';
import { walk } from '../release/contents.ts';

/** Top-level folders whose Markdown is not the course's: installed packages, outputs. */
const skippedTopLevel = ['node_modules', 'out'];

/**
 * The link targets of a Markdown text, in order (web addresses included).
 *
 * @example markdownLinks('[a](COURSE.md#x) `[b](no.md)`') → ['COURSE.md#x']
 */
export function markdownLinks(markdown: string): string[] {
  const links: string[] = [];
  marked.walkTokens(Lexer.lex(markdown), (token) => {
    if (token.type === 'link') links.push(token.href);
  });
  return links;
}

/**
 * The anchors of a Markdown text: those GitHub gives its headings (a repeated heading gets `-1`,
 * `-2`, …) and those its HTML names (`<a id="errata-5"></a>`).
 *
 * @example headingAnchors('## 5. Grade the class — the grade of record') → Set { '5-grade-the-class--the-grade-of-record' }
 */
export function headingAnchors(markdown: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  marked.walkTokens(Lexer.lex(markdown), (token) => {
    if (token.type === 'heading') anchors.add(slugger.slug(token.text));
    if (token.type === 'html') for (const match of token.raw.matchAll(/\b(?:id|name)="([^"]+)"/g)) anchors.add(match[1]);
  });
  return anchors;
}

/** Whether a link target leaves the repository (a web address, mail) rather than naming a file. */
function isExternal(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target);
}

/**
 * The broken links of the given Markdown files (repository-relative), one line each:
 * `file: [target] → why`.
 *
 * @example brokenLinks(repoRoot, ['README.md']) → [] when every link of README.md resolves
 */
export function brokenLinks(root: string, files: string[]): string[] {
  const anchorsOf = new Map<string, Set<string>>();
  const problems: string[] = [];
  for (const file of files) {
    for (const target of markdownLinks(readFileSync(path.join(root, file), 'utf8'))) {
      if (isExternal(target)) continue;
      const [relative, anchor] = target.split('#', 2);
      const linked = relative === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURI(relative)));
      if (linked.startsWith('../') || !existsSync(path.join(root, linked))) {
        problems.push(`${file}: [${target}] → ${linked} does not exist in the repository.`);
        continue;
      }
      if (anchor === undefined || anchor === '' || !linked.endsWith('.md')) continue;
      if (!anchorsOf.has(linked)) anchorsOf.set(linked, headingAnchors(readFileSync(path.join(root, linked), 'utf8')));
      if (!anchorsOf.get(linked)!.has(anchor)) problems.push(`${file}: [${target}] → ${linked} has no heading whose anchor is #${anchor}.`);
    }
  }
  return problems;
}

/**
 * The course's Markdown files: every `*.md` under `root` except hidden folders, node_modules and
 * out/ (the release's own walk), repository-relative and sorted.
 */
export function courseMarkdown(root: string): string[] {
  return readdirSync(root)
    .filter((name) => !name.startsWith('.') && !skippedTopLevel.includes(name))
    .flatMap((name) => walk(root, name))
    .filter((file) => file.endsWith('.md'))
    .sort();
}
