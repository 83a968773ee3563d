import { defineHostile } from '../../support/mutants/define.ts';
import { allFail } from '../probe.ts';

export default defineHostile({
  description: "imports exercise 02's hidden verdicts through /proc/self/cwd/…: refused by real path at compile time, flagged",
  category: 'bundle-escape',
  edits: [{ prepend: "import * as hidden from '/proc/self/cwd/solutions/exercise-02-equivariance/verdict-feedback.ts';\nvoid hidden;" }],
  expect: allFail['exercise-02'],
  messages: { A: 'flagged' },
});
