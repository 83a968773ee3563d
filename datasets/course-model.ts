import * as tf from '@tensorflow/tfjs';
import { fileURLToPath } from 'node:url';
import { fileSystem } from './model-io.ts';

/** Where the trained course model is committed (`model.json` + `weights.bin`). */
export const COURSE_MODEL_DIR = fileURLToPath(new URL('./models/bars-cnn/', import.meta.url));

/**
 * Loads the small CNN the course ships, trained on the oriented-bars set by
 * `npm run train` (see `datasets/models/bars-cnn/README.md`).
 *
 * Layers: `conv1` (conv2d 8@7×7 'same' ReLU, kernel `[7,7,1,8]`), `pool`
 * (globalMaxPooling2d), `logits` (dense 4, softmax). Input `[batch,28,28,1]`
 * in [0,1]; output `[batch,4]` probabilities of "—", "|", "\", "/".
 *
 * @returns the model (uncompiled); the caller disposes it
 * @example
 * const model = await loadCourseModel();
 * const kernel = model.getLayer('conv1').getWeights()[0]; // [7, 7, 1, 8]
 */
export async function loadCourseModel(): Promise<tf.LayersModel> {
  return tf.loadLayersModel(fileSystem(COURSE_MODEL_DIR));
}
