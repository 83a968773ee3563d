/**
 * Builds hostile submissions that try to reach something the sandbox must keep from them. The
 * attack runs once at import; if it gets anything (`loot`), the module throws an error carrying
 * the loot, so a breach both costs every part its points (the hostile's expectation fails) and
 * puts the loot in the feedback, where verify's canary check finds it. Contained, the submission
 * is the reference solution and earns what it earns honestly: full marks.
 */
import type { Edit } from '../support/mutants/define.ts';

/**
 * @param attack the body of an async function returning the loot (a string) or nothing; it may
 *   use `await import('node:…')`. Exceptions count as "got nothing".
 * @example probe("const fs = await import('node:fs'); return fs.readFileSync('/etc/shadow', 'utf8');")
 */
export function probe(attack: string): Edit[] {
  return [
    {
      append: [
        'const loot$ = await (async (): Promise<unknown> => {',
        '  try {',
        `    ${attack}`,
        '  } catch {',
        '    return undefined;',
        '  }',
        '})();',
        "if (loot$ !== undefined && loot$ !== '' && loot$ !== false) throw new Error(`the attack worked: ${String(loot$).slice(0, 4000)}`);",
      ].join('\n'),
    },
  ];
}

/** Every part of each exercise passes: what a contained probe of the reference earns. */
export const allPass = {
  'exercise-01': { A: 'pass', B: 'pass', C: 'pass', D: 'pass', E: 'pass', F: 'pass' },
  'exercise-02': { A: 'pass', B: 'pass', C: 'pass', D: 'pass', F: 'pass' },
  'exercise-03': { A: 'pass', B: 'pass', C: 'pass', D: 'pass', E: 'pass' },
  'exercise-04': { A: 'pass', B: 'pass', C: 'pass', D: 'pass' },
} as const;

/** Every part of each exercise fails: what a submission refused at compile time earns. */
export const allFail = {
  'exercise-01': { A: 'fail', B: 'fail', C: 'fail', D: 'fail', E: 'fail', F: 'fail' },
  'exercise-02': { A: 'fail', B: 'fail', C: 'fail', D: 'fail', F: 'fail' },
  'exercise-03': { A: 'fail', B: 'fail', C: 'fail', D: 'fail', E: 'fail' },
  'exercise-04': { A: 'fail', B: 'fail', C: 'fail', D: 'fail' },
  'exercise-05': { q01: 'fail', q02: 'fail', q03: 'fail' },
} as const;
