/**
 * Hostile and careless workbooks, built from the sample project: what a committee collecting
 * files by e-mail meets. Each is small (the sample is ≈44 KB) and each once broke `mip`:
 * - mergeAll: one merge over the whole sheet (A10:XFD1048576), as «select all → merge»;
 * - dropdownAll: one dropdown over the whole sheet, as «select all → data validation»;
 * - numbers: «1 200», -5, a #REF! mentor, a pair without a subject, a duplicated pair;
 * - huge: counts of 1e308;
 * - escapes: a cell whose stored text is `_x001B_…` (an escape sequence once decoded), U+FFFE;
 * - longName: a 131-character organisation name.
 */
import JSZip from "jszip";
import { type Cell, type WorkbookGrid, errorCell } from "../../src/core/grid.js";
import { sampleGrid } from "../../src/demo/sample.js";
import { writeWorkbookGrid } from "../../src/local/xlsx-write.js";
import { editTab } from "../hostile/corpus.js";

export const PLAN_TITLE = "План-факт";

/** Replaces the worksheet XML of the tab at `tabIndex` (0-based order of the grid). */
export async function patchSheet(bytes: Buffer, tabIndex: number, patch: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const name = `xl/worksheets/sheet${tabIndex + 1}.xml`;
  const xml = await zip.file(name)!.async("string");
  const patched = patch(xml);
  if (patched === xml) throw new Error(`patch changed nothing in ${name}`);
  zip.file(name, patched);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

function tabIndex(grid: WorkbookGrid, title: string): number {
  return grid.tabs.findIndex((t) => t.title === title);
}

export function setField(grid: WorkbookGrid, label: string, value: Cell): WorkbookGrid {
  return editTab(grid, "Общие сведения", (rows) => {
    const row = rows.find((r) => r[0] === label);
    if (!row) throw new Error(`no field ${label}`);
    row[1] = value;
  });
}

/** The sample with one merge A10:XFD1048576 on «План-факт». */
export async function mergeAllWorkbook(): Promise<Buffer> {
  const grid = sampleGrid();
  return patchSheet(await writeWorkbookGrid(grid), tabIndex(grid, PLAN_TITLE), (xml) =>
    xml.replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="A10:XFD1048576"/></mergeCells>'),
  );
}

/** The sample with its «Статус» dropdown widened to the whole sheet A1:XFD1048576. */
export async function dropdownAllWorkbook(): Promise<Buffer> {
  const grid = sampleGrid();
  return patchSheet(await writeWorkbookGrid(grid), tabIndex(grid, PLAN_TITLE), (xml) =>
    xml.replace(/sqref="H2:H\d+"/, 'sqref="A1:XFD1048576"'),
  );
}

/** Column positions on «Наставничество» and «Участники» (src/core/schema.ts). */
const MENTOR = 1;
const SUBJECT = 3;
const COUNT = 1;

/**
 * The sample with the numbers people get wrong: Педагоги «1 200» (text), Родители -5,
 * the first mentor #REF!, the second pair without a subject, the third pair listed twice.
 */
export function numbersGrid(): WorkbookGrid {
  let grid = editTab(sampleGrid(), "Участники", (rows) => {
    rows[1]![COUNT] = "1 200";
    const parents = rows.find((r) => r[0] === "Родители")!;
    parents[COUNT] = -5;
  });
  grid = editTab(grid, "Наставничество", (rows) => {
    rows[1]![MENTOR] = errorCell("#REF!");
    rows[2]![SUBJECT] = null;
    rows.push([...rows[3]!]);
  });
  return grid;
}

/** Participant counts of 1e308 (a sum would be Infinity). */
export function hugeGrid(): WorkbookGrid {
  return editTab(sampleGrid(), "Участники", (rows) => {
    rows[1]![COUNT] = 1e308;
    rows[2]![COUNT] = 1e308;
  });
}

/** Raw text stored in the file for the problem cell: an OSC title sequence and a colour, escaped as OOXML does. */
export const ESCAPED_TITLE = "_x001B_]0;взлом_x0007__x001B_[31mКрасный_x001B_[0m";

/** The short organisation name as stored: U+FFFE (XML cannot carry it) and a right-to-left override. */
export const SHORT_NAME_STORED = "Школа_xFFFE_ № 1\u202eпв";

/** The sample with a plan status and a problem text holding `_x001B_` escapes and a U+FFFE in the short organisation name. */
export async function escapesWorkbook(): Promise<Buffer> {
  const withPlanMarker = editTab(sampleGrid(), PLAN_TITLE, (rows) => {
    rows[1]![7] = "MARKER-STATUS";
  });
  const grid = setField(
    editTab(withPlanMarker, "Затруднения", (rows) => {
      rows[1]![0] = "MARKER-ESCAPE";
    }),
    "Сокращённое наименование",
    "MARKER-FFFE",
  );
  const zip = await JSZip.loadAsync(await writeWorkbookGrid(grid));
  for (const name of Object.keys(zip.files)) {
    if (!name.endsWith(".xml")) continue;
    const xml = await zip.file(name)!.async("string");
    if (!xml.includes("MARKER-")) continue;
    zip.file(
      name,
      xml
        .replace("MARKER-ESCAPE", ESCAPED_TITLE)
        .replace("MARKER-STATUS", ESCAPED_TITLE)
        .replace("MARKER-FFFE", SHORT_NAME_STORED),
    );
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** A real-length organisation name: 131 characters (262 bytes in UTF-8). */
export const LONG_NAME =
  "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 12 с углублённым изучением отдельных предметов»".slice(
    0,
    131,
  );

export function longNameGrid(): WorkbookGrid {
  return setField(
    setField(sampleGrid(), "Сокращённое наименование", LONG_NAME),
    "Полное наименование организации",
    LONG_NAME,
  );
}
