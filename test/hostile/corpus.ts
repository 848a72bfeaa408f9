/**
 * A corpus of hostile workbooks, generated from the sample project at test time (nothing
 * binary is committed). Each builder names what it imitates: another program's way of writing
 * a workbook, a file that is not what it claims, or a package built to exhaust a reader.
 * Zip-level faults (duplicated entries, odd names) are packed with the project's own zip
 * writer, which writes exactly the entries it is given.
 */
import { inflateRawSync } from "node:zlib";
import { type Cell, type TabGrid, type WorkbookGrid } from "../../src/core/grid.js";
import { sampleGrid } from "../../src/demo/sample.js";
import { writeWorkbookGrid } from "../../src/local/xlsx-write.js";
import { packZip } from "../../src/local/zip-pack.js";
import { zipEntries } from "../../src/local/zip-entries.js";

export interface Part {
  name: string;
  data: Buffer;
}

/** Every entry of a .zip, inflated, in archive order. */
export function unpackAll(bytes: Uint8Array): Part[] {
  return zipEntries(bytes).map((entry) => {
    const raw = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    return { name: entry.name, data: entry.method === 0 ? Buffer.from(raw) : inflateRawSync(raw) };
  });
}

export const text = (part: Part): string => part.data.toString("utf8");

/** The sample as .xlsx, its parts edited by `edit` (which may add, drop, rename or duplicate parts). */
export async function editedSample(edit: (parts: Part[]) => Part[], grid = sampleGrid()): Promise<Buffer> {
  return packZip(edit(unpackAll(await writeWorkbookGrid(grid))));
}

/** The part name of the worksheet for a tab (the writer numbers sheets in grid order). */
export function sheetPart(grid: WorkbookGrid, title: string): string {
  const at = grid.tabs.findIndex((t) => t.title === title);
  if (at < 0) throw new Error(`no tab ${title}`);
  return `xl/worksheets/sheet${at + 1}.xml`;
}

export function partNamed(parts: Part[], name: string): Part {
  const found = parts.find((p) => p.name === name);
  if (!found) throw new Error(`no part ${name}`);
  return found;
}

/** Replaces text in one part; throws when the replacement changed nothing (a fixture that stopped being hostile). */
export function patchPart(parts: Part[], name: string, from: string | RegExp, to: string): Part[] {
  const part = partNamed(parts, name);
  const before = text(part);
  const after = before.replace(from, to);
  if (after === before) throw new Error(`patch changed nothing in ${name}`);
  part.data = Buffer.from(after, "utf8");
  return parts;
}

export function editTab(grid: WorkbookGrid, title: string, edit: (rows: Cell[][]) => void): WorkbookGrid {
  return {
    ...grid,
    tabs: grid.tabs.map((t): TabGrid => {
      if (t.title !== title) return t;
      const rows = t.rows.map((r) => [...r]);
      edit(rows);
      return { title: t.title, rows };
    }),
  };
}

/** `<row>`s of `cells` numeric cells each, as plain unprefixed worksheet XML rows. */
function manyCellRows(cells: number, prefix = ""): string {
  const perRow = 1000;
  const rows: string[] = [];
  for (let r = 0; r * perRow < cells; r++) {
    const n = Math.min(perRow, cells - r * perRow);
    rows.push(
      `<${prefix}row r="${r + 2}">${`<${prefix}c><${prefix}v>1</${prefix}v></${prefix}c>`.repeat(n)}</${prefix}row>`,
    );
  }
  return rows.join("");
}

/** Cells beyond the 1,500,000 cap (compressed, well under a megabyte). */
export const OVER_CAP_CELLS = 1_600_000;

/**
 * The plan tab's sheet part moved to `xl/data/plan.txt` (the relationship retargeted, the
 * content type declared for it), holding more cells than the cap allows.
 */
