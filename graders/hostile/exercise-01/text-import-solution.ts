import { defineHostile } from '../../support/mutants/define.ts';
import { allFail } from '../probe.ts';

export default defineHostile({
  description: "bundles the hidden solution's source as a string (import … with { type: 'text' }) to print it: import attributes are refused at compile time",
  category: 'bundle-escape',
  edits: [{ prepend: "import source from '../../../../../solutions/exercise-01-convolution/convolution.ts' with { type: 'text' };\nconsole.log(source);" }],
  expect: allFail['exercise-01'],
  messages: { A: 'import attributes are not allowed' },
});
