import { defineHostile } from '../../support/mutants/define.ts';
import { allFail } from '../probe.ts';

export default defineHostile({
  description: "a template-string require() glob over .grade/ (other gradings' results, caches and bundles): refused at compile time",
  category: 'bundle-escape',
  edits: [{ append: 'const name = String(Date.now() % 1);\nexport const peers = require(`../../../../${name}`);' }],
  expect: allFail['exercise-01'],
  messages: { A: 'outside your exercise folder' },
});
