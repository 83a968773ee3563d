import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'a boolean wrong: agrees with the seed that sequences need recurrent networks',
  targets: ['q14'],
  exactly: true,
  edits: [{ find: '  q14: false,', replace: '  q14: true,' }],
});
