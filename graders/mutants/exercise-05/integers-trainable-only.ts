import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'batch normalisation: countParams() taken to count only the trainable γ and β',
  targets: ['q11'],
  exactly: true,
  edits: [{ find: '  q11: [128, 256],', replace: '  q11: [128, 128],' }],
});
