/**
 * Which tfjs backends this machine can grade on. `cpu` always; `webgpu` (tfjs-backend-webgpu over
 * Dawn from the `webgpu` package) when a Vulkan driver works: the one `VK_ICD_FILENAMES` names,
 * else the system's (a real GPU), else SwiftShader's CPU emulation shipped by Chromium or Chrome.
 * Probing costs a fraction of a second, so its answer is cached per driver set.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stateDir } from '../paths.ts';
import { courseWebgpu, vkIcdFilenames } from '../settings.ts';

export type BackendName = 'cpu' | 'webgpu';

/** A working WebGPU adapter and the environment that selects it. */
export interface WebgpuDriver {
  available: true;
  /** `VK_ICD_FILENAMES` for the student's process, or undefined for the system default. */
  icd?: string;
  /** What the run's header prints, e.g. "SwiftShader (CPU emulation)" or the GPU's name. */
  adapter: string;
  swiftshader: boolean;
}

/** Why webgpu is not available, and how to enable it, in one line. */
export interface NoWebgpu {
  available: false;
  reason: string;
}

/** Where Chromium and Chrome put SwiftShader's Vulkan driver. */
export const swiftshaderIcds = [
  '/usr/lib/chromium/vk_swiftshader_icd.json',
  '/usr/lib/chromium-browser/vk_swiftshader_icd.json',
  '/opt/google/chrome/vk_swiftshader_icd.json',
];

const icdDirs = ['/usr/share/vulkan/icd.d', '/etc/vulkan/icd.d', '/usr/local/share/vulkan/icd.d'];
const probeScript = fileURLToPath(new URL('./probe-webgpu.mjs', import.meta.url));

const enableHint =
  "to grade on webgpu too, install a Vulkan driver: `sudo apt-get install chromium libvulkan1` (SwiftShader) or your GPU's, or set VK_ICD_FILENAMES";

interface ProbeAnswer {
  found: boolean;
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
}

function probe(icd: string | undefined): ProbeAnswer {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_RUNTIME_DIR: process.env.XDG_RUNTIME_DIR ?? '/tmp' };
  if (icd === undefined) delete env.VK_ICD_FILENAMES;
  else env.VK_ICD_FILENAMES = icd;
  const run = spawnSync(process.execPath, [probeScript], { env, encoding: 'utf8', timeout: 30_000 });
  const line = run.stdout?.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as ProbeAnswer;
  } catch {
    return { found: false };
  }
}

function adapterName(answer: ProbeAnswer): { name: string; swiftshader: boolean } {
  const swiftshader = answer.architecture === 'swiftshader' || /swiftshader/i.test(answer.description ?? '');
  if (swiftshader) return { name: 'SwiftShader (CPU emulation)', swiftshader };
  const name = [answer.description, answer.device, answer.vendor].find((s) => s !== undefined && s.trim() !== '');
  return { name: name ?? 'unknown GPU', swiftshader };
}

function cacheKey(): string {
  const parts = [process.version, vkIcdFilenames.read() ?? '', String(courseWebgpu.read())];
  for (const dir of icdDirs) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) parts.push(`${dir}/${file}:${statSync(path.join(dir, file)).mtimeMs}`);
  }
  for (const file of swiftshaderIcds) if (existsSync(file)) parts.push(`${file}:${statSync(file).mtimeMs}`);
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 16);
}

function detectUncached(): WebgpuDriver | NoWebgpu {
  if (!courseWebgpu.read()) return { available: false, reason: 'disabled by COURSE_WEBGPU=0' };
  const named = vkIcdFilenames.read();
  if (named !== undefined) {
    const answer = probe(named);
    if (!answer.found) return { available: false, reason: `no WebGPU adapter with VK_ICD_FILENAMES=${named}; ${enableHint}` };
    const { name, swiftshader } = adapterName(answer);
    return { available: true, icd: named, adapter: name, swiftshader };
  }
  const system = probe(undefined);
  if (system.found) {
    const { name, swiftshader } = adapterName(system);
    return { available: true, adapter: name, swiftshader };
  }
  for (const icd of swiftshaderIcds) {
    if (!existsSync(icd)) continue;
    const answer = probe(icd);
    if (answer.found) return { available: true, icd, adapter: adapterName(answer).name, swiftshader: true };
  }
  return { available: false, reason: `no Vulkan driver found; ${enableHint}` };
}

/** Detects webgpu once per driver set (cached in .grade/). */
export function detectWebgpu(): WebgpuDriver | NoWebgpu {
  const file = path.join(stateDir, 'webgpu-probe.json');
  const key = cacheKey();
  let cache: Record<string, WebgpuDriver | NoWebgpu> = {};
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { results?: Record<string, WebgpuDriver | NoWebgpu> };
    cache = parsed.results ?? {};
  } catch {
    // No cache yet, or a corrupted one: probe again.
  }
  const cached = cache[key];
  if (cached !== undefined) return cached;
  const result = detectUncached();
  mkdirSync(stateDir, { recursive: true });
  // One entry per driver set (e.g. with and without COURSE_WEBGPU=0), so alternating is free.
  writeFileSync(file, JSON.stringify({ results: { ...cache, [key]: result } }, null, 2));
  return result;
}
