/**
 * Prints the glyph advance table in src/core/report/widths.ts from Liberation Serif
 * (metric-compatible with Times New Roman): `node scripts/font-metrics.mjs > /tmp/m.txt`.
 * Run by hand when the character set changes; nothing reads fonts at run or test time.
 */
import { readFileSync } from "node:fs";

function metrics(path) {
  const b = readFileSync(path);
  const tables = {};
  for (let i = 0; i < b.readUInt16BE(4); i++)
    tables[b.toString("latin1", 12 + i * 16, 16 + i * 16)] = b.readUInt32BE(20 + i * 16);
  const upem = b.readUInt16BE(tables.head + 18);
  const nHM = b.readUInt16BE(tables.hhea + 34);
  const cm = tables.cmap;
  let sub = -1;
  for (let i = 0; i < b.readUInt16BE(cm + 2); i++) {
    if (b.readUInt16BE(cm + 4 + i * 8) === 3 && b.readUInt16BE(cm + 6 + i * 8) === 1)
      sub = cm + b.readUInt32BE(cm + 8 + i * 8);
  }
  const segX2 = b.readUInt16BE(sub + 6);
  const ends = sub + 14,
    starts = ends + segX2 + 2,
    deltas = starts + segX2,
    ranges = deltas + segX2;
  const glyph = (c) => {
    for (let s = 0; s < segX2 / 2; s++) {
      if (c > b.readUInt16BE(ends + 2 * s)) continue;
      const start = b.readUInt16BE(starts + 2 * s);
      if (c < start) return 0;
      const delta = b.readInt16BE(deltas + 2 * s),
        ro = b.readUInt16BE(ranges + 2 * s);
      if (ro === 0) return (c + delta) & 0xffff;
      const g = b.readUInt16BE(ranges + 2 * s + ro + 2 * (c - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
  return (ch) =>
    Math.round((b.readUInt16BE(tables.hmtx + 4 * Math.min(glyph(ch.codePointAt(0)), nHM - 1)) / upem) * 1000);
}

const DIR = "/usr/share/fonts/truetype/liberation/";
const CHARS =
  "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя" +
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789" +
  ".,;:!?()[]/%«»\"'-–—№@_+=*&#";
for (const [name, file] of [
  ["REGULAR", "LiberationSerif-Regular.ttf"],
  ["BOLD", "LiberationSerif-Bold.ttf"],
]) {
  const m = metrics(DIR + file);
  console.log(`const ${name} = ${JSON.stringify([...CHARS].map(m).join(","))};`);
}
console.log(`const CHARS = ${JSON.stringify(CHARS)};`);
