import { defineHostile } from '../../support/mutants/define.ts';
import { allPass, probe } from '../probe.ts';

export default defineHostile({
  description:
    "reads the environment and command line of its parent and of every process it can see through /proc (the grader's, vitest's): its own PID namespace and the permission model show it nothing",
  category: 'read-secrets',
  edits: probe(
    "const fs = await import('node:fs'); let loot = ''; for (const pid of [String(process.ppid), '1', ...fs.readdirSync('/proc')]) { try { const env = fs.readFileSync(`/proc/${pid}/environ`, 'latin1'); if (/GRADE_|CANARY|SECRET/.test(env)) loot += env; } catch { /* next */ } } return loot;",
  ),
  expect: allPass['exercise-01'],
});
