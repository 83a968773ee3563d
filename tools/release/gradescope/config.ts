/**
 * The autograder's settings, written into the zip as `gradescope.json` by
 * `npm run release -- --gradescope`: the exercises it grades (one Gradescope assignment may be one
 * exercise), the backends, the instructors' seed and the time limit.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface GradescopeConfig {
  exercises: string[];
  backends: string[];
  seed: string;
  timeoutMinutes: number;
}

/** The config file's name, at the top of the autograder's source folder. */
export const configFile = 'gradescope.json';

/**
 * The config of the autograder at `root`, or an Error naming what is wrong.
 *
 * @example readConfig('/autograder/source') → { exercises: ['exercise-05'], backends: ['cpu'], seed: '…', timeoutMinutes: 20 }
 */
export function readConfig(root: string): GradescopeConfig {
  const file = path.join(root, configFile);
  if (!existsSync(file)) throw new Error(`gradescope: expected ${configFile} in ${root} (written by npm run release -- --gradescope); it is missing.`);
  const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<GradescopeConfig>;
  if (
    !Array.isArray(value.exercises) ||
    !Array.isArray(value.backends) ||
    typeof value.seed !== 'string' ||
    value.seed === '' ||
    typeof value.timeoutMinutes !== 'number'
  ) {
    throw new Error(`gradescope: ${file} must hold exercises (list), backends (list), seed (text) and timeoutMinutes (number); got ${JSON.stringify(value)}.`);
  }
  return value as GradescopeConfig;
}
