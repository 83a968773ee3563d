import { defineHostile } from '../../support/mutants/define.ts';
import { allPass, probe } from '../probe.ts';

export default defineHostile({
  description:
    "hunts for verify's canary file (canary-* in the system's temporary folder, readable only by the grader) and prints it: /tmp is the sandbox's own",
  category: 'read-secrets',
  edits: probe(
    "const fs = await import('node:fs'); const os = await import('node:os'); let loot = ''; for (const dir of [os.tmpdir(), '/tmp', process.env.TMPDIR ?? '/tmp']) { for (const f of fs.readdirSync(dir)) if (f.startsWith('canary-')) loot += fs.readFileSync(`${dir}/${f}`, 'utf8'); } console.log(loot); return loot;",
  ),
  expect: allPass['exercise-01'],
});
