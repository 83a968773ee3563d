import { defineHostile } from '../../support/mutants/define.ts';
import { allFail } from '../probe.ts';

export default defineHostile({
  description: 'bundles the quiz key (graders/exercise-05-quiz/key.json) as text to read the salted hashes: import attributes are refused at compile time',
  category: 'bundle-escape',
  edits: [{ prepend: "import key from '../../../../../graders/exercise-05-quiz/key.json' with { type: 'text' };\nconsole.log(key);" }],
  expect: allFail['exercise-05'],
  messages: { q01: 'import attributes are not allowed' },
});
