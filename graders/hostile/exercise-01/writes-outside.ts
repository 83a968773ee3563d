import { defineHostile } from '../../support/mutants/define.ts';
import { allPass, probe } from '../probe.ts';

export default defineHostile({
  description:
    'writes through low-level calls the runner does not wrap (fs.openSync + fs.writeSync) into its build folder, the repository and /tmp: the permission model refuses, the binds are read-only',
  category: 'write-files',
  edits: probe(
    "const fs = await import('node:fs'); const url = await import('node:url'); let loot = ''; for (const p of [url.fileURLToPath(new URL('./planted.mjs', import.meta.url)), url.fileURLToPath(new URL('../../../package.json.planted', import.meta.url)), '/tmp/planted']) { try { const fd = fs.openSync(p, 'w'); fs.writeSync(fd, 'planted'); fs.closeSync(fd); loot += p + ' '; } catch { /* next */ } } return loot;",
  ),
  expect: allPass['exercise-01'],
});
