import { defineHostile } from '../../support/mutants/define.ts';
import { allFail } from '../probe.ts';

export default defineHostile({
  description:
    're-exports the hidden solution through /proc/self/cwd/… (path text that does not start with solutions/): refused by real path at compile time, flagged',
  category: 'bundle-escape',
  edits: [{ prepend: "export * as hidden from '/proc/self/cwd/solutions/exercise-01-convolution/convolution.ts';" }],
  expect: allFail['exercise-01'],
  messages: { A: 'flagged' },
});
