/**
 * `.github/workflows/classroom.yml` of a student release, in the format GitHub Classroom's
 * autograding used (classroom-resources actions): workflow "Autograding Tests", one job
 * `run-autograding-tests`, one `autograding-command-grader` step per exercise of course.json with
 * its `max-score`, then `autograding-grading-reporter`.
 *
 * The command grader scores all or nothing and passes only PATH, HOME and a few variables to its
 * command, so every setting sits in the command string, and the grading writes the course's
 * result model to `.grade/autograding/<exercise>.json`. A plain step after each grader turns that
 * file into the runner result JSON with one test per part (`npm run grade -- --format github`),
 * and the reporter reads those — so partial credit per part reaches it. A last step prints
 * "Points X/Y" itself, so the workflow works as plain GitHub Actions now that Classroom is retired.
 *
 * Before anything is installed, tools/release/pristine.mjs puts back every file outside
 * `exercises/` from the release and deletes additions (an `.npmrc`, an extra test, a cache), naming
 * them for every export; NODE_OPTIONS is emptied for the whole job. When a parts step wrote no
 * result at all, the reporter reads a fixed "crashed" result instead of an empty one (which would
 * stop it from reporting anything).
 */
import type { Course, Exercise } from '../../graders/support/course.ts';
import { maxScore } from '../../graders/support/course.ts';
import { crashedRunnerResult, encodeRunnerResult } from '../grade/exports/github.ts';
import { writeYaml, type YamlValue } from '../lib/yaml.ts';

/** The reporter's name for an exercise: letters and digits only, as its `runners` input requires. */
export function runnerName(exercise: Exercise): string {
  return exercise.id.replace(/[^A-Za-z0-9]/g, '');
}

/** The reporter's input for an exercise: the parts step's output, or a "crashed" result. */
export function reporterInput(course: Course, exercise: Exercise): string {
  return `\${{ steps.${partsStepId(exercise)}.outputs.result || '${encodeRunnerResult(crashedRunnerResult(course, exercise.id))}' }}`;
}

/** Where the autograding steps leave each exercise's result model. */
export function autogradingResults(exercise: Exercise): string {
  return `.grade/autograding/${exercise.id}.json`;
}

/** The id of the step that turns an exercise's results into a runner result (the reporter reads it). */
export function partsStepId(exercise: Exercise): string {
  return `${exercise.id}-parts`;
}

/**
 * The grading command of one exercise: the default seed (the sealed recordings cover exactly
 * that), cpu only (the same verdict on every runner), plain output, and the results file.
 *
 * @example gradeCommand(ex01) → 'GRADE_SEED=default COURSE_WEBGPU=0 NO_COLOR=1 GRADE_RESULTS=.grade/autograding/exercise-01.json npm test exercise-01'
 */
export function gradeCommand(exercise: Exercise): string {
  return `GRADE_SEED=default COURSE_WEBGPU=0 NO_COLOR=1 GRADE_RESULTS=${autogradingResults(exercise)} npm test ${exercise.id}`;
}

/** The step that restores the release before anything runs (plain node: nothing is installed yet). */
export const pristineCommand = 'node tools/release/pristine.mjs';

/** Minutes each exercise's grading may take (the command grader's `timeout`). */
export const minutesPerExercise = 10;

function exerciseSteps(exercise: Exercise): YamlValue[] {
  const name = `${exercise.id} · ${exercise.title}`;
  return [
    {
      name,
      id: exercise.id,
      uses: 'classroom-resources/autograding-command-grader@v1',
      with: { 'test-name': name, command: gradeCommand(exercise), timeout: minutesPerExercise, 'max-score': maxScore(exercise) },
    },
    {
      name: `${exercise.id} · points per part`,
      id: partsStepId(exercise),
      if: 'always()',
      run: `npm run --silent grade -- --format github --exercise ${exercise.id} --results ${autogradingResults(exercise)} --github-output result`,
    },
  ];
}

/** The workflow as data (what {@link classroomWorkflow} writes). */
export function workflowData(course: Course): { [key: string]: YamlValue } {
  const env: { [key: string]: YamlValue } = {};
  for (const exercise of course.exercises) env[`${runnerName(exercise).toUpperCase()}_RESULTS`] = reporterInput(course, exercise);
  return {
    name: 'Autograding Tests',
    on: ['push', 'repository_dispatch', 'workflow_dispatch'],
    permissions: { checks: 'write', actions: 'read', contents: 'read' },
    jobs: {
      'run-autograding-tests': {
        'runs-on': 'ubuntu-latest',
        if: "github.actor != 'github-classroom[bot]'",
        'timeout-minutes': 15 + minutesPerExercise * course.exercises.length,
        // No inherited Node options reach any step (the command grader's own env is PATH and HOME).
        env: { NODE_OPTIONS: '' },
        steps: [
          // The whole history: the pristine step restores files from the release commit.
          { name: 'Checkout code', uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } },
          { name: 'Set up Node.js', uses: 'actions/setup-node@v4', with: { 'node-version': '20' } },
          { name: 'Pristine course', run: pristineCommand },
          { name: 'Install', run: 'npm ci --no-audit --no-fund' },
          ...course.exercises.flatMap(exerciseSteps),
          {
            name: 'Autograding Reporter',
            uses: 'classroom-resources/autograding-grading-reporter@v1',
            if: 'always()',
            env,
            with: { runners: course.exercises.map(runnerName).join(',') },
          },
          { name: 'Points', if: 'always()', run: 'npm run --silent grade -- --points' },
        ],
      },
    },
  };
}

/**
 * The workflow's text for a course.
 *
 * @example classroomWorkflow(loadCourse()).startsWith('# Autograding') → true
 */
export function classroomWorkflow(course: Course): string {
  const header = [
    "# Autograding: one grading step per exercise (GitHub Classroom's format), points per part,",
    '# and a final "Points X/Y" line. Generated by `npm run release` from course.json: edit the',
    '# course, not this file (grading warns when it differs from the release).',
    '',
  ].join('\n');
  return header + writeYaml(workflowData(course));
}
