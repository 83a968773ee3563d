import { defineMutant } from '../../support/mutants/define.ts';
import { storageCompare } from './property-compares-data.ts';

export default defineMutant({
  description: "invarianceProperty compares op's results by their .data arrays instead of reading values through .get (wrong for views)",
  targets: ['D'],
  edits: [{ in: 'invarianceProperty', find: 'return allClose(', replace: 'return storageClose(' }, { append: storageCompare }],
});
