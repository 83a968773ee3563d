/**
 * The autograding workflow, run the way GitHub runs it, for one exercise.
 */
import { cpSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { maxScore } from '../../../graders/support/course.ts';
import { repoRoot } from '../../../graders/support/paths.ts';
import type { GithubRunnerResult } from '../../grade/exports/github.ts';
import * as reporter from '../../grade/exports/fixtures/github-reporter/reporter-v1.mjs';
import { runnerName } from '../workflow.ts';
import { readYaml } from '../../lib/yaml.ts';
import type { Context } from './context.ts';
import { spawnAsync } from '../../lib/spawn-async.ts';

/**
 * Runs one exercise's autograding steps as GitHub would, from the workflow's own text: the
 * command grader's command with only PATH and HOME, the parts step with GITHUB_OUTPUT, GitHub's
 * reporter arithmetic over its output, then the Points step — on the solution copied in as
 * student code, so every part must score.
 */
export async function checkAutograding(ctx: Context): Promise<void> {
  const doc = readYaml(readFileSync(path.join(ctx.release, '.github', 'workflows', 'classroom.yml'), 'utf8'));
  const steps = ((doc.jobs as Record<string, { steps: Record<string, unknown>[] }>)['run-autograding-tests']?.steps ?? []) as {
    id?: string;
    run?: string;
    with?: { command?: string };
  }[];
  // The quickest exercise to grade: one graded on cpu only, if there is one.
  const exercise =
    [...ctx.course.exercises].reverse().find((e) => ctx.ids.includes(e.id) && e.parts.every((p) => p.tensors !== true)) ??
    ctx.course.exercises.find((e) => ctx.ids.includes(e.id));
  const command = steps.find((s) => s.id === exercise?.id)?.with?.command;
  const parts = steps.find((s) => s.id === `${exercise?.id}-parts`)?.run;
  const points = steps[steps.length - 1]?.run;
  if (exercise === undefined || command === undefined || parts === undefined || points === undefined) return;
  const stubs = path.join(ctx.release, 'exercises', exercise.folder);
  const backup = path.join(ctx.work, 'stub-backup');
  cpSync(stubs, backup, { recursive: true });
  rmSync(stubs, { recursive: true, force: true });
  cpSync(path.join(repoRoot, 'solutions', exercise.folder), stubs, { recursive: true });
  try {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME };
    const outputFile = path.join(ctx.work, 'github-output');
    await spawnAsync('sh', ['-c', command], { cwd: ctx.release, env });
    await spawnAsync('sh', ['-c', parts], { cwd: ctx.release, env: { ...env, GITHUB_OUTPUT: outputFile } });
    const line = readFileSync(outputFile, 'utf8').trim();
    const runner = JSON.parse(Buffer.from(line.slice(line.indexOf('=') + 1), 'base64').toString('utf8')) as GithubRunnerResult;
    const earned = runner.tests.reduce((sum, t) => sum + t.score, 0);
    // GitHub's reporter (v1, ported) reads the same points in its per-exercise line and table.
    const reported = reporter.runnerLines([{ runner: runnerName(exercise), results: runner }])[0];
    const bonus = exercise.parts.filter((p) => p.bonus === true).reduce((sum, p) => sum + p.points, 0);
    if (reported !== `Total points for ${runnerName(exercise)}: ${(earned - bonus).toFixed(2)}/${maxScore(exercise)}`)
      ctx.problems.push(`GitHub's reporter would print '${reported}' for ${exercise.id}, the course says ${earned - bonus}/${maxScore(exercise)}`);
    if (runner.status !== 'pass' || earned < runner.max_score || runner.max_score !== maxScore(exercise)) {
      ctx.problems.push(
        `autograding ${exercise.id} on its solution: status ${runner.status}, ${earned}/${runner.max_score} (course.json: ${maxScore(exercise)})`,
      );
    }
    const printed = (await spawnAsync('sh', ['-c', points], { cwd: ctx.release, env })).stdout.trim().split('\n').pop() ?? '';
    const total = ctx.course.exercises.reduce((sum, e) => sum + maxScore(e), 0);
    if (printed !== `Points ${earned}/${total}`) ctx.problems.push(`the Points step printed '${printed}', expected 'Points ${earned}/${total}'`);
    ctx.lines.push(
      `autograding dry run (${exercise.id}, only PATH and HOME): ${runner.tests.length} point tests, ${earned}/${runner.max_score}; the reporter's line '${reported}'; last step printed '${printed}'`,
    );
  } finally {
    rmSync(stubs, { recursive: true, force: true });
    cpSync(backup, stubs, { recursive: true });
  }
}
