/**
 * `npm run release -- --out <dir>`: writes a student release of the course (see build.ts);
 * `npm run release -- --gradescope <zip>`: writes Gradescope's autograder (see gradescope/zip.ts).
 *
 *   npm run release -- --out ../cnn-course-student [--backend cpu]… [--force] [--check-determinism]
 *   npm run release -- --gradescope cnn-autograder.zip [--exercise exercise-05]… [--backend cpu]… [--seed <text>]
 *
 * Exits non-zero, naming each problem, when the reference does not score full marks or when
 * anything of the solutions would leak into the release.
 */
import path from 'node:path';
import { detectWebgpu } from '../../graders/support/backends/detect.ts';
import { loadCourse } from '../../graders/support/course.ts';
import { buildRelease } from './build.ts';
import { writeGradescopeZip } from './gradescope/zip.ts';
import { repoRoot } from '../../graders/support/paths.ts';
import { commandLine } from '../../graders/support/command-line.ts';

const usage =
  'npm run release -- --out <dir> [--backend cpu|webgpu]... [--force] [--check-determinism] [--recording <dir>]\n       npm run release -- --gradescope <zip> [--exercise <id>]... [--backend cpu|webgpu]... [--seed <text>]';
const { values } = commandLine(
  'release',
  {
    out: { type: 'string' },
    backend: { type: 'string', multiple: true },
    force: { type: 'boolean' },
    'check-determinism': { type: 'boolean' },
    recording: { type: 'string' },
    gradescope: { type: 'string' },
    exercise: { type: 'string', multiple: true },
    seed: { type: 'string' },
  },
  usage,
  { positionals: false },
);

function fail(message: string): never {
  process.stderr.write(`release: ${message}\nusage: ${usage}\n`);
  process.exit(2);
}

if (values.gradescope !== undefined) {
  // Gradescope's machines have no GPU: cpu unless asked.
  const backends = values.backend ?? ['cpu'];
  for (const b of backends) if (b !== 'cpu' && b !== 'webgpu') fail(`--backend: expected cpu or webgpu, got '${b}'.`);
  try {
    const config = writeGradescopeZip(repoRoot, loadCourse(), values.gradescope, { exercises: values.exercise ?? [], backends, seed: values.seed });
    process.stdout.write(
      `✓ Gradescope autograder written to ${values.gradescope}: ${config.exercises.length ? config.exercises.join(', ') : 'every exercise'} on ${config.backends.join(', ')}, the instructors' seed in gradescope.json (keep the zip private: it holds solutions/).\n`,
    );
    process.exit(0);
  } catch (error) {
    fail((error as Error).message);
  }
}
if (values.out === undefined) fail('expected --out <dir>: the folder to write the student release to (or --gradescope <zip>).');
const webgpu = detectWebgpu();
const backends = values.backend ?? (webgpu.available ? ['cpu', 'webgpu'] : ['cpu']);
for (const b of backends) {
  if (b !== 'cpu' && b !== 'webgpu') fail(`--backend: expected cpu or webgpu, got '${b}'.`);
  if (b === 'webgpu' && !webgpu.available) fail(`--backend webgpu: webgpu is not available here (${webgpu.reason}).`);
}

const started = Date.now();
let report: Awaited<ReturnType<typeof buildRelease>>;
try {
  report = await buildRelease(loadCourse(), {
    out: values.out,
    backends,
    force: values.force,
    checkDeterminism: values['check-determinism'],
    recording: values.recording,
    log: (line) => process.stdout.write(`${line}\n`),
  });
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;
process.stdout.write('\nsealed reference recordings (default seed):\n');
for (const s of report.sealed) process.stdout.write(`  ${s.id}: ${s.entries} answers from ${s.calls} calls, ${kb(s.bytes)}\n`);
process.stdout.write(
  `  total ${kb(report.sealed.reduce((sum, s) => sum + s.bytes, 0))}${report.recordingMs ? `, recorded in ${(report.recordingMs / 1000).toFixed(0)} s` : ''}\n`,
);
if (report.determinism !== undefined) {
  process.stdout.write(
    report.determinism.length === 0
      ? 'determinism: a second recording gave exactly the same answers.\n'
      : `determinism: the recordings differ:\n  ${report.determinism.join('\n  ')}\n`,
  );
}
process.stdout.write(`pristine stubs: ${report.stubs}\n`);
if (report.leaks.length > 0) {
  process.stderr.write(`\n✗ the release at ${report.out} LEAKS ${report.leaks.length} thing(s) from the solutions (listed above); do not publish it.\n`);
  process.exit(1);
}
if (report.determinism !== undefined && report.determinism.length > 0) process.exit(1);
process.stdout.write(
  `\n✓ student release written to ${path.relative(process.cwd(), report.out) || '.'} (${report.files} files) in ${((Date.now() - started) / 1000).toFixed(0)} s; no solution source in it.\n`,
);
