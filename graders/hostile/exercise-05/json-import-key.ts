import { defineHostile } from '../../support/mutants/define.ts';
import { allFail } from '../probe.ts';

export default defineHostile({
  description:
    'imports the quiz key as JSON without attributes (esbuild would inline it): only TypeScript and JavaScript under the exercise folder may be bundled',
  category: 'bundle-escape',
  edits: [{ prepend: "import key from '/proc/self/cwd/graders/exercise-05-quiz/key.json';\nconsole.log(JSON.stringify(key));" }],
  expect: allFail['exercise-05'],
  messages: { q01: 'graders' },
});
