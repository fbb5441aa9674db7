#!/usr/bin/env node
// Draws the extension's icon, media/icon.png (128 × 128, the size the
// Marketplace and VS Code's Extensions view show): a page of text on a dark
// tile, two of its lines coded, one green and one red, as coded segments
// are tinted by their pole in the editor.
//
//   node scripts/draw-icon.mjs [OUT_FILE]
//
// Run by hand after changing the drawing; media/icon.png is committed. Each
// pixel is sampled 8 × 8 times, so edges are antialiased. The output is
// deterministic: the same script writes the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pngjs from 'pngjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.resolve(process.argv[2] ?? path.join(ROOT, 'media', 'icon.png'));
const SIZE = 128;
const SAMPLES = 8;

const hex = (h, alpha = 1) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16), alpha];

// Shapes: functions (x, y) → inside?, in pixel coordinates (0..128).
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
/** A bar with round ends, as a line of text is drawn. */
const bar = (x0, x1, y, h) => roundRect(x0, y - h / 2, x1, y + h / 2, h / 2);
const and = (a, b) => (x, y) => a(x, y) && b(x, y);
const not = (a) => (x, y) => !a(x, y);
/** Below the line through (x0, y0) and (x1, y1), seen with x growing. */
const belowLine = (x0, y0, x1, y1) => (x, y) => (x1 - x0) * (y - y0) - (y1 - y0) * (x - x0) >= 0;
const triangle = (a, b, c) => (x, y) => {
  const side = (p, q) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const s1 = side(a, b), s2 = side(b, c), s3 = side(c, a);
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
};

// The page, its top right corner folded over.
const PAGE = { x0: 28, y0: 16, x1: 100, y1: 112, r: 6, fold: 22 };
const foldCut = belowLine(PAGE.x1 - PAGE.fold, PAGE.y0, PAGE.x1, PAGE.y0 + PAGE.fold);
const page = and(roundRect(PAGE.x0, PAGE.y0, PAGE.x1, PAGE.y1, PAGE.r), (x, y) => x < PAGE.x1 - PAGE.fold || foldCut(x, y));
const shadow = and(roundRect(PAGE.x0 + 2, PAGE.y0 + 4, PAGE.x1 + 2, PAGE.y1 + 4, PAGE.r), (x, y) => x < PAGE.x1 - PAGE.fold + 2 || belowLine(PAGE.x1 - PAGE.fold + 2, PAGE.y0 + 4, PAGE.x1 + 2, PAGE.y0 + 4 + PAGE.fold)(x, y));
const fold = triangle([PAGE.x1 - PAGE.fold, PAGE.y0], [PAGE.x1 - PAGE.fold, PAGE.y0 + PAGE.fold], [PAGE.x1, PAGE.y0 + PAGE.fold]);

// Lines of text: [x from, x to, y]; the page's text column is 40..88.
const TEXT = { h: 6, left: 40 };
const lines = [
  [40, 70, 34],
  [40, 86, 48],
  [40, 88, 62],
  [40, 88, 76],
  [40, 88, 90],
  [40, 66, 102],
];
// Two coded segments: a tinted band behind words on a line, words in the pole's colour.
const GREEN = { band: hex('#c8e6c9'), ink: hex('#2e7d32') };
const RED = { band: hex('#ffcdd2'), ink: hex('#c62828') };
const segments = [
  { line: 1, from: 58, to: 86, colours: GREEN },
  { line: 3, from: 40, to: 68, colours: RED },
];

/** Layers, bottom to top: [shape, [r, g, b, a]]. */
const layers = [
  [roundRect(0, 0, SIZE, SIZE, 24), hex('#1f3a4d')],
  [shadow, hex('#0b1a24', 0.35)],
  [page, hex('#fbfaf7')],
  [fold, hex('#d5dde3')],
];
lines.forEach(([x0, x1, y], i) => {
  const segment = segments.find((s) => s.line === i);
  if (!segment) {
    layers.push([bar(x0, x1, y, TEXT.h), hex('#9aa8b4')]);
    return;
  }
  layers.push([roundRect(segment.from - 4, y - 6, segment.to + 4, y + 6, 3), segment.colours.band]);
  // The words before the segment stay grey; the segment's words take the pole's colour.
  if (segment.from > x0) layers.push([bar(x0, segment.from - 6, y, TEXT.h), hex('#9aa8b4')]);
  layers.push([bar(segment.from, Math.min(segment.to, x1), y, TEXT.h), segment.colours.ink]);
  if (segment.to + 6 < x1) layers.push([bar(segment.to + 6, x1, y, TEXT.h), hex('#9aa8b4')]);
});

const png = new pngjs.PNG({ width: SIZE, height: SIZE });
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    // Colour premultiplied by alpha, composited layer over layer, averaged over the samples.
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const x = px + (sx + 0.5) / SAMPLES;
        const y = py + (sy + 0.5) / SAMPLES;
        let [r, g, b, a] = [0, 0, 0, 0];
        for (const [inside, [lr, lg, lb, la]] of layers) {
          if (!inside(x, y)) continue;
          r = lr * la + r * (1 - la);
          g = lg * la + g * (1 - la);
          b = lb * la + b * (1 - la);
          a = la + a * (1 - la);
        }
        sum[0] += r;
        sum[1] += g;
        sum[2] += b;
        sum[3] += a;
      }
    }
    const n = SAMPLES * SAMPLES;
    const alpha = sum[3] / n;
    const i = (py * SIZE + px) * 4;
    png.data[i] = alpha ? Math.round(sum[0] / n / alpha) : 0;
    png.data[i + 1] = alpha ? Math.round(sum[1] / n / alpha) : 0;
    png.data[i + 2] = alpha ? Math.round(sum[2] / n / alpha) : 0;
    png.data[i + 3] = Math.round(alpha * 255);
  }
}

mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(OUT, pngjs.PNG.sync.write(png, { colorType: 6 }));
console.log(`Wrote ${path.relative(process.cwd(), OUT) || OUT} (${SIZE} × ${SIZE})`);
