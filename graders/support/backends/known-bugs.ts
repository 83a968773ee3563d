/**
 * Bugs of tfjs backends that make correct code return wrong numbers, each with a reproduction.
 *
 * A grader consults this list only after a comparison failed on a backend other than cpu: when the
 * student's call ran a listed kernel (`ex.call(…, { profile: true })` names them) and the
 * reproduction, run in the student's process on the same device, shows the bug there, the test
 * is not counted (see not-counted.ts) and the student is told which backend and op misbehaved.
 * The reproductions run in the student's process (a driver op) and import only tfjs.
 */
import * as tf from '@tensorflow/tfjs';

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
