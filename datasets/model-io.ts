import * as tf from '@tensorflow/tfjs';
import type { io } from '@tensorflow/tfjs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { isAbsolute, join, normalize } from 'node:path';

const MODEL_JSON = 'model.json';
const WEIGHTS_BIN = 'weights.bin';

/** Bytes per element of each stored weight dtype (quantised weights store the quantisation dtype). */
const BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, complex64: 8, uint8: 1, uint16: 2, float16: 2 };

/** Writes a file through a temporary name, so a crash never leaves half a file under the real name. */
async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  await writeFile(`${path}.tmp`, data);
  await rename(`${path}.tmp`, path);
}

/** The number of weight bytes a manifest describes, or `null` when it cannot tell (string weights). */
function expectedBytes(specs: io.WeightsManifestEntry[]): number | null {
  let total = 0;
  for (const s of specs) {
    const dtype = s.quantization?.dtype ?? s.dtype;
    const size = BYTES[dtype];
    if (size === undefined) return null;
    total += s.shape.reduce((a, b) => a * b, 1) * size;
  }
  return total;
}

/**
 * A tfjs `IOHandler` that saves a model to, and loads it from, a directory on
 * disk in the standard tfjs layout — what `tf.loadLayersModel('file://…')`
 * would read with tfjs-node, which this course cannot use:
 *
 * - `model.json`: `{ format: 'layers-model', generatedBy, convertedBy, modelTopology,
 *   weightsManifest: [{ paths: ['weights.bin'], weights: [...] }], trainingConfig?, ... }`
 * - `weights.bin`: every weight's values, concatenated in manifest order (little-endian, as tfjs writes them).
 *
 * Loading also accepts manifests with several weight files (as tfjs-converter
 * writes), read in order; paths must stay inside the directory.
 *
 * @param dir - the model's directory (created on save)
 * @returns a handler for `model.save(handler)` and `tf.loadLayersModel(handler)`
 * @throws (from load) Error naming a missing or malformed `model.json`, a missing weight file, or a weight size mismatch
 * @example
 * await model.save(fileSystem('datasets/models/bars-cnn'));
 * const same = await tf.loadLayersModel(fileSystem('datasets/models/bars-cnn'));
 */
export function fileSystem(dir: string): io.IOHandler {
  if (typeof dir !== 'string' || dir === '') throw new Error(`fileSystem: expected a directory path, got ${JSON.stringify(dir)}`);
  return {
    async save(artifacts: io.ModelArtifacts): Promise<io.SaveResult> {
      const topology = artifacts.modelTopology;
      if (topology === undefined || topology instanceof ArrayBuffer) {
        throw new Error(
          `fileSystem: expected a JSON model topology (a LayersModel or graph-model JSON), got ${topology === undefined ? 'none' : 'binary (ArrayBuffer) topology'}`,
        );
      }
      const weights = new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? new ArrayBuffer(0)));
      const modelJSON: io.ModelJSON = {
        modelTopology: topology,
        format: artifacts.format ?? 'layers-model',
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy ?? null,
        weightsManifest: [{ paths: [WEIGHTS_BIN], weights: artifacts.weightSpecs ?? [] }],
        ...(artifacts.trainingConfig !== undefined && { trainingConfig: artifacts.trainingConfig }),
        ...(artifacts.signature !== undefined && { signature: artifacts.signature }),
        ...(artifacts.userDefinedMetadata !== undefined && { userDefinedMetadata: artifacts.userDefinedMetadata }),
        ...(artifacts.modelInitializer !== undefined && { modelInitializer: artifacts.modelInitializer }),
        ...(artifacts.initializerSignature !== undefined && { initializerSignature: artifacts.initializerSignature }),
      };
      await mkdir(dir, { recursive: true });
      // Weights first: a model.json on disk always has its weights beside it.
      await writeAtomically(join(dir, WEIGHTS_BIN), weights);
      await writeAtomically(join(dir, MODEL_JSON), JSON.stringify(modelJSON));
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },

    async load(): Promise<io.ModelArtifacts> {
      const jsonPath = join(dir, MODEL_JSON);
      let text: string;
      try {
        text = await readFile(jsonPath, 'utf8');
      } catch (e) {
        throw new Error(`fileSystem: cannot read ${jsonPath} (expected a model saved with model.save(fileSystem(dir))): ${(e as Error).message}`);
      }
      let modelJSON: io.ModelJSON;
      try {
        modelJSON = JSON.parse(text) as io.ModelJSON;
      } catch (e) {
        throw new Error(`fileSystem: expected ${jsonPath} to be JSON, got a parse error: ${(e as Error).message}`);
      }
      if (typeof modelJSON !== 'object' || modelJSON === null || modelJSON.modelTopology == null || !Array.isArray(modelJSON.weightsManifest)) {
        throw new Error(
          `fileSystem: expected ${jsonPath} to hold { modelTopology, weightsManifest: [...] }, got keys ${Object.keys(modelJSON ?? {}).join(', ')}`,
        );
      }
      return tf.io.getModelArtifactsForJSON(modelJSON, async (manifest) => {
        const specs = manifest.flatMap((group) => group.weights);
        const parts: Uint8Array[] = [];
        for (const path of manifest.flatMap((group) => group.paths)) {
          if (isAbsolute(path) || normalize(path).startsWith('..')) {
            throw new Error(`fileSystem: expected weight paths inside ${dir}, got ${JSON.stringify(path)} in ${jsonPath}`);
          }
          try {
            parts.push(await readFile(join(dir, path)));
          } catch (e) {
            throw new Error(`fileSystem: cannot read weight file ${join(dir, path)} named in ${jsonPath}: ${(e as Error).message}`);
          }
        }
        const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
        let at = 0;
        for (const p of parts) {
          bytes.set(p, at);
          at += p.length;
        }
        const expected = expectedBytes(specs);
        if (expected !== null && expected !== bytes.length) {
          throw new Error(
            `fileSystem: expected ${expected} bytes of weights for the ${specs.length} weights in ${jsonPath}, got ${bytes.length} ` +
              `(${bytes.length < expected ? 'truncated' : 'oversized'} weight file?)`,
          );
        }
        return [specs, bytes.buffer];
      });
    },
  };
}
