/**
 * The quiz's files as data, for the spec tests: QUIZ.md split into questions, the stub's and the
 * solution's answers.ts, and the quiz's part of course.json.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findExercise, type Exercise } from '../../graders/support/course.ts';
import { repoRoot } from '../../graders/support/paths.ts';

/** One `### qNN · title` section of QUIZ.md. */
export interface QuizSection {
  id: string;
  title: string;
  /** The italic line under the heading: kind and points. */
  meta: string;
  /** Option letters listed as `- **X)**`. */
  options: string[];
  /** The whole section's text (heading to the next heading). */
  text: string;
}

export const exercise: Exercise = findExercise('exercise-05');

function read(...parts: string[]): string {
  return readFileSync(path.join(repoRoot, ...parts), 'utf8');
}

/** QUIZ.md, one entry per question, in order. */
export function quizSections(): QuizSection[] {
  const text = read('exercises', exercise.folder, 'QUIZ.md');
  const headings = [...text.matchAll(/^#{2,3} .*$/gm)];
  return headings.flatMap((heading, i) => {
    const match = /^### (q\d\d) · (.+)$/.exec(heading[0]);
    if (match === null) return [];
    const body = text.slice(heading.index, headings[i + 1]?.index ?? text.length);
    return [
      {
        id: match[1],
        title: match[2],
        meta: /^\*(.+)\*$/m.exec(body)?.[1] ?? '',
        options: [...body.matchAll(/^- \*\*([A-Z])\)\*\*/gm)].map((m) => m[1]),
        text: body,
      },
    ];
  });
}

/** The text of answers.ts in exercises/ (the stub) or solutions/. */
export function answersSource(where: 'exercises' | 'solutions'): string {
  return read(where, exercise.folder, 'answers.ts');
}

/** The exercise's README. */
export function readme(): string {
  return read('exercises', exercise.folder, 'README.md');
}
