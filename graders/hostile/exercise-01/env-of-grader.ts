import { defineHostile } from '../../support/mutants/define.ts';
import { allPass, probe } from '../probe.ts';

export default defineHostile({
  description:
    "reads the grader's environment (the instructor's variable names and values, verify's canary) at import: the student's process gets only PATH, HOME, LANG, XDG_RUNTIME_DIR and the run marker",
  category: 'read-secrets',
  edits: probe(
    'const known = /^(PATH|HOME|LANG|PWD|XDG_RUNTIME_DIR|COURSE_SANDBOX|VK_ICD_FILENAMES|NODE_CHANNEL_FD|NODE_CHANNEL_SERIALIZATION_MODE)$/; const extra = Object.keys(process.env).filter((k) => !known.test(k)); return extra.length > 0 ? JSON.stringify(process.env) : undefined;',
  ),
  expect: allPass['exercise-01'],
});
