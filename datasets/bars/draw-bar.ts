/** One anti-aliased bar: a line segment with round caps. Coordinates are pixel centres (x = column, y = row). */
export interface Bar {
  /** Centre column and row. */
  cx: number;
  cy: number;
  /** Unit direction vector (x right, y down). */
  ux: number;
  uy: number;
  /** Length of the segment between cap centres, in pixels. */
  length: number;
  /** Full stroke width, in pixels. */
  thickness: number;
  /** Peak intensity in (0, 1]. */
  amplitude: number;
}

/**
 * Adds one bar to a `height × width` image in place.
 *
 * Intensity at a pixel centre at distance `d` from the segment is
 * `amplitude · smoothstep(thickness/2 + 0.5 − d)`: full inside the stroke,
 * falling smoothly to 0 over one pixel at its edge (anti-aliasing), so a bar
 * moved by a fraction of a pixel changes the image a little, not a lot.
 *
 * @param image - `[height, width]` row-major, modified in place (values are added)
 * @param bar - where and how to draw
 * @example
 * const img = new Float32Array(28 * 28);
 * drawBar(img, 28, 28, { cx: 14, cy: 14, ux: 1, uy: 0, length: 10, thickness: 2, amplitude: 1 });
 * img[14 * 28 + 14]; // → 1 (on the bar); img[0] → 0
 */
export function drawBar(image: Float32Array, height: number, width: number, bar: Bar): void {
  const { cx, cy, ux, uy, length, thickness, amplitude } = bar;
  const half = length / 2;
  const edge = thickness / 2 + 0.5;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const px = x - cx;
      const py = y - cy;
      // Project onto the segment's axis, clamp to its extent, measure what is left.
      const t = Math.max(-half, Math.min(half, px * ux + py * uy));
      const qx = px - t * ux;
      const qy = py - t * uy;
      const d = Math.sqrt(qx * qx + qy * qy);
      const s = Math.max(0, Math.min(1, edge - d));
      if (s > 0) image[y * width + x] += amplitude * s * s * (3 - 2 * s);
    }
  }
}
