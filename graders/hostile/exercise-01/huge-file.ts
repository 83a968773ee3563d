import { defineHostile } from '../../support/mutants/define.ts';
import { allPass, probe } from '../probe.ts';

export default defineHostile({
  description:
    'tries to fill the disk: 64 MiB written to /tmp through fs.openSync/fs.writeSync (refused; the sandbox also caps file size at 16 MiB and /tmp at 64 MiB)',
  category: 'write-files',
  edits: probe(
    "const fs = await import('node:fs'); const fd = fs.openSync('/tmp/huge', 'w'); const chunk = Buffer.alloc(1 << 20); let written = 0; for (let i = 0; i < 64; i++) written += fs.writeSync(fd, chunk); return written > 16 * (1 << 20) ? `wrote ${written} bytes` : undefined;",
  ),
  expect: allPass['exercise-01'],
});
