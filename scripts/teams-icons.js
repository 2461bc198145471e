#!/usr/bin/env node
// Draws the Teams app icons (manifests/teams/color.png 192×192, outline.png 32×32 white on
// transparent) with zlib only: a video-camera glyph, anti-aliased by 4×4 supersampling.
// Run once and commit the PNGs: `node scripts/teams-icons.js`.
const { deflateSync } = require('node:zlib');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

/** Coverage of the glyph at (x, y) in a 0..1 square. */
function inGlyph(x, y) {
  const body = x >= 0.2 && x <= 0.64 && y >= 0.3 && y <= 0.7 && roundedCorner(x, y, 0.2, 0.3, 0.64, 0.7, 0.07);
  const t = (x - 0.67) / (0.84 - 0.67);
  const half = 0.07 + t * (0.2 - 0.07);
  const lens = t >= 0 && t <= 1 && Math.abs(y - 0.5) <= half;
  return body || lens;
}

function roundedCorner(x, y, x0, y0, x1, y1, r) {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function draw(size, background) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) if (inGlyph((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size)) hits++;
      }
      const a = hits / (n * n);
      const i = (py * size + px) * 4;
      if (background) {
        for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(background[c] * (1 - a) + 255 * a);
        rgba[i + 3] = 255;
      } else {
        rgba.fill(255, i, i + 3);
        rgba[i + 3] = Math.round(255 * a);
      }
    }
  }
  return encodePng(size, size, rgba);
}

function encodePng(width, height, rgba) {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return ~c >>> 0;
}

const dir = join(__dirname, '..', 'manifests', 'teams');
writeFileSync(join(dir, 'color.png'), draw(192, [0x5b, 0x5f, 0xc7]));
writeFileSync(join(dir, 'outline.png'), draw(32, null));
console.log(`wrote ${dir}/color.png and outline.png`);
