/**
 * Pictures of the student's results: the student's process cannot write files, so the grader
 * writes `out/exercise-04/*.png` from the data that came back (pngjs, the course's PNG library).
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { repoRoot, shortPath } from '../support/paths.ts';
import type { Dense } from '../support/sandbox/wire.ts';

/** Where the pictures go (git-ignored). */
export const outDir = path.join(repoRoot, 'out', 'exercise-04');

/**
 * Writes `image` ([H, W] gray or [H, W, 3] RGB, values in [0, 1], clipped) as a PNG, each pixel
 * enlarged to scale×scale so small filters stay visible. Returns the path, for messages.
 */
export function writePng(name: string, image: Dense, scale: number): string {
  const [h, w, c = 1] = image.shape;
  const png = new PNG({ width: w * scale, height: h * scale });
  for (let y = 0; y < h * scale; y++) {
    for (let x = 0; x < w * scale; x++) {
      const at = (Math.floor(y / scale) * w + Math.floor(x / scale)) * c;
      const byte = (k: number): number => Math.round(255 * Math.min(1, Math.max(0, image.data[at + (c === 3 ? k : 0)])));
      const o = (y * w * scale + x) * 4;
      [png.data[o], png.data[o + 1], png.data[o + 2], png.data[o + 3]] = [byte(0), byte(1), byte(2), 255];
    }
  }
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, name);
  // Write then rename: the cpu and webgpu projects may write the same picture at once.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, PNG.sync.write(png));
  renameSync(temporary, file);
  return shortPath(file);
}

/** Channel `k` of maps [h, w, channels] as [h, w], divided by `scale` (0 stays black). */
export function channel(maps: Dense, k: number, scale: number): Dense {
  const [h, w, c] = maps.shape;
  const data = new Float64Array(h * w);
  for (let i = 0; i < h * w; i++) data[i] = scale > 0 ? maps.data[i * c + k] / scale : 0;
  return { shape: [h, w], data };
}

/** Equal-sized [h, w] tiles laid out in rows with `gap` pixels of `background` between them. */
export function mosaic(rows: Dense[][], gap: number, background: number): Dense {
  const [h, w] = rows[0][0].shape;
  const columns = Math.max(...rows.map((r) => r.length));
  const height = rows.length * (h + gap) - gap;
  const width = columns * (w + gap) - gap;
  const data = new Float64Array(height * width).fill(background);
  rows.forEach((row, r) => {
    row.forEach((tile, t) => {
      for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) data[(r * (h + gap) + i) * width + t * (w + gap) + j] = tile.data[i * w + j];
    });
  });
  return { shape: [height, width], data };
}
