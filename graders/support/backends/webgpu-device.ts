/**
 * tfjs's 'webgpu' backend on a device that has the adapter's own limits.
 *
 * tfjs-backend-webgpu 4.22 creates its device with a handful of raised limits but the default
 * `maxStorageBuffersPerShaderStage` (8). Its `AddN` kernel binds one storage buffer per input plus
 * the output, so `tf.addN` of 8 or more tensors exceeds that limit, the pipeline is invalid, and
 * the result is silently garbage (correct code lost points on webgpu only). The adapter allows more
 * (SwiftShader: 12; real GPUs usually 16 or more), so we ask for everything the adapter offers.
 * Past the adapter's own limit the bug remains: see known-bugs.ts.
 */
import * as tf from '@tensorflow/tfjs';

/** The features tfjs-backend-webgpu 4.22 asks for when the adapter has them. */
const wantedFeatures = ['timestamp-query', 'bgra8unorm-storage'];

interface Adapter {
  limits: Record<string, unknown>;
  features: { has(name: string): boolean };
  info?: unknown;
  requestDevice(descriptor: { requiredLimits: Record<string, number>; requiredFeatures: string[] }): Promise<unknown>;
}

/**
 * Every numeric limit of the adapter, read one by one: the limits are getters on the prototype,
 * so `{ ...adapter.limits }` would copy nothing (and `for…in` only finds enumerable ones).
 *
 * @example adapterLimits(adapter).maxStorageBuffersPerShaderStage → 12 (SwiftShader)
 */
export function adapterLimits(adapter: { limits: Record<string, unknown> }): Record<string, number> {
  const names = new Set<string>();
  for (let o: object | null = adapter.limits; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
    for (const name of Object.getOwnPropertyNames(o)) names.add(name);
  }
  const limits: Record<string, number> = {};
  for (const name of names) {
    const value = adapter.limits[name];
    if (typeof value === 'number') limits[name] = value;
  }
  return limits;
}

/**
 * Makes WebGPU available to tfjs in Node (Dawn, from the `webgpu` package; the Vulkan driver is
 * chosen by `VK_ICD_FILENAMES`) and registers the 'webgpu' backend so that it runs on a device
 * with the adapter's limits. Call once, before `tf.setBackend('webgpu')`.
 */
export async function installWebgpu(): Promise<void> {
  const { create, globals } = await import('webgpu');
  Object.assign(globalThis, globals);
  const gpu = create([]) as { requestAdapter(options?: { powerPreference?: string }): Promise<Adapter | null> };
  Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true });
  // Importing the package registers its own factory (it checks navigator.gpu): replace it.
  const { WebGPUBackend } = await import('@tensorflow/tfjs-backend-webgpu');
  tf.removeBackend('webgpu');
  tf.registerBackend(
    'webgpu',
    async () => {
      const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
      if (adapter === null) throw new Error('webgpu: no WebGPU adapter (is a Vulkan driver installed? see graders/support/backends/detect.ts)');
      const device = await adapter.requestDevice({
        requiredLimits: adapterLimits(adapter),
        requiredFeatures: wantedFeatures.filter((name) => adapter.features.has(name)),
      });
      return new WebGPUBackend(device as ConstructorParameters<typeof WebGPUBackend>[0], adapter.info as ConstructorParameters<typeof WebGPUBackend>[1]);
    },
    3,
  );
}
