/**
 * Bugs of tfjs backends that make correct code return wrong numbers, each with a reproduction.
 *
 * A grader consults this list only after a comparison failed on a backend other than cpu: when the
 * student's call ran a listed kernel (`ex.call(…, { profile: true })` names them) and the
 * reproduction shows the bug on this machine's device, the test is not counted (see
 * not-counted.ts) and the student is told which backend and op misbehaved. The reproduction runs
 * in the GRADER's process ({@link reproduceInGrader}: the grader's own tfjs on the same backend
 * and Vulkan driver), never in the student's, so no answer from the student's process can excuse
 * a test. (Which kernels ran is still the student's process's word: see graders/support/README.md.)
 */
import * as tf from '@tensorflow/tfjs';
import { detectWebgpu } from './detect.ts';
import { installWebgpu } from './webgpu-device.ts';

/** One known backend bug. */
export interface BackendBug {
  backend: 'webgpu';
  /** The kernel's name as tf.profile reports it, e.g. 'AddN'. */
  kernel: string;
  /** The op a student calls. */
  op: string;
  /** What goes wrong, and in which library version, in one sentence. */
  what: string;
  /**
   * Runs the kernel on the current backend with `inputs` input tensors of small integers (exact
   * in float32) and resolves to true when the result is wrong.
   */
  showsWith(inputs: number): Promise<boolean>;
}

async function addNIsWrong(inputs: number): Promise<boolean> {
  const xs = Array.from({ length: inputs }, (_, i) => tf.fill([4, 4], i + 1));
  const sum = tf.addN(xs);
  try {
    const values = await sum.data();
    const expected = (inputs * (inputs + 1)) / 2;
    return values.some((v) => v !== expected);
  } finally {
    tf.dispose([...xs, sum]);
  }
}

/** The list. Measured with graders/support/backends/probe-many-inputs.ts (2–16 inputs). */
export const knownBugs: BackendBug[] = [
  {
    backend: 'webgpu',
    kernel: 'AddN',
    op: 'tf.addN',
    what:
      "tfjs-backend-webgpu 4.22 binds one storage buffer per input of tf.addN plus one for the output; with more inputs than the device's " +
      "maxStorageBuffersPerShaderStage − 1 (11 on SwiftShader, even with the adapter's own limits) the shader is invalid and the sum is garbage, without an error",
    showsWith: addNIsWrong,
  },
];

/** The listed bugs of `backend` in kernels that a call ran. */
export function bugsIn(backend: string, kernels: string[]): BackendBug[] {
  return knownBugs.filter((bug) => bug.backend === backend && kernels.includes(bug.kernel));
}

// What the grader's own reproductions found, by 'backend kernel inputs': the device does not change during a run.
const found = new Map<string, boolean>();
let webgpuInstalled: Promise<void> | undefined;

/**
 * Runs `bug`'s reproduction in this (the grader's) process, on the bug's backend with the
 * Vulkan driver the student's process uses, for each input count; switches tfjs back to the
 * backend it was on after. Results are kept for the rest of the run.
 *
 * @param bug - from {@link bugsIn}
 * @param inputs - input counts to try, e.g. [12, 13]
 * @returns the counts for which the result is wrong on this device (empty: the bug does not bite)
 * @throws Error when the bug's backend is not available here
 * @example await reproduceInGrader(knownBugs[0], [4, 5]) → [] ; await reproduceInGrader(knownBugs[0], [12, 13]) → [12, 13] on SwiftShader
 */
export async function reproduceInGrader(bug: BackendBug, inputs: number[]): Promise<number[]> {
  const missing = inputs.filter((n) => !found.has(`${bug.backend} ${bug.kernel} ${n}`));
  if (missing.length > 0) {
    const driver = detectWebgpu();
    if (!driver.available) throw new Error(`reproduceInGrader: expected the ${bug.backend} backend to be available, got: ${driver.reason}`);
    // The loader reads VK_ICD_FILENAMES when Dawn creates its instance (first use below).
    if (driver.icd !== undefined) process.env.VK_ICD_FILENAMES = driver.icd;
    webgpuInstalled ??= installWebgpu();
    await webgpuInstalled;
    const previous = tf.getBackend();
    if (!(await tf.setBackend(bug.backend))) throw new Error(`reproduceInGrader: the ${bug.backend} backend failed to initialise in the grader's process`);
    try {
      for (const n of missing) found.set(`${bug.backend} ${bug.kernel} ${n}`, await bug.showsWith(n));
    } finally {
      await tf.setBackend(previous);
    }
  }
  return inputs.filter((n) => found.get(`${bug.backend} ${bug.kernel} ${n}`) === true);
}
