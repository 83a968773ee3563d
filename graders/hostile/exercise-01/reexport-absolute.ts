import { defineHostile } from '../../support/mutants/define.ts';
import path from 'node:path';
import { solutionsDir } from '../../support/paths.ts';
import { allFail } from '../probe.ts';

const absolute = path.join(solutionsDir, 'exercise-01-convolution', 'convolution.ts');

export default defineHostile({
  description: 'imports the hidden solution by its absolute path: refused by real path at compile time, flagged',
  category: 'bundle-escape',
  edits: [{ prepend: `import * as hidden from ${JSON.stringify(absolute)};\nvoid hidden;` }],
  expect: allFail['exercise-01'],
  messages: { A: 'flagged' },
});
