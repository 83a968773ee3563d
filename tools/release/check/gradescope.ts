/**
 * The Gradescope autograder, run the way Gradescope runs it: the zip unpacked into
 * `<root>/autograder/source`, the submission in `<root>/autograder/submission`, `run_autograder`
 * with only PATH, HOME and AUTOGRADER_ROOT=<root>, and `results/results.json` read back — for the
 * solutions (full marks, bonus included), the stubs (0) and a submission that does not compile
 * (a valid 0 that says why). To keep verify's time down it grades one exercise (the quickest one
 * checked, cpu only) and links this repository's node_modules instead of running setup.sh's
 * `npm ci` (setup.sh itself needs root, apt and the network).
 */
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Exercise } from '../../../graders/support/course.ts';
import { repoRoot } from '../../../graders/support/paths.ts';
import { checkGradescope } from '../../grade/exports/fields.ts';
import type { GradescopeResults } from '../../grade/exports/gradescope.ts';
import { linkTree } from '../../lib/link-tree.ts';
import { writeGradescopeZip } from '../gradescope/zip.ts';
import type { Context } from './context.ts';
import { spawnAsync } from '../../lib/spawn-async.ts';

type Fill = (exercise: Exercise, submission: string) => void;

const cases: { name: string; fill: Fill; expected: (exercise: Exercise) => number }[] = [
  // Uploaded as folders, as a repository would be.
  {
    name: 'solutions',
    fill: (e, s) => cpSync(path.join(repoRoot, 'solutions', e.folder), path.join(s, 'exercises', e.folder), { recursive: true }),
    expected: (e) => e.parts.reduce((sum, p) => sum + p.points, 0),
  },
  // Uploaded as loose files.
  {
    name: 'stubs',
    fill: (e, s) => {
      for (const f of e.files) cpSync(path.join(repoRoot, 'exercises', e.folder, f), path.join(s, f));
    },
    expected: () => 0,
  },
  { name: 'broken', fill: (e, s) => writeFileSync(path.join(s, e.files[0]), 'export const = ;\n'), expected: () => 0 },
];

export async function checkGradescopeAutograder(ctx: Context): Promise<void> {
  const exercise =
    [...ctx.course.exercises].reverse().find((e) => ctx.ids.includes(e.id) && e.parts.every((p) => p.tensors !== true)) ??
    ctx.course.exercises.find((e) => ctx.ids.includes(e.id));
  if (exercise === undefined) return;
  // The sandbox runs the student's code as nobody: like Gradescope's /autograder, every folder on
  // the way to the course must be traversable (mkdtemp makes the work folder private).
  chmodSync(ctx.work, 0o755);
  const zip = path.join(ctx.work, 'autograder.zip');
  const config = writeGradescopeZip(repoRoot, ctx.course, zip, { exercises: [exercise.id], backends: ['cpu'] });
  const seen: string[] = [];
  for (const c of cases) {
    const root = path.join(ctx.work, 'gradescope', c.name);
    const source = path.join(root, 'autograder', 'source');
    const submission = path.join(root, 'autograder', 'submission');
    mkdirSync(source, { recursive: true });
    mkdirSync(submission, { recursive: true });
    const unzip = await spawnAsync('unzip', ['-q', zip, '-d', source]);
    if (unzip.status !== 0) return void ctx.problems.push(`gradescope: cannot unzip the autograder (${unzip.error?.message ?? unzip.stderr.trim()})`);
    linkTree(path.join(repoRoot, 'node_modules'), path.join(source, 'node_modules'));
    c.fill(exercise, submission);
    const run = await spawnAsync('bash', [path.join(source, 'run_autograder')], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, AUTOGRADER_ROOT: root },
      timeoutMs: 20 * 60_000,
    });
    const file = path.join(root, 'autograder', 'results', 'results.json');
    if (!existsSync(file)) {
      ctx.problems.push(
        `gradescope ${c.name}: run_autograder (exit ${run.status}) left no results.json: ${`${run.stdout}${run.stderr}`.trim().split('\n').slice(-3).join(' / ')}`,
      );
      continue;
    }
    const results = JSON.parse(readFileSync(file, 'utf8')) as GradescopeResults;
    const problems = checkGradescope(results);
    if (problems.length > 0) ctx.problems.push(`gradescope ${c.name}: results.json breaks Gradescope's format: ${problems.slice(0, 3).join('; ')}`);
    if (results.score !== c.expected(exercise))
      ctx.problems.push(
        `gradescope ${c.name}: score ${results.score}, the course says ${c.expected(exercise)} (${results.output?.split('\n').slice(0, 3).join(' / ')})`,
      );
    if (JSON.stringify(results.output ?? '').includes(config.seed))
      ctx.problems.push(`gradescope ${c.name}: the output students see shows the instructors' seed`);
    const said = JSON.stringify(results.tests ?? []);
    if (c.name === 'broken' && !said.includes(`${exercise.folder}/${exercise.files[0]} does not compile`))
      ctx.problems.push(`gradescope broken: no test says that ${exercise.folder}/${exercise.files[0]} does not compile: ${said.slice(0, 300)}`);
    seen.push(`${c.name} ${results.score}`);
  }
  ctx.lines.push(`gradescope autograder (${exercise.id}, cpu, Gradescope's folder layout under AUTOGRADER_ROOT): ${seen.join(', ')}`);
}
