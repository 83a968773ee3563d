/**
 * Applies {@link Edit}s to a source text and materialises a mutant folder.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Edit } from './define.ts';

function count(text: string, find: string): number {
  let n = 0;
  for (let i = text.indexOf(find); i >= 0; i = text.indexOf(find, i + find.length)) n++;
  return n;
}

/** The range of `export function name(…) {…}`: from its line (and TSDoc) to the next `}` line. */
function functionRange(text: string, name: string): [number, number] {
  const start = text.search(new RegExp(`^export (async )?function ${name}\\b`, 'm'));
  if (start < 0) throw new Error(`edit: no 'export function ${name}' in the solution`);
  const end = text.indexOf('\n}\n', start);
  if (end < 0) throw new Error(`edit: 'export function ${name}' has no closing '}' in column 0`);
  return [start, end + 3];
}

/** Applies edits in order; throws naming the first edit that does not apply. */
export function applyEdits(source: string, edits: Edit[]): string {
  let text = source;
  for (const edit of edits) {
    if ('find' in edit) {
      const [start, end] = edit.in === undefined ? [0, text.length] : functionRange(text, edit.in);
      const scope = text.slice(start, end);
      const n = count(scope, edit.find);
      if (n === 0 || (n > 1 && !edit.all)) {
        const where = edit.in === undefined ? '' : ` in ${edit.in}`;
        throw new Error(
          `edit: expected ${edit.all ? 'at least one occurrence' : 'exactly one occurrence'} of ${JSON.stringify(edit.find)}${where}, found ${n}`,
        );
      }
      text = text.slice(0, start) + scope.split(edit.find).join(edit.replace) + text.slice(end);
    } else if ('replaceFunction' in edit) {
      const [start, end] = functionRange(text, edit.replaceFunction);
      text = `${text.slice(0, start) + edit.with.trim()}\n${text.slice(end)}`;
    } else if ('append' in edit) {
      text = `${text}\n${edit.append}\n`;
    } else {
      text = `${edit.prepend}\n${text}`;
    }
  }
  return text;
}

/**
 * Writes `<root>/<folder>/…`: a copy of the solution folder with the edits applied to its entry
 * file. `root` then works as a GRADE_TARGET.
 */
export function materialise(solutionDir: string, entry: string, edits: Edit[], root: string): void {
  const folder = path.basename(solutionDir);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  cpSync(solutionDir, path.join(root, folder), { recursive: true });
  const file = path.join(root, folder, entry);
  writeFileSync(file, applyEdits(readFileSync(file, 'utf8'), edits));
}
