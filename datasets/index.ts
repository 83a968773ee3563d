/**
 * The course's datasets, readers and model helpers — the public API of `datasets/`.
 *
 * @example
 * import { generateBars, loadFashionMnist, loadCourseModel, registerFastConvKernels } from '../datasets/index.ts';
 * const { images, labels } = generateBars({ count: 64, seed: 1 }); // [64,28,28], [64]
 * const model = await loadCourseModel();                           // conv1 → pool → logits
 */
export { generateBars, BAR_CLASS_NAMES, BAR_RANGES } from './bars/generate-bars.ts';
export type { GenerateBarsOptions, BarsDataset } from './bars/generate-bars.ts';
export { createPrng } from './bars/prng.ts';
export type { Prng } from './bars/prng.ts';

export { parseIdx, isGzip } from './idx/parse-idx.ts';
export { encodeIdx } from './idx/encode-idx.ts';
export type { EncodeIdxOptions } from './idx/encode-idx.ts';
export { readIdx, writeIdx } from './idx/read-write.ts';
export type { IdxArray, IdxType, IdxDataMap } from './idx/idx-types.ts';

export { loadFashionMnist } from './fashion-mnist/load-fashion-mnist.ts';
export type { LoadFashionMnistOptions, FashionMnistDataset } from './fashion-mnist/load-fashion-mnist.ts';
export { FASHION_MNIST_CLASS_NAMES, DEBIAN_DIR as FASHION_MNIST_DEBIAN_DIR } from './fashion-mnist/files.ts';
export type { FashionMnistSplit } from './fashion-mnist/files.ts';

export { fileSystem } from './model-io.ts';
export { buildBarsCnn } from './bars-cnn.ts';
export { loadCourseModel, COURSE_MODEL_DIR } from './course-model.ts';

export { registerFastConvKernels, stockKernel } from './kernels/register.ts';
