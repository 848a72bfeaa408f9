/** The archive helpers under the bounded reader and the writers: directory, ceilings, XML-safe packing. */
import { deflateRawSync } from "node:zlib";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { countCells, inflateBounded, zipEntries } from "../src/local/zip-entries.js";
import { packZip, repack, xmlSafe } from "../src/local/zip-pack.js";
import { cappedName, clipBytes } from "../src/local/files.js";
import { terminalSafe, jsonSafe } from "../src/local/terminal.js";

describe("zip helpers", () => {
  it("packs with zlib what JSZip reads back, names in UTF-8", async () => {
    const bytes = packZip([
      { name: "a.xml", data: Buffer.from("<a>Школа</a>") },
      { name: "папка/b.txt", data: Buffer.alloc(10_000, 65) },
    ]);
    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file("a.xml")!.async("string")).toBe("<a>Школа</a>");
    expect((await zip.file("папка/b.txt")!.async("nodebuffer")).length).toBe(10_000);
    expect(zipEntries(bytes).map((e) => [e.name, e.size])).toEqual([
      ["a.xml", Buffer.byteLength("<a>Школа</a>")],
      ["папка/b.txt", 10_000],
    ]);
  });

  it("refuses to inflate past the declared size (a header that lies)", () => {
    const bytes = packZip([{ name: "x.xml", data: Buffer.alloc(100_000, 32) }]);
    const [entry] = zipEntries(bytes);
    expect(inflateBounded(bytes, entry!)?.length).toBe(100_000);
    expect(inflateBounded(bytes, { ...entry!, size: 1000 })).toBeNull();
  });

  it("counts cell elements without parsing, not rows or columns", () => {
    const xml = Buffer.from(
      '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1" ' +
        't="s"><v>0</v></c></row><cols><col min="1"/></cols><c>\n</c></sheetData>',
    );
    expect(countCells(xml)).toBe(3);
    expect(countCells(deflateRawSync(Buffer.from("")))).toBe(0);
  });

  it("drops what XML 1.0 cannot carry from every part, keeps the rest", async () => {
    expect(xmlSafe("a\u0000b\u001bc\ufffed\uffff\ud800e\tf\n😀")).toBe("abcde\tf\n😀");
    const source = new JSZip();
    source.file("docProps/core.xml", "<t>Школа\ufffe № 1\u0007</t>");
    source.file("word/document.xml", "<w>placeholder</w>");
    const packed = repack(await source.generateAsync({ type: "uint8array" }), {
      "word/document.xml": (x) => x.replace("placeholder", "тело\u0001"),
    });
    const zip = await JSZip.loadAsync(packed);
    expect(await zip.file("docProps/core.xml")!.async("string")).toBe("<t>Школа № 1</t>");
    expect(await zip.file("word/document.xml")!.async("string")).toBe("<w>тело</w>");
  });
});

describe("file names in bytes", () => {
  it("caps a name at its byte length without splitting a letter, keeping the extension", () => {
    const name = `${"Ш".repeat(140)}.docx`;
    const capped = cappedName(name);
    expect(Buffer.byteLength(capped, "utf8")).toBeLessThanOrEqual(200);
    expect(capped.endsWith("….docx")).toBe(true);
    expect(cappedName("Отчёт.docx")).toBe("Отчёт.docx");
    expect(clipBytes("аб😀", 5)).toBe("аб");
  });
});

describe("text on the terminal", () => {
  it("escapes control characters and bidi overrides, leaves Russian text alone", () => {
    expect(terminalSafe("a\u001b[31mb\u0007\u202ec\u2066\nd")).toBe("a\\u{1B}[31mb\\u{07}\\u{202E}c\\u{2066}\\nd");
    expect(terminalSafe("Школа «№ 1» — ёжик")).toBe("Школа «№ 1» — ёжик");
    expect(JSON.parse(jsonSafe(JSON.stringify({ a: "x\u202ey\u0085" })))).toEqual({ a: "x\u202ey\u0085" });
    expect(jsonSafe(JSON.stringify({ a: "x\u202ey" }))).toBe('{"a":"x\\u202ey"}');
  });
});
