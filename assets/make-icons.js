#!/usr/bin/env node
'use strict';
/**
 * Draws the add-in's icons (a worksheet grid with a green check badge) and writes them as PNG files beside this script:
 * icon-16.png, icon-32.png, icon-64.png, icon-80.png, icon-128.png.
 *
 * Only Node built-ins: shapes are sampled on a sub-pixel grid (anti-aliasing by coverage), and the PNG is written by hand
 * (signature, IHDR, one zlib-deflated IDAT of RGBA rows with filter 0, IEND, each chunk with its CRC-32).
 *
 *   node assets/make-icons.js
 *
 * The PNGs are committed; this script is their source.
 */
const { Buffer } = require('node:buffer');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZES = [16, 32, 64, 80, 128];

// Colours (Fluent / Office green family).
const GREEN = [16, 124, 65]; // #107C41, Excel's brand green
const GREEN_DARK = [11, 83, 44]; // #0B532C, the sheet's outline
const GRID = [190, 205, 196]; // light grey-green grid lines
const GRID_ON_GREEN = [88, 160, 118]; // grid lines across the green header row
const HEADER = [214, 236, 222]; // #D6ECDE, header row and first column tint
const WHITE = [255, 255, 255];

/** Signed distance from (px, py) to a rounded rectangle (negative inside). */
function roundRectDistance(px, py, x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - r;
  const hy = (y1 - y0) / 2 - r;
  const qx = Math.abs(px - cx) - hx;
  const qy = Math.abs(py - cy) - hy;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r;
}

/** Distance from (px, py) to the segment (ax, ay)–(bx, by). */
function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * The icon at one size, as a function from a sample point (in pixels) to an RGBA colour (alpha 0..1) or null.
 * Geometry is in units of the icon's size; the grid lines are snapped to whole pixels so they stay crisp when small.
 */
function scene(size) {
  const u = (v) => v * size;
  const stroke = Math.max(1, Math.round(size / 32)); // outline and grid line width in pixels
  // The sheet: a rounded card in the upper left three quarters.
  const sx0 = Math.round(u(0.06));
  const sy0 = Math.round(u(0.1));
  const sx1 = Math.round(u(0.86));
  const sy1 = Math.round(u(0.84));
  const radius = Math.max(1, u(0.06));
  // Grid: columns and rows, fewer when small so the cells stay readable.
  const cols = size <= 16 ? 2 : 3;
  const rows = size <= 16 ? 3 : 4;
  const colX = [];
  const rowY = [];
  for (let i = 1; i < cols; i++) colX.push(Math.round(sx0 + ((sx1 - sx0) * i) / cols));
  for (let i = 1; i < rows; i++) rowY.push(Math.round(sy0 + ((sy1 - sy0) * i) / rows));
  const headerBottom = rowY[0];
  const firstColRight = colX[0];
  // The badge: a green disc with a white ring, bottom right, carrying a white check.
  const small = size <= 16;
  const bcx = u(small ? 0.66 : 0.685);
  const bcy = bcx;
  const br = u(small ? 0.28 : 0.27);
  const ring = Math.max(1, u(0.04)); // bcx + br + ring stays inside the icon
  const checkWidth = br * (small ? 0.38 : 0.3);
  const check = [
    [bcx - br * 0.5, bcy + br * 0.02],
    [bcx - br * 0.14, bcy + br * 0.38],
    [bcx + br * 0.52, bcy - br * 0.34],
  ];

  return (x, y) => {
    // Badge on top.
    const d = Math.hypot(x - bcx, y - bcy);
    if (d <= br) {
      const onCheck =
        segmentDistance(x, y, check[0][0], check[0][1], check[1][0], check[1][1]) <= checkWidth / 2 ||
        segmentDistance(x, y, check[1][0], check[1][1], check[2][0], check[2][1]) <= checkWidth / 2;
      return onCheck ? WHITE : GREEN;
    }
    if (d <= br + ring) return WHITE;
    // The sheet.
    const sd = roundRectDistance(x, y, sx0, sy0, sx1, sy1, radius);
    if (sd > 0) return null;
    if (sd > -stroke) return GREEN_DARK;
    const onLine = (positions, v) => positions.some((p) => v >= p - stroke / 2 && v < p + stroke / 2);
    if (onLine(colX, x) || onLine(rowY, y)) return y < headerBottom - stroke / 2 ? GRID_ON_GREEN : GRID;
    if (y < headerBottom) return GREEN;
    if (x < firstColRight) return HEADER;
    return WHITE;
  };
}

/** RGBA pixels of the icon at one size, by 8×8 supersampling. */
function render(size) {
  const paint = scene(size);
  const n = 8;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const colour = paint(px + (sx + 0.5) / n, py + (sy + 0.5) / n);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      }
      const o = (py * size + px) * 4;
      if (covered > 0) {
        pixels[o] = Math.round(r / covered);
        pixels[o + 1] = Math.round(g / covered);
        pixels[o + 2] = Math.round(b / covered);
        pixels[o + 3] = Math.round((255 * covered) / (n * n));
      }
    }
  }
  return pixels;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[i] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A PNG file (8-bit RGBA, no interlace) of size×size pixels. */
function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method 0
  header[12] = 0; // no interlace
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    pixels.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) {
  const file = path.join(__dirname, `icon-${size}.png`);
  fs.writeFileSync(file, encodePng(size, render(size)));
  process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
}
