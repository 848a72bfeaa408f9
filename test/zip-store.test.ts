/** The pure zip writer the Apps Script bundle packs the report's .docx with. */
import { crc32 as zlibCrc32 } from "node:zlib";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { crc32, signedBytes, storedZip, utf8 } from "../src/core/zip-store.js";

describe("zip-store", () => {
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
    const bytes = storedZip(parts);
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(parts.map((p) => p.name));
    for (const part of parts) expect(await zip.file(part.name)!.async("string")).toBe(part.text);
    expect(Buffer.from(storedZip(parts))).toEqual(Buffer.from(bytes));
  });

  it("gives Java's signed bytes for Utilities.newBlob", () => {
    expect(signedBytes(Uint8Array.from([0, 127, 128, 255]))).toEqual([0, 127, -128, -1]);
  });
});
