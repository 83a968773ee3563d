// Asks Dawn (the `webgpu` package) for an adapter with the Vulkan driver chosen by the
// environment and prints what it found as one JSON line. Plain JavaScript on purpose: it runs
// with bare `node`, before anything is compiled. Used by detect.ts.
import { create } from 'webgpu';

const gpu = create([]);
const adapter = await gpu.requestAdapter();
const info = adapter?.info;
process.stdout.write(
  `${JSON.stringify(
    adapter ? { found: true, vendor: info.vendor, architecture: info.architecture, device: info.device, description: info.description } : { found: false },
  )}\n`,
);
// Dawn can keep the event loop alive; the answer is out, so leave now.
process.exit(0);
