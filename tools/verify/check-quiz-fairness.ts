/**
 * The quiz's single-choice questions do not give their answer away by the shape of the options:
 * "pick the longest" (or the shortest) must not score, and the keyed letters must not pile up on
 * one position. It needs the plain key, so it reads the hidden solution: an instructors' check,
 * skipped with a notice where solutions/ is absent (a student release).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { questions } from '../../graders/exercise-05-quiz/questions.ts';
import { repoRoot } from '../../graders/support/paths.ts';
import { exercise, quizSections } from '../quiz/quiz-files.ts';
import { table } from './step.ts';

/** One single-choice question: its options' text by letter, and the keyed letter. */
export interface ChoiceQuestion {
  id: string;
  options: { letter: string; text: string }[];
  keyed: string;
}

/** What the measure found: a row per question, and the rules it breaks (none when fair). */
export interface FairnessReport {
  rows: string[][];
  problems: string[];
}

/** An option's length as a reader sees it: Markdown emphasis and code marks do not count. */
export function visibleLength(text: string): number {
  return text.replace(/\*\*|`/g, '').trim().length;
}

/**
 * Measures the single-choice questions. Unfair when the keyed option is (one of) the longest in
 * more than one question, or (one of) the shortest in more than one, or when the keyed letters
 * of the n questions use fewer than min(3, n) positions, or one letter is keyed more than
 * ⌈n/4⌉ + 1 times.
 *
 * @example measureFairness([{ id: 'q01', options: [{ letter: 'A', text: 'short' }, { letter: 'B', text: 'the longest one' }], keyed: 'B' }]).rows[0] → ['q01', 'B', '15', '5–15', 'longest']
 */
export function measureFairness(items: ChoiceQuestion[]): FairnessReport {
  const rows: string[][] = [];
  const longest: string[] = [];
  const shortest: string[] = [];
  const counts = new Map<string, number>();
  for (const item of items) {
    const lengths = item.options.map((o) => visibleLength(o.text));
    const keyed = item.options.find((o) => o.letter === item.keyed);
    if (keyed === undefined)
      throw new Error(
        `quiz fairness: ${item.id} is keyed '${item.keyed}', but its options are ${item.options.map((o) => o.letter).join(', ')}; expected one of them.`,
      );
    const own = visibleLength(keyed.text);
    const others = item.options.filter((o) => o !== keyed).map((o) => visibleLength(o.text));
    const tag = own >= Math.max(...others) ? 'longest' : own <= Math.min(...others) ? 'shortest' : '';
    if (tag === 'longest') longest.push(item.id);
    if (tag === 'shortest') shortest.push(item.id);
    counts.set(item.keyed, (counts.get(item.keyed) ?? 0) + 1);
    rows.push([item.id, item.keyed, String(own), `${Math.min(...lengths)}–${Math.max(...lengths)}`, tag]);
  }
  const problems: string[] = [];
  if (longest.length > 1)
    problems.push(
      `the keyed option is the longest in ${longest.join(', ')}: "pick the longest" scores ${longest.length} of ${items.length}; expected at most 1. Lengthen a distractor or shorten the keyed option.`,
    );
  if (shortest.length > 1)
    problems.push(
      `the keyed option is the shortest in ${shortest.join(', ')}: "pick the shortest" scores ${shortest.length} of ${items.length}; expected at most 1.`,
    );
  const distinct = counts.size;
  const wanted = Math.min(3, items.length);
  if (distinct < wanted)
    problems.push(`the keyed letters use ${distinct} position(s) (${[...counts.keys()].sort().join(', ')}); expected at least ${wanted} of A–D.`);
  const limit = Math.ceil(items.length / 4) + 1;
  for (const [letter, n] of counts)
    if (n > limit) problems.push(`'${letter}' is keyed in ${n} of ${items.length} single-choice questions; expected at most ${limit}.`);
  return { rows, problems };
}

/** The quiz's single-choice questions as QUIZ.md shows them, keyed by `answers` (question id → letter). */
export function choiceQuestions(answers: Record<string, unknown>): ChoiceQuestion[] {
  const sections = quizSections();
  return questions
    .filter((q) => q.answer.kind === 'choice')
    .map((q) => {
      const section = sections.find((s) => s.id === q.id);
      if (section === undefined) throw new Error(`quiz fairness: ${q.id} is missing from QUIZ.md.`);
      const options = [...section.text.matchAll(/^- \*\*([A-Z])\)\*\* (.+)$/gm)].map((m) => ({ letter: m[1], text: m[2] }));
      return { id: q.id, options, keyed: String(answers[q.id]) };
    });
}

/**
 * The check as verify runs it: a table and the problems, or a notice when the solution is absent.
 *
 * @example (await quizFairness()).ok → true for a fair quiz
 */
export async function quizFairness(root = repoRoot): Promise<{ ok: boolean; lines: string[] }> {
  const file = path.join(root, 'solutions', exercise.folder, 'answers.ts');
  if (!existsSync(file))
    return { ok: true, lines: [`quiz fairness: skipped — ${path.relative(root, file)} is absent (a student release); the check needs the plain key.`] };
  const { answers } = (await import(pathToFileURL(file).href)) as { answers: Record<string, unknown> };
  const report = measureFairness(choiceQuestions(answers));
  const lines = [
    `quiz fairness: the single-choice questions, keyed from ${path.relative(root, file)}`,
    ...table(['question', 'keyed', 'its length', 'lengths', 'keyed is'], report.rows),
    ...report.problems,
  ];
  return { ok: report.problems.length === 0, lines };
}
