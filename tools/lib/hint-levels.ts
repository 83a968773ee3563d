/**
 * How far a student has gone into each part's hints, remembered in `.grade/hints.json`
 * (`{ "levels": { "exercise-02": { "C": 2 } } }`: two hints of part C shown so far). The hints
 * themselves live in course.json. An unreadable file is forgotten, with a note.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../graders/support/paths.ts';

const schema = 'cnn-course/hints/v1';

export interface HintLevels {
  schema: typeof schema;
  /** exercise id → part id → number of hints shown. */
  levels: Record<string, Record<string, number>>;
}

/** `.grade/hints.json` of a repository. */
export function hintsFile(root = repoRoot): string {
  return path.join(root, '.grade', 'hints.json');
}

/** The remembered levels, and a note when the file could not be read. */
export function readHintLevels(file = hintsFile()): { levels: HintLevels; note?: string } {
  const empty: HintLevels = { schema, levels: {} };
  if (!existsSync(file)) return { levels: empty };
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as HintLevels;
    if (parsed?.schema !== schema || typeof parsed.levels !== 'object' || parsed.levels === null) throw new Error('not a hints file of this version');
    return { levels: parsed };
  } catch (error) {
    return {
      levels: empty,
      note: `${path.basename(file)} was unreadable (${(error as Error).message.split('\n')[0]}), so every part starts again at its first hint`,
    };
  }
}

/** How many hints of a part were shown. */
export function levelOf(levels: HintLevels, exerciseId: string, partId: string): number {
  const level = levels.levels[exerciseId]?.[partId];
  return Number.isInteger(level) && level! > 0 ? level! : 0;
}

/** Records a level (0 forgets the part). */
export function setLevel(levels: HintLevels, exerciseId: string, partId: string, level: number): void {
  levels.levels[exerciseId] ??= {};
  const parts = levels.levels[exerciseId];
  if (level > 0) parts[partId] = level;
  else delete parts[partId];
}

/** Saves the levels atomically. */
export function writeHintLevels(levels: HintLevels, file = hintsFile()): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(levels, null, 2)}\n`);
  renameSync(temporary, file);
}
