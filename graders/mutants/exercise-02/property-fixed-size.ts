import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'equivarianceProperty draws 4×4 images whatever size it is given',
  targets: ['C'],
  edits: [{ in: 'equivarianceProperty', find: 'return fc.property(images(height, width),', replace: 'return fc.property(images(4, 4),' }],
});
