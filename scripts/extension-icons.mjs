// node scripts/extension-icons.mjs: draws the browser extension's toolbar icons
// (extension/icons/icon-{16,32,48,128}.png): a highlighted line of text over an underlined one.
// The PNGs are checked in; run this again only to change them.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { root } from "./setup.mjs";

const CRC = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** An RGBA PNG of `size`² pixels; `paint(x, y)` gives [r, g, b, a] at a point of the unit square. */
function png(size, paint) {
  const S = 4; // supersampling per axis
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const [r, g, b, a] = paint((x + (sx + 0.5) / S) / size, (y + (sy + 0.5) / S) / size);
          acc[0] += r * a; acc[1] += g * a; acc[2] += b * a; acc[3] += a;
        }
      }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const a = acc[3] / (S * S);
      rows[o] = acc[3] ? Math.round(acc[0] / acc[3]) : 0;
      rows[o + 1] = acc[3] ? Math.round(acc[1] / acc[3]) : 0;
      rows[o + 2] = acc[3] ? Math.round(acc[2] / acc[3]) : 0;
      rows[o + 3] = Math.round(a * 255);
    }
  }
  const head = Buffer.alloc(13);
  head.writeUInt32BE(size, 0);
  head.writeUInt32BE(size, 4);
  head.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", head), chunk("IDAT", deflateSync(rows, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

const paint = (x, y) => {
  if (!inRoundRect(x, y, 0, 0, 1, 1, 0.2)) return [0, 0, 0, 0];
  if (inRoundRect(x, y, 0.16, 0.24, 0.84, 0.5, 0.06)) return [250, 204, 21, 1]; // the highlight
  if (inRoundRect(x, y, 0.16, 0.64, 0.7, 0.76, 0.05)) return [255, 255, 255, 1]; // the underlined line
  return [30, 58, 138, 1];
};

for (const size of [16, 32, 48, 128]) {
  const file = join(root, "extension", "icons", `icon-${size}.png`);
  writeFileSync(file, png(size, paint));
  console.log(`wrote ${file}`);
}
