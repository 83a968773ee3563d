import { defineHostile } from '../../support/mutants/define.ts';

export default defineHostile({
  description: 'imports the hidden reference statically (flagged at compile time; the path reaches solutions/ from where verify materialises it)',
  category: 'read-reference',
  edits: [{ prepend: "import * as hidden from '../../../../../solutions/exercise-01-convolution/convolution.ts';\nvoid hidden;" }],
  expect: { A: 'fail', B: 'fail', C: 'fail', D: 'fail', E: 'fail', F: 'fail' },
  messages: { A: 'flagged' },
});
