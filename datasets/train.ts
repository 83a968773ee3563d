/**
 * Trains the course model (see bars-cnn.ts) on the oriented-bars set, tests it
 * on a held-out generated set and saves it to datasets/models/bars-cnn/.
 *
 *   npm run train
 *
 * Deterministic: fixed seeds for the data, the weight initialisation and the
 * batch order (no shuffling: the generated order is already random), and the
 * CPU kernels are deterministic, so every run saves the same weights.
 */
import * as tf from '@tensorflow/tfjs';
import cliProgress from 'cli-progress';
import { fileURLToPath } from 'node:url';
import { generateBars } from './bars/generate-bars.ts';
import { buildBarsCnn } from './bars-cnn.ts';
import { registerFastConvKernels } from './kernels/register.ts';
import { fileSystem } from './model-io.ts';

/** Everything that decides the result; printed at the start of the run. */
const CONFIG = {
  trainCount: 1536,
  testCount: 1000,
  trainSeed: 1,
  testSeed: 2,
  initSeed: 1,
  noise: 0.1,
  batchSize: 32,
  epochs: 1,
  learningRate: 0.02,
} as const;
const OUT_DIR = fileURLToPath(new URL('./models/bars-cnn/', import.meta.url));

tf.env().set('PROD', true); // before the first tensor: no "Hi there" banner
await tf.setBackend('cpu');
registerFastConvKernels(); // the stock Conv2DBackpropFilter costs ~5 s per step here

const asTensors = (d: ReturnType<typeof generateBars>) =>
  [tf.tensor4d(d.images, [d.labels.length, 28, 28, 1]), tf.tensor1d(Float32Array.from(d.labels))] as const;

console.log(`bars-cnn: ${JSON.stringify(CONFIG)}`);
const [xTrain, yTrain] = asTensors(generateBars({ count: CONFIG.trainCount, seed: CONFIG.trainSeed, noise: CONFIG.noise }));
const test = generateBars({ count: CONFIG.testCount, seed: CONFIG.testSeed, noise: CONFIG.noise });
const [xTest] = asTensors(test);

const model = buildBarsCnn(CONFIG.initSeed);
model.compile({ optimizer: tf.train.adam(CONFIG.learningRate), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });

const batchesPerEpoch = Math.ceil(CONFIG.trainCount / CONFIG.batchSize);
const tty = process.stdout.isTTY === true;
const bar = new cliProgress.SingleBar(
  { format: 'epoch {epoch}/{epochs} |{bar}| {value}/{total} batches | loss {loss} | acc {acc} | {duration}s', hideCursor: true },
  cliProgress.Presets.shades_classic,
);
const fmt = (v: number | undefined) => (v === undefined ? '-' : v.toFixed(3));
const trainStart = performance.now();
let epoch = 0;
if (tty) bar.start(CONFIG.epochs * batchesPerEpoch, 0, { epoch: 1, epochs: CONFIG.epochs, loss: '-', acc: '-' });
await model.fit(xTrain, yTrain, {
  batchSize: CONFIG.batchSize,
  epochs: CONFIG.epochs,
  shuffle: false,
  verbose: 0,
  callbacks: {
    onEpochBegin: async (e) => {
      epoch = e + 1;
    },
    onBatchEnd: async (b, logs) => {
      if (tty) bar.update((epoch - 1) * batchesPerEpoch + b + 1, { epoch, epochs: CONFIG.epochs, loss: fmt(logs?.loss), acc: fmt(logs?.acc) });
    },
    onEpochEnd: async (e, logs) => {
      const seconds = ((performance.now() - trainStart) / 1000).toFixed(1);
      if (!tty) console.log(`epoch ${e + 1}/${CONFIG.epochs}  loss ${fmt(logs?.loss)}  acc ${fmt(logs?.acc)}  ${seconds} s`);
    },
  },
});
if (tty) bar.stop();
const trainSeconds = (performance.now() - trainStart) / 1000;

const predicted = tf.tidy(() => (model.predict(xTest, { batchSize: 250 }) as tf.Tensor).argMax(-1).dataSync());
let correct = 0;
for (let i = 0; i < test.labels.length; i++) if (predicted[i] === test.labels[i]) correct++;
const accuracy = correct / test.labels.length;

await model.save(fileSystem(OUT_DIR));
tf.dispose([xTrain, yTrain, xTest]);
model.dispose();
console.log(
  `test accuracy ${(100 * accuracy).toFixed(1)}% (${correct}/${test.labels.length})  ` +
    `training ${trainSeconds.toFixed(1)} s  wall ${process.uptime().toFixed(1)} s  → ${OUT_DIR}`,
);
