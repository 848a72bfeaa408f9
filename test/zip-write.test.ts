/** The pure zip writer and DEFLATE the Apps Script bundle packs the report's .docx with. */
import { crc32 as zlibCrc32, inflateRawSync } from "node:zlib";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { deflateRaw } from "../src/core/deflate.js";
import { crc32, signedBytes, utf8, zipParts } from "../src/core/zip-write.js";

/** A deterministic pseudo-random byte source (xorshift32). */
function noise(length: number, seed = 2463534242): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe("deflateRaw", () => {
  const row = (i: number) =>
    `<w:tr><w:tc><w:p><w:r><w:t>${i}. Мастер-класс «Наставничество» для педагогов школы № ${i % 7}</w:t></w:r></w:p></w:tc></w:tr>`;
  const xml = utf8(Array.from({ length: 3000 }, (_, i) => row(i)).join(""));

  it.each([
    ["nothing", new Uint8Array()],
    ["one byte", Uint8Array.from([0])],
    ["every byte value", Uint8Array.from({ length: 256 }, (_, i) => i)],
    ["a run longer than the longest match", new Uint8Array(100_000).fill(65)],
    ["noise (no match at all)", noise(70_000)],
    [
      "noise repeated beyond the window",
      (() => {
        const part = noise(40_000, 7);
        const all = new Uint8Array(120_000);
        all.set(part, 0);
        all.set(part, 40_000);
        all.set(part, 80_000);
        return all;
      })(),
    ],
    ["a report's WordprocessingML", xml],
  ])("%s: zlib inflates it back byte for byte", (_what, input) => {
    // Buffer.equals: a deep comparison of half a megabyte byte by byte would take seconds.
    expect(inflateRawSync(deflateRaw(input)).equals(Buffer.from(input))).toBe(true);
  });

  it("shrinks a report's XML more than tenfold, the same bytes every time", () => {
    const packed = deflateRaw(xml);
    expect(packed.length * 10).toBeLessThan(xml.length);
    expect(Buffer.from(deflateRaw(xml)).equals(Buffer.from(packed))).toBe(true);
  });
});

describe("zipParts", () => {
  it("encodes UTF-8 as Node does, a lone surrogate as U+FFFD", () => {
    for (const text of ["Школа № 5", "a\u00e9\u20ac\u{1f600}", "", "x\ud800y"])
      expect(Buffer.from(utf8(text))).toEqual(Buffer.from(text, "utf8"));
  });

  it("checksums as zlib does", () => {
    const bytes = utf8("Отчёт МИП — 2022".repeat(1000));
    expect(crc32(bytes)).toBe(zlibCrc32(bytes) >>> 0);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it("writes an archive JSZip reads back part by part, in order, names in UTF-8, the same bytes every time", async () => {
    const parts = [
      { name: "[Content_Types].xml", text: "<Types/>" },
      { name: "word/document.xml", text: "<w:t>Наставничество «Вместе»</w:t>".repeat(500) },
      { name: "папка/пусто.txt", text: "" },
    ];
    const bytes = zipParts(parts);
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(parts.map((p) => p.name));
    for (const part of parts) expect(await zip.file(part.name)!.async("string")).toBe(part.text);
    expect(Buffer.from(zipParts(parts)).equals(Buffer.from(bytes))).toBe(true);
  });

  it("gives Java's signed bytes for Utilities.newBlob", () => {
    expect(signedBytes(Uint8Array.from([0, 127, 128, 255]))).toEqual([0, 127, -128, -1]);
  });
});
