import { defineHostile } from '../../support/mutants/define.ts';
import { allPass, probe } from '../probe.ts';

export default defineHostile({
  description:
    "reads the hidden solution at run time through /proc/self/cwd, the grader's cwd and absolute guesses: not bound in the sandbox, refused by the permission model",
  category: 'read-reference',
  edits: probe(
    "const fs = await import('node:fs'); const rel = 'solutions/exercise-01-convolution/convolution.ts'; for (const p of [`/proc/self/cwd/${rel}`, `/proc/${process.ppid}/cwd/${rel}`, `/proc/1/cwd/${rel}`, `/work/main/${rel}`, new URL(`../../../../../${rel}`, import.meta.url).pathname]) { try { return fs.readFileSync(p, 'utf8'); } catch { /* next */ } } return undefined;",
  ),
  expect: allPass['exercise-01'],
});
