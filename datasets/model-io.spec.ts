import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileSystem } from './model-io.ts';
import { buildBarsCnn } from './bars-cnn.ts';
import { generateBars } from './bars/generate-bars.ts';
import { loadCourseModel } from './course-model.ts';

let dir: string;
beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  dir = await mkdtemp(join(tmpdir(), 'model-io-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A model whose every weight (biases too) is random, so a lost or reordered weight shows. */
function randomModel(seed: number): tf.LayersModel {
  const model = buildBarsCnn(seed);
  model.setWeights(model.getWeights().map((w, i) => tf.randomNormal(w.shape, 0, 0.5, 'float32', seed + i)));
  return model;
}

const bars = generateBars({ count: 16, seed: 11 });

describe('fileSystem IO handler', () => {
  it('save → load preserves predictions bit for bit, in the standard tfjs layout', async () => {
    const model = randomModel(3);
    const path = join(dir, 'roundtrip');
    await model.save(fileSystem(path));

    const json = JSON.parse(await readFile(join(path, 'model.json'), 'utf8'));
    expect(json.format).toBe('layers-model');
    expect(json.weightsManifest).toHaveLength(1);
    expect(json.weightsManifest[0].paths).toEqual(['weights.bin']);
    expect(json.weightsManifest[0].weights.map((w: { name: string }) => w.name)).toEqual(['conv1/kernel', 'conv1/bias', 'logits/kernel', 'logits/bias']);
    expect((await stat(join(path, 'weights.bin'))).size).toBe(4 * model.countParams());

    const loaded = await tf.loadLayersModel(fileSystem(path));
    const x = tf.tensor4d(bars.images, [16, 28, 28, 1]);
    const [before, after] = [model, loaded].map((m) => (m.predict(x) as tf.Tensor).dataSync());
    expect(Array.from(after)).toEqual(Array.from(before));
    expect(loaded.layers.map((l) => l.name)).toEqual(['conv1', 'pool', 'logits']);
    tf.dispose([x, model, loaded] as unknown as tf.Tensor[]);
  });

  it('names a missing model.json', async () => {
    await expect(tf.loadLayersModel(fileSystem(join(dir, 'nowhere')))).rejects.toThrow(/fileSystem: cannot read .*nowhere\/model\.json/);
  });

  it('rejects a truncated weights.bin, saying how many bytes it expected', async () => {
    const path = join(dir, 'truncated');
    const model = randomModel(4);
    await model.save(fileSystem(path));
    await truncate(join(path, 'weights.bin'), 4 * model.countParams() - 1);
    await expect(tf.loadLayersModel(fileSystem(path))).rejects.toThrow(
      `expected ${4 * model.countParams()} bytes of weights for the 4 weights in ${join(path, 'model.json')}, got ${4 * model.countParams() - 1} (truncated weight file?)`,
    );
    model.dispose();
  });

  it('refuses weight paths outside the directory', async () => {
    const path = join(dir, 'escape');
    const model = randomModel(5);
    await model.save(fileSystem(path));
    const json = JSON.parse(await readFile(join(path, 'model.json'), 'utf8'));
    json.weightsManifest[0].paths = ['../secret.bin'];
    await writeFile(join(path, 'model.json'), JSON.stringify(json));
    await expect(tf.loadLayersModel(fileSystem(path))).rejects.toThrow(/expected weight paths inside .*, got "\.\.\/secret\.bin"/);
    model.dispose();
  });
});

describe('loadCourseModel (the committed datasets/models/bars-cnn)', () => {
  it('has conv1 [7,7,1,8], pool, logits, and classifies fresh bars (seed 99) with ≥ 97% accuracy', async () => {
    const model = await loadCourseModel();
    expect(model.layers.map((l) => l.name)).toEqual(['conv1', 'pool', 'logits']);
    expect(model.getLayer('conv1').getWeights()[0].shape).toEqual([7, 7, 1, 8]);
    const test = generateBars({ count: 200, seed: 99 });
    const predicted = tf.tidy(() => (model.predict(tf.tensor4d(test.images, [200, 28, 28, 1])) as tf.Tensor).argMax(-1).dataSync());
    const correct = test.labels.filter((l, i) => predicted[i] === l).length;
    expect(correct / 200).toBeGreaterThanOrEqual(0.97);
    model.dispose();
  });
});
