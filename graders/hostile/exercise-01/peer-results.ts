import { defineHostile } from '../../support/mutants/define.ts';
import { allPass, probe } from '../probe.ts';

export default defineHostile({
  description: "lists and reads other students' results (.grade/results, .grade/cache, the class run's folders): not visible to the student's process",
  category: 'peer-data',
  edits: probe(
    "const fs = await import('node:fs'); const path = await import('node:path'); const url = await import('node:url'); const state = path.resolve(path.dirname(url.fileURLToPath(import.meta.url)), '..', '..'); let loot = ''; for (const dir of ['results', 'cache', 'class', 'hostile']) { try { loot += fs.readdirSync(path.join(state, dir)).join(','); } catch { /* next */ } } return loot;",
  ),
  expect: allPass['exercise-01'],
});
