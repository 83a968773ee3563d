import { defineHostile } from '../../support/mutants/define.ts';
import { allFail } from '../probe.ts';

export default defineHostile({
  description:
    'a template-string require() glob over solutions/ (esbuild bundles every file it matches): each match is checked by real path and refused, flagged',
  category: 'bundle-escape',
  edits: [
    {
      append:
        'const which = String(Date.now() % 1);\nexport const stolen = require(`../../../../../solutions/exercise-01-convolution/convolution${which}.ts`);',
    },
  ],
  expect: allFail['exercise-01'],
  messages: { A: 'flagged' },
});
