/**
 * Probes the tfjs ops that take many tensors (addN, concat, stack) on webgpu against cpu, for
 * 2–16 inputs, and prints one line per op: the input counts whose result differs from cpu.
 *
 *   npx tsx graders/support/backends/probe-many-inputs.ts            # the course's device (installWebgpu)
 *   npx tsx graders/support/backends/probe-many-inputs.ts --default  # tfjs's own device (default limits)
 *
 * Set VK_ICD_FILENAMES (e.g. /usr/lib/chromium/vk_swiftshader_icd.json) to pick the Vulkan driver.
 * Inputs are small integers, so every correct sum and copy is exact: any difference is a bug.
 */
import * as tf from '@tensorflow/tfjs';
import { installWebgpu } from './webgpu-device.ts';
import { commandLine } from '../command-line.ts';

const ops: Record<string, (xs: tf.Tensor[]) => tf.Tensor> = {
  addN: (xs) => tf.addN(xs),
  concat: (xs) => tf.concat(xs, 1),
  stack: (xs) => tf.stack(xs, 2),
};

/** Input i of n: a [3, 5] tensor of small integers that depend on i, so order matters. */
function inputs(n: number): tf.Tensor[] {
  return Array.from({ length: n }, (_, i) =>
    tf.tensor2d(
      Array.from({ length: 15 }, (_, j) => ((i * 7 + j * 3) % 11) - 5),
      [3, 5],
    ),
  );
}

async function run(backend: string, op: string, n: number): Promise<Float32Array> {
  await tf.setBackend(backend);
  const xs = inputs(n);
  const out = ops[op](xs);
  const values = (await out.data()) as Float32Array;
  tf.dispose([...xs, out]);
  return values;
}

tf.env().set('PROD', true);
const useDefault =
  commandLine('probe-many-inputs', { default: { type: 'boolean' } }, 'npx tsx graders/support/backends/probe-many-inputs.ts [--default]', {
    positionals: false,
  }).values.default === true;
if (useDefault) {
  const { create, globals } = await import('webgpu');
  Object.assign(globalThis, globals);
  Object.defineProperty(globalThis, 'navigator', { value: { gpu: create([]) }, configurable: true });
  await import('@tensorflow/tfjs-backend-webgpu');
} else {
  await installWebgpu();
}
if (!(await tf.setBackend('webgpu'))) throw new Error('probe: could not initialise the webgpu backend');
const limit = (tf.backend() as unknown as { device: { limits: { maxStorageBuffersPerShaderStage: number } } }).device.limits.maxStorageBuffersPerShaderStage;
console.log(`device: ${useDefault ? "tfjs's own (default limits)" : 'installWebgpu (adapter limits)'}, maxStorageBuffersPerShaderStage ${limit}`);
for (const op of Object.keys(ops)) {
  const wrong: number[] = [];
  for (let n = 2; n <= 16; n++) {
    const expected = await run('cpu', op, n);
    const got = await run('webgpu', op, n);
    if (got.length !== expected.length || got.some((v, i) => v !== expected[i])) wrong.push(n);
  }
  console.log(`${op.padEnd(6)} wrong for ${wrong.length === 0 ? 'no input count' : `${wrong.join(', ')} inputs`} (of 2–16)`);
}
// Dawn can keep the event loop alive.
process.exit(0);
