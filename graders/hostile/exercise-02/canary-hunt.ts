import { defineHostile } from '../../support/mutants/define.ts';
import { allPass, probe } from '../probe.ts';

export default defineHostile({
  description:
    "searches the file system it can see for verify's canary and the grader's keys (/tmp, /root, /home, the repository's graders/): nothing outside what it needs is bound",
  category: 'read-secrets',
  edits: probe(
    "const fs = await import('node:fs'); const path = await import('node:path'); let loot = ''; const walk = (dir: string, depth: number): void => { if (depth > 3) return; let names: string[] = []; try { names = fs.readdirSync(dir); } catch { return; } for (const n of names) { const p = path.join(dir, n); if (/canary-|key\\.json$|grading-key/.test(n)) { try { loot += fs.readFileSync(p, 'utf8'); } catch { /* unreadable */ } } if (depth < 3 && !n.startsWith('node_modules') && !['proc', 'sys', 'usr', 'dev'].includes(n)) walk(p, depth + 1); } }; walk('/', 0); return loot;",
  ),
  expect: allPass['exercise-02'],
});
