import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCourse, parseCourse, type Course } from '../../graders/support/course.ts';
import { classroomWorkflow, gradeCommand, pristineCommand, runnerName, workflowData } from './workflow.ts';
import { checkWorkflow } from './workflow-check.ts';
import { readYaml, writeYaml, type YamlValue } from '../lib/yaml.ts';
import { classWorkflow } from '../grade/class/workflow.ts';

const course = loadCourse();

describe('classroom.yml', () => {
  const text = classroomWorkflow(course);

  it('matches course.json: one command grader per exercise with its max-score, the reporter, Points last', () => {
    expect(checkWorkflow(text, course)).toEqual([]);
  });

  it('reads back as exactly the data it was written from', () => {
    expect(readYaml(text)).toEqual(workflowData(course));
  });

  it('puts every setting in the command string (the command grader passes only PATH and HOME)', () => {
    for (const exercise of course.exercises) {
      expect(gradeCommand(exercise)).toMatch(new RegExp(`^GRADE_SEED=default COURSE_WEBGPU=0 NO_COLOR=1 GRADE_RESULTS=\\S+ npm test ${exercise.id}$`));
    }
  });

  it('follows course.json when an exercise is added', () => {
    const bigger: Course = parseCourse(
      JSON.stringify({
        ...course,
        exercises: [...course.exercises, { ...course.exercises[0], id: 'exercise-99', folder: 'exercise-99-new', title: 'New: with a colon' }],
      }),
    );
    const grown = classroomWorkflow(bigger);
    expect(checkWorkflow(grown, bigger)).toEqual([]);
    expect(checkWorkflow(grown, course)[0]).toMatch(/do not match course.json/);
  });

  it('notices a wrong max-score, a missing reporter runner and a missing Points step', () => {
    const first = course.exercises[0];
    const wrongScore = text.replace(`max-score: ${workflowDataMax(first.id)}`, 'max-score: 999');
    expect(checkWorkflow(wrongScore, course).join('\n')).toMatch(new RegExp(`${first.id}: max-score is 999`));
    const noRunner = text.replace(`runners: '${course.exercises.map(runnerName).join(',')}'`, `runners: '${runnerName(first)}'`);
    expect(checkWorkflow(noRunner, course).join('\n')).toMatch(/reporter's runners/);
    const noPoints = text.replace(/ {6}- name: 'Points'[\s\S]*$/, '');
    expect(checkWorkflow(noPoints, course).join('\n')).toMatch(/Points X\/Y/);
  });

  it('notices a missing pristine step, NODE_OPTIONS left as inherited, and a reporter input without the crashed fallback', () => {
    const noPristine = text.replace(`run: '${pristineCommand}'`, "run: 'true'");
    expect(checkWorkflow(noPristine, course).join('\n')).toMatch(/pristine\.mjs' step must run before 'npm ci'/);
    const inherited = text.replace("NODE_OPTIONS: ''", "NODE_OPTIONS: '--import=./x.mjs'");
    expect(checkWorkflow(inherited, course).join('\n')).toMatch(/must empty NODE_OPTIONS/);
    const noFallback = text.replace(/ \|\| ''[A-Za-z0-9+/=]+'' \}\}/, ' }}');
    expect(checkWorkflow(noFallback, course).join('\n')).toMatch(/crashed result as fallback/);
  });
});

function workflowDataMax(id: string): number {
  const steps = (workflowData(course).jobs as { 'run-autograding-tests': { steps: { id?: string; with?: { 'max-score'?: number } }[] } })[
    'run-autograding-tests'
  ].steps;
  return steps.find((s) => s.id === id)?.with?.['max-score'] ?? -1;
}

describe('YAML through the yaml package', () => {
  const golden = (name: string) => readFileSync(fileURLToPath(new URL(`./yaml-golden/${name}`, import.meta.url)), 'utf8');

  // The golden files are what the hand-written YAML writer this replaced wrote for the course and
  // for 3 shards; both workflows must mean the same to YAML 1.2 and 1.1 readers (GitHub's).
  it('writes both workflows with the meaning the hand-written writer gave them', () => {
    for (const [written, old] of [
      [classroomWorkflow(course), golden('classroom.yml')],
      [classWorkflow(3), golden('class-grading.yml')],
    ]) {
      for (const version of ['1.1', '1.2'] as const) expect(parse(written, { version })).toEqual(parse(old, { version }));
    }
  });

  it('quotes keys YAML 1.1 would misread and every string', () => {
    expect(writeYaml({ on: ['push'], n: 'yes', a: 1, b: true })).toBe('"on":\n  - \'push\'\n"n": \'yes\'\na: 1\nb: true\n');
    expect(parse(writeYaml({ on: ['push'], n: 'no' }), { version: '1.1' })).toEqual({ on: ['push'], n: 'no' });
  });

  it('round-trips nested sequences of mappings and quotes inside strings', () => {
    const value: { [key: string]: YamlValue } = { jobs: { a: { steps: [{ name: "it's", with: { x: 'a: b # c' } }, { run: 'x' }] } }, empty: [] };
    expect(readYaml(writeYaml(value))).toEqual(value);
  });

  it('refuses duplicate keys and a top that is not a mapping, saying what it got', () => {
    expect(() => readYaml("a: 'x'\na: 'y'\n")).toThrow(/Map keys must be unique/);
    expect(() => readYaml("- 'x'\n")).toThrow('readYaml: expected a mapping at the top, got a list');
  });
});
