import { defineHostile } from '../../support/mutants/define.ts';
import { allPass, probe } from '../probe.ts';

export default defineHostile({
  description: 'at import, reads every student bundle it can find under .grade/ (build folders of gradings running next to it): it sees only its own',
  category: 'peer-data',
  edits: probe(
    "const fs = await import('node:fs'); const path = await import('node:path'); const url = await import('node:url'); const state = path.resolve(path.dirname(url.fileURLToPath(import.meta.url)), '..', '..'); const mine = path.dirname(url.fileURLToPath(import.meta.url)); let loot = ''; for (const d of fs.readdirSync(path.join(state, 'build'))) { const p = path.join(state, 'build', d); if (d.startsWith('g-') && p !== mine) loot += fs.readdirSync(p).join(','); } return loot;",
  ),
  expect: allPass['exercise-04'],
});
