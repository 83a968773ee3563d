import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "error messages that do not say what was given ('invalid argument')",
  targets: ['A'],
  edits: [{ find: 'throw new Error(`Error in ${fn}: ${message}`);', replace: 'throw new Error(`Error in ${fn}: invalid argument`);' }],
});