export async function capBypassByName(): Promise<Buffer> {
  const grid = sampleGrid();
  const name = sheetPart(grid, "План-факт");
  return editedSample((parts) => {
    const sheet = partNamed(parts, name);
    sheet.data = Buffer.from(
      text(sheet).replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${manyCellRows(OVER_CAP_CELLS)}</sheetData>`),
    );
    sheet.name = "xl/data/plan.txt";
    const file = name.split("/").pop()!;
    patchPart(parts, "xl/_rels/workbook.xml.rels", `Target="worksheets/${file}"`, 'Target="data/plan.txt"');
    patchPart(
      parts,
      "[Content_Types].xml",
      "<Default ",
      '<Override PartName="/xl/data/plan.txt" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Default ',
    );
    return parts;
  }, grid);
}

/** The plan tab's worksheet written with a namespace prefix on every tag (`<x:c>`), beyond the cap. */
export async function capBypassByPrefix(): Promise<Buffer> {
  const grid = sampleGrid();
  const name = sheetPart(grid, "План-факт");
  return editedSample((parts) => {
    const sheet = partNamed(parts, name);
    sheet.data = Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        `<x:sheetData>${manyCellRows(OVER_CAP_CELLS, "x:")}</x:sheetData></x:worksheet>`,
    );
    return parts;
  }, grid);
}

/** The plan sheet stored twice: first empty, then the real one (readers disagree on which counts). */
export async function duplicatedEntry(): Promise<Buffer> {
  const grid = sampleGrid();
  const name = sheetPart(grid, "План-факт");
  return editedSample((parts) => {
    const real = partNamed(parts, name);
    const empty: Part = {
      name,
      data: Buffer.from(text(real).replace(/<sheetData>[\s\S]*<\/sheetData>/, "<sheetData/>")),
    };
    parts.splice(parts.indexOf(real), 0, empty);
    return parts;
  }, grid);
}

/** A cell pointing at shared string 999,999 of a table that has a few hundred. */
export async function sharedStringOutOfRange(): Promise<Buffer> {
  const grid = sampleGrid();
  return editedSample(
    (parts) =>
      patchPart(
        parts,
        sheetPart(grid, "План-факт"),
        /<c r="B2"([^>]*)t="s"([^>]*)><v>\d+<\/v>/,
        '<c r="B2"$1t="s"$2><v>999999</v>',
      ),
    grid,
  );
}

/** An extra entry whose name climbs out of the archive (`../../…`) and one with backslashes. */
export async function traversalNames(kind: "dotdot" | "backslash" | "absolute"): Promise<Buffer> {
  const name = {
    dotdot: "../../../tmp/mip-evil.xml",
    backslash: "xl\\worksheets\\sheet1.xml",
    absolute: "/etc/mip-evil.xml",
  }[kind];
  return editedSample((parts) => [...parts, { name, data: Buffer.from("<x/>") }]);
}

/** The shared strings with a DTD declaring nested entities (the «billion laughs»). */
export async function entityBomb(): Promise<Buffer> {
  return editedSample((parts) => {
    const doctype =
      '<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' +
      '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>';
    return patchPart(parts, "xl/sharedStrings.xml", /(<\?xml[^>]*\?>)/, `$1${doctype}`);
  });
}

/** A rich-text run nested 100,000 levels deep inside one shared string. */
export async function deepNesting(): Promise<Buffer> {
  return editedSample((parts) =>
    patchPart(
      parts,
      "xl/sharedStrings.xml",
      "</sst>",
      `<si>${"<r>".repeat(100_000)}${"</r>".repeat(100_000)}</si></sst>`,
    ),
  );
}

/** An OpenDocument spreadsheet saved with the .xlsx extension. */
export function odsRenamed(): Buffer {
  return packZip([
    { name: "mimetype", data: Buffer.from("application/vnd.oasis.opendocument.spreadsheet") },
    { name: "content.xml", data: Buffer.from('<?xml version="1.0"?><office:document-content/>') },
    { name: "META-INF/manifest.xml", data: Buffer.from('<?xml version="1.0"?><manifest:manifest/>') },
  ]);
}

/** An encrypted workbook: Office wraps it in an OLE compound file (magic D0 CF 11 E0). */
export function encryptedWorkbook(): Buffer {
  const bytes = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
  bytes.write("EncryptedPackage", 1024, "utf16le");
  return bytes;
}

/** The sample (or `grid`) saved as a macro-enabled workbook: a VBA project and the .xlsm content type. */
export async function macroEnabled(grid = sampleGrid()): Promise<Buffer> {
  return editedSample((parts) => {
    patchPart(
      parts,
      "[Content_Types].xml",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
      "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    );
    return [
      ...parts,
      {
        name: "xl/vbaProject.bin",
        data: Buffer.from('Attribute VB_Name = "Module1"\nSub Auto_Open()\nShell "calc"\nEnd Sub'),
      },
    ];
  }, grid);
}

/** Indexes of the cell formats whose number format is a date (built-in 14–22 or a code with «yy»). */
function dateStyles(styles: string): Set<number> {
  const custom = new Map(
    [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
  );
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "";
  const ids = [...xfs.matchAll(/<xf\b[^>]*numFmtId="(\d+)"/g)].map((m) => m[1]!);
  return new Set(
    ids.flatMap((id, i) => ((Number(id) >= 14 && Number(id) <= 22) || /yy/i.test(custom.get(id) ?? "") ? [i] : [])),
  );
}

/** Days between the 1900 and the 1904 date systems' serial numbers for one day (ECMA-376 Part 1, §18.17.4.1). */
const DAYS_1900_TO_1904 = 1462;

/**
 * What other programs write: every shared string of the plan tab as an inline string, and
 * the 1904 date system (every date serial shifted to it), as a Mac workbook has them.
 */
export async function otherProgram(): Promise<Buffer> {
  const grid = sampleGrid();
  const plan = sheetPart(grid, "План-факт");
  return editedSample((parts) => {
    const strings = [...text(partNamed(parts, "xl/sharedStrings.xml")).matchAll(/<si>([\s\S]*?)<\/si>/g)].map(
      (m) => m[1]!,
    );
    const dates = dateStyles(text(partNamed(parts, "xl/styles.xml")));
    if (dates.size === 0) throw new Error("no date style in the sample");
    let shifted = 0;
    for (const sheet of parts.filter((p) => p.name.startsWith("xl/worksheets/sheet"))) {
      let xml = text(sheet).replace(
        /<c r="([A-Z]+\d+)" s="(\d+)"><v>([\d.]+)<\/v><\/c>/g,
        (whole, ref: string, style: string, value: string) => {
          if (!dates.has(Number(style))) return whole;
          shifted++;
          return `<c r="${ref}" s="${style}"><v>${Number(value) - DAYS_1900_TO_1904}</v></c>`;
        },
      );
      if (sheet.name === plan)
        xml = xml.replace(
          /<c r="([A-Z]+\d+)"([^>]*?) t="s"([^>]*)><v>(\d+)<\/v><\/c>/g,
          (_, ref: string, a: string, b: string, index: string) => {
            const inner = strings[Number(index)]!;
            return `<c r="${ref}"${a} t="inlineStr"${b}><is>${inner}</is></c>`;
          },
        );
      sheet.data = Buffer.from(xml);
    }
    if (shifted === 0) throw new Error("no date cell shifted");
    patchPart(parts, "xl/workbook.xml", /<workbookPr\b/, '<workbookPr date1904="1"');
    return parts;
  }, grid);
}
