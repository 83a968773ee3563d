/**
 * Reads the student's `answers` export once per grader file, as plain data from their process.
 * A missing or malformed export fails every question with one clear message; keys that are not
 * question ids (a typo such as `Q05` or `q5`) are remembered so "not answered yet" can point at
 * them.
 */
import type { ExerciseGrader } from '../support/exercise.ts';
import { GradeFailure } from '../support/failure.ts';
import type { Wire } from '../support/sandbox/wire.ts';
import { showValue } from './kinds.ts';

/** The student's answers as read, by question id. */
export interface ReadAnswers {
  values: Record<string, Wire>;
  /** Keys of `answers` that are not question ids. */
  unknownKeys: string[];
}

function isRecord(value: Wire): value is { [key: string]: Wire } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !('$nd' in value) && !('$tensor' in value);
}

/**
 * A function that reads `answers` on its first call and returns the same result after.
 *
 * @example const answers = answersReader(ex, ['q01', 'q02']); (await answers()).values.q01 → 'B' or undefined
 */
export function answersReader(ex: ExerciseGrader, ids: string[]): () => Promise<ReadAnswers> {
  let once: Promise<ReadAnswers> | undefined;
  return () => (once ??= read(ex, ids));
}

async function read(ex: ExerciseGrader, ids: string[]): Promise<ReadAnswers> {
  const value = await ex.readExport('answers');
  if (value === undefined) {
    throw new GradeFailure(`${ex.entryPath} exports no \`answers\`: keep the line \`export const answers: QuizAnswers = { … }\` and fill in its entries.`);
  }
  if (!isRecord(value)) {
    throw new GradeFailure(`\`answers\` in ${ex.entryPath} must be an object with one entry per question (q01: …, q02: …), got ${showValue(value)}.`);
  }
  return { values: value, unknownKeys: Object.keys(value).filter((key) => !ids.includes(key)) };
}
