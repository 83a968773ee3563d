import { defineHostile } from '../../support/mutants/define.ts';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { solutionsDir, stateDir } from '../../support/paths.ts';
import { allFail } from '../probe.ts';

// A link whose path text never mentions solutions/: .grade/hostile-links/ref -> solutions/.
const links = path.join(stateDir, 'hostile-links');
mkdirSync(links, { recursive: true });
if (!existsSync(path.join(links, 'ref'))) symlinkSync(solutionsDir, path.join(links, 'ref'), 'dir');

export default defineHostile({
  description: 'imports the hidden solution through a symbolic link (.grade/hostile-links/ref -> solutions/): refused by real path at compile time, flagged',
  category: 'bundle-escape',
  // From .grade/hostile/exercise-01/<name>/exercise-01-convolution/ up to .grade/.
  edits: [{ prepend: "import * as hidden from '../../../../hostile-links/ref/exercise-01-convolution/convolution.ts';\nvoid hidden;" }],
  expect: allFail['exercise-01'],
  messages: { A: 'flagged' },
});
