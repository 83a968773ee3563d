import { defineHostile } from '../../support/mutants/define.ts';
import { allPass, probe } from '../probe.ts';

export default defineHostile({
  description: "lists .grade/build for other gradings' private folders and reads a peer's compiled bundle: each grading sees only its own folder",
  category: 'peer-data',
  edits: probe(
    "const fs = await import('node:fs'); const path = await import('node:path'); const url = await import('node:url'); const mine = path.dirname(url.fileURLToPath(import.meta.url)); const build = path.dirname(mine); const peers = fs.readdirSync(build).filter((d) => d.startsWith('g-') && path.join(build, d) !== mine); for (const peer of peers) for (const f of fs.readdirSync(path.join(build, peer))) return fs.readFileSync(path.join(build, peer, f), 'utf8').slice(0, 200); return peers.join(',');",
  ),
  expect: allPass['exercise-01'],
});
