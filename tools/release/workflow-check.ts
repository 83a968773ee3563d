/**
 * Reads a release's classroom.yml back and checks it against course.json: the workflow and job
 * names GitHub Classroom looked for, one command-grader step per exercise (id = exercise id,
 * max-score = its points, settings inside the command), a parts step feeding the reporter, the
 * reporter listing every exercise, and the "Points" step last.
 */
import type { Course } from '../../graders/support/course.ts';
import { maxScore } from '../../graders/support/course.ts';
import { gradeCommand, partsStepId, pristineCommand, reporterInput, runnerName } from './workflow.ts';
import { readYaml, type YamlValue } from '../lib/yaml.ts';

type Step = { [key: string]: YamlValue };

function asRecord(value: YamlValue | undefined): { [key: string]: YamlValue } {
  return value !== undefined && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/**
 * Problems of a workflow text for a course; empty when it is right.
 *
 * @example checkWorkflow(classroomWorkflow(course), course) → []
 */
export function checkWorkflow(text: string, course: Course): string[] {
  let doc: { [key: string]: YamlValue };
  try {
    doc = readYaml(text);
  } catch (error) {
    return [(error as Error).message];
  }
  const problems: string[] = [];
  if (doc.name !== 'Autograding Tests') problems.push(`the workflow must be named 'Autograding Tests', got ${JSON.stringify(doc.name)}`);
  const on = doc.on;
  if (!Array.isArray(on) || !on.includes('push')) problems.push("the workflow must run 'on' push");
  const jobs = asRecord(doc.jobs);
  if (Object.keys(jobs).join(',') !== 'run-autograding-tests')
    problems.push(`expected exactly one job, run-autograding-tests; got ${Object.keys(jobs).join(', ') || 'none'}`);
  const steps = (asRecord(jobs['run-autograding-tests']).steps ?? []) as Step[];
  if (!Array.isArray(steps)) return [...problems, 'the job has no steps'];
  const graders = steps.filter((s) => String(s.uses ?? '').startsWith('classroom-resources/autograding-command-grader@'));
  const ids = graders.map((s) => s.id);
  const expected = course.exercises.map((e) => e.id);
  if (ids.join(',') !== expected.join(',')) problems.push(`command-grader steps ${ids.join(', ')} do not match course.json's exercises ${expected.join(', ')}`);
  for (const exercise of course.exercises) {
    const step = graders.find((s) => s.id === exercise.id);
    if (step === undefined) continue;
    const inputs = asRecord(step.with);
    if (inputs['max-score'] !== maxScore(exercise))
      problems.push(`${exercise.id}: max-score is ${JSON.stringify(inputs['max-score'])}, course.json says ${maxScore(exercise)}`);
    if (inputs.command !== gradeCommand(exercise))
      problems.push(`${exercise.id}: command is ${JSON.stringify(inputs.command)}, expected ${JSON.stringify(gradeCommand(exercise))}`);
    if (typeof inputs['test-name'] !== 'string' || inputs['test-name'] === '') problems.push(`${exercise.id}: test-name is missing`);
    const parts = steps.find((s) => s.id === partsStepId(exercise));
    if (parts === undefined) problems.push(`${exercise.id}: no '${partsStepId(exercise)}' step turns its results into points per part`);
    else {
      if (parts.if !== 'always()') problems.push(`${partsStepId(exercise)}: must run 'always()' so a failed grading still reports`);
      if (!String(parts.run).includes(`--format github --exercise ${exercise.id} `))
        problems.push(`${partsStepId(exercise)}: does not export ${exercise.id} in the github format`);
      if (steps.indexOf(parts) < steps.indexOf(step)) problems.push(`${partsStepId(exercise)}: runs before the grading it reports`);
    }
  }
  const reporter = steps.find((s) => String(s.uses ?? '').startsWith('classroom-resources/autograding-grading-reporter@'));
  if (reporter === undefined) problems.push('no autograding-grading-reporter step');
  else {
    const runners = String(asRecord(reporter.with).runners ?? '');
    const names = course.exercises.map(runnerName).join(',');
    if (runners !== names) problems.push(`the reporter's runners are '${runners}', expected '${names}'`);
    const env = asRecord(reporter.env);
    for (const exercise of course.exercises) {
      const name = `${runnerName(exercise).toUpperCase()}_RESULTS`;
      if (env[name] !== reporterInput(course, exercise))
        problems.push(`the reporter's ${name} does not read steps.${partsStepId(exercise)}.outputs.result with the crashed result as fallback`);
    }
    if (steps.indexOf(reporter) < Math.max(...graders.map((g) => steps.indexOf(g)))) problems.push('the reporter runs before a grading step');
  }
  const pristine = steps.findIndex((s) => s.run === pristineCommand);
  const install = steps.findIndex((s) => String(s.run ?? '').startsWith('npm ci'));
  if (pristine < 0 || install < 0 || pristine > install) problems.push(`the '${pristineCommand}' step must run before 'npm ci'`);
  if (asRecord(asRecord(jobs['run-autograding-tests']).env).NODE_OPTIONS !== '') problems.push('the job must empty NODE_OPTIONS');
  const last = steps[steps.length - 1];
  if (last === undefined || !String(last.run ?? '').includes('grade -- --points'))
    problems.push('the last step must print "Points X/Y" (npm run grade -- --points)');
  return problems;
}
