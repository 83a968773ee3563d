/**
 * Step: the course is complete and consistent — the manifest parses (every part has ≥ 2 hints),
 * every exercise has its stub files and README, the reference with the same exports, a grader,
 * enough mutants, and a chapter in COURSE.md; the errata appendix and its citations agree
 * (check-errata.ts); the quiz's options do not give the answers away (check-quiz-fairness.ts).
 * Like rustlings' `dev check`, each problem names the file and what to do.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadCourse } from '../../graders/support/course.ts';
import { repoRoot } from '../../graders/support/paths.ts';
import { checkErrata, errataFile } from './check-errata.ts';
import { brokenLinks, courseMarkdown } from './doc-links.ts';
import { quizFairness } from './check-quiz-fairness.ts';
import { table, type Step } from './step.ts';

/** Names exported by a TypeScript module, read from its text (export function/const/type/…). */
export function exportedNames(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(/^export\s+(?:declare\s+)?(?:async\s+)?(?:function|const|let|type|interface|class|enum)\s+([A-Za-z_$][\w$]*)/gm)) {
    names.add(match[1]);
  }
  return [...names].sort();
}

const minimumMutants: Record<string, number> = { 'exercise-01': 10 };

export const courseLayout: Step = {
  name: 'course layout',
  async run() {
    const problems: string[] = [];
    let course: ReturnType<typeof loadCourse>;
    try {
      course = loadCourse();
    } catch (error) {
      return { ok: false, lines: [(error as Error).message] };
    }
    const rows: string[][] = [];
    const courseText = readFileSync(path.join(repoRoot, 'COURSE.md'), 'utf8');
    for (const exercise of course.exercises) {
      const stubDir = path.join(repoRoot, 'exercises', exercise.folder);
      const solutionDir = path.join(repoRoot, 'solutions', exercise.folder);
      const graderDir = path.join(repoRoot, 'graders', exercise.folder);
      if (!existsSync(path.join(stubDir, 'README.md')))
        problems.push(`exercises/${exercise.folder}/README.md is missing: write the task, parts, hints and a worked example.`);
      for (const file of exercise.files) {
        const stub = path.join(stubDir, file);
        const solution = path.join(solutionDir, file);
        if (!existsSync(stub)) problems.push(`exercises/${exercise.folder}/${file} is missing (listed in course.json "files").`);
        if (!existsSync(solution)) problems.push(`solutions/${exercise.folder}/${file} is missing: every stub file needs its reference.`);
        if (existsSync(stub) && existsSync(solution)) {
          const a = exportedNames(readFileSync(stub, 'utf8')).join(', ');
          const b = exportedNames(readFileSync(solution, 'utf8')).join(', ');
          if (a !== b) problems.push(`${exercise.folder}/${file}: the stub exports [${a}] but the solution exports [${b}]; they must match.`);
        }
      }
      const graders = existsSync(graderDir) ? readdirSync(graderDir).filter((f) => f.endsWith('.test.ts')) : [];
      if (graders.length === 0) problems.push(`graders/${exercise.folder}/ has no *.test.ts grader.`);
      const mutantDir = path.join(repoRoot, 'graders', 'mutants', exercise.id);
      const mutants = existsSync(mutantDir) ? readdirSync(mutantDir).filter((f) => f.endsWith('.ts')).length : 0;
      const needed = minimumMutants[exercise.id] ?? 8;
      if (mutants < needed) problems.push(`graders/mutants/${exercise.id}/ has ${mutants} mutants; at least ${needed} are required.`);
      const chapter = courseText.includes(`<!-- chapter: ${exercise.id} -->\n## `);
      if (!chapter) problems.push(`COURSE.md has no chapter after '<!-- chapter: ${exercise.id} -->'.`);
      const hints = exercise.parts.reduce((n, p) => n + p.hints.length, 0);
      rows.push([exercise.id, String(exercise.parts.length), String(hints), String(graders.length), String(mutants), chapter ? 'yes' : 'no']);
    }
    problems.push(...brokenLinks(repoRoot, courseMarkdown(repoRoot)));
    const errata = checkErrata(repoRoot);
    const fairness = await quizFairness();
    const errataLines = [`${errataFile}: ${errata.entries.length} entries, ${errata.citations.length} citations`, ...errata.problems];
    return {
      ok: problems.length === 0 && errata.problems.length === 0 && fairness.ok,
      lines: [...table(['exercise', 'parts', 'hints', 'graders', 'mutants', 'chapter'], rows), ...problems, ...errataLines, ...fairness.lines],
    };
  },
};
