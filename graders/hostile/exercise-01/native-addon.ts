import { defineHostile } from '../../support/mutants/define.ts';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, stateDir } from '../../support/paths.ts';
import { allPass, probe } from '../probe.ts';

// A real native addon outside node_modules, as a submission would ship it: a copy of Dawn's.
const dawn = path.join(repoRoot, 'node_modules', 'webgpu', 'dist');
const shipped = path.join(stateDir, 'hostile-links', 'evil.node');
mkdirSync(path.dirname(shipped), { recursive: true });
const addon = existsSync(dawn) ? readdirSync(dawn).find((f) => f.endsWith('.node')) : undefined;
if (addon !== undefined && !existsSync(shipped)) copyFileSync(path.join(dawn, addon), shipped);

export default defineHostile({
  description:
    'loads a native addon shipped outside node_modules (process.dlopen, createRequire): addons are off on cpu, and the file is not in the sandbox on any backend',
  category: 'os-addon',
  edits: probe(
    `const { createRequire } = await import('node:module'); try { createRequire(import.meta.url)(${JSON.stringify(shipped)}); return 'loaded with require'; } catch { /* next */ } const m = { exports: {} }; process.dlopen(m, ${JSON.stringify(shipped)}); return 'loaded with dlopen';`,
  ),
  expect: allPass['exercise-01'],
  backends: ['cpu', 'webgpu'],
});
