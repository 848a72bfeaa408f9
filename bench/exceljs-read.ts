/**
 * The former reader (exceljs), kept only so the benchmark can compare it with the SheetJS
 * reader on the same files (`npm run bench`: section xlsx). Not used by `mip`.
 * It expands merges and validation ranges cell by cell: do not use it on untrusted files.
 *
 * Reads an .xlsx file into the neutral WorkbookGrid with exceljs.
 *
 * - Date cells become calendar dates. exceljs turns a date serial into a UTC Date, so the
 *   UTC calendar day is the typed day (no local time zone shift).
 * - Formula cells give their cached result (a number, text, date or error); a formula
 *   that was never calculated gives an empty cell.
 * - Rich text is joined, hyperlinks give their visible text, errors become ErrorCell.
 * - Merged cells: only the top-left (master) cell carries the value; the other cells of the
 *   merge are empty. Repeating the master value would invent rows in table tabs (a merged
 *   «Этап» cell over five plan rows is one stage, not five), so it is not done.
 * - Rows keep their sheet numbers (empty rows inside stay as empty arrays); trailing empty
 *   cells and rows are dropped.
 * - The template version is the workbook constant MIP_TEMPLATE_VERSION (see xlsx-write.ts).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { type Cell, type TabGrid, type WorkbookGrid, dateCell, errorCell } from "../src/core/grid.js";
import { versionFromRangeName } from "../src/core/schema-lookup.js";
import { UnusableInputError } from "../src/local/errors.js";
import { VERSION_NAME } from "../src/local/xlsx-write.js";

const ZIP_MAGIC = [0x50, 0x4b];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(buf: Buffer, magic: readonly number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

function dateToIso(date: Date): string | null {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return null;
  // Times of day (and float noise in serials) must not move the day: round to the nearest minute first.
  return new Date(Math.round(ms / 60000) * 60000).toISOString().slice(0, 10);
}

type RawValue = ExcelJS.CellValue | { text?: unknown; richText?: { text: string }[] } | undefined;

function richTextOf(value: { richText?: { text: string }[] }): string {
  return (value.richText ?? []).map((run) => run.text ?? "").join("");
}

/** exceljs cell value → neutral Cell. */
export function toCell(value: RawValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value;
  if (value instanceof Date) {
    const iso = dateToIso(value);
    return iso ? dateCell(iso) : null;
  }
  if (typeof value !== "object") return String(value);
  const obj = value as Record<string, unknown>;
  if (typeof obj.error === "string") return errorCell(obj.error);
  if ("formula" in obj || "sharedFormula" in obj) {
    return "result" in obj ? toCell(obj.result as RawValue) : null;
  }
  if (Array.isArray(obj.richText)) return richTextOf(obj as { richText: { text: string }[] });
  if ("text" in obj) {
    const text = obj.text;
    if (typeof text === "string") return text;
    if (text && typeof text === "object") return toCell(text as RawValue);
    return null;
  }
  return null;
}

function readSheet(ws: ExcelJS.Worksheet): TabGrid {
  const rows: Cell[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const isSlave = cell.isMerged && cell.master !== cell;
      const value = isSlave ? null : toCell(cell.value as RawValue);
      if (value !== null && value !== "") {
        while (cells.length < colNumber - 1) cells.push(null);
        cells[colNumber - 1] = value;
      }
    });
    if (cells.length > 0) {
      while (rows.length < rowNumber - 1) rows.push([]);
      rows[rowNumber - 1] = cells;
    }
  });
  return { title: ws.name, rows };
}

/** The version constant from xl/workbook.xml, or null. */
async function readVersion(zip: JSZip): Promise<string | null> {
  const file = zip.file("xl/workbook.xml");
  if (!file) return null;
  const xml = await file.async("string");
  const match = new RegExp(`<definedName[^>]*name="${VERSION_NAME}"[^>]*>"?([^"<]*)"?</definedName>`).exec(xml);
  if (match?.[1]?.trim()) return match[1].trim();
  // A workbook downloaded from Google Sheets carries the add-on's named range «MIP_TEMPLATE_V1».
  for (const named of xml.matchAll(/<definedName[^>]*\bname="([^"]+)"/g)) {
    const version = versionFromRangeName(named[1]!);
    if (version !== null) return version;
  }
  return null;
}

/** Reads .xlsx bytes. Throws UnusableInputError (never anything else) for unreadable input. */
export async function readXlsx(buffer: Buffer, fileLabel = "Файл"): Promise<WorkbookGrid> {
  if (buffer.length === 0) throw new UnusableInputError(`${fileLabel} пуст — это не таблица .xlsx.`);
  if (startsWith(buffer, OLE_MAGIC))
    throw new UnusableInputError(
      `${fileLabel} — в старом формате .xls или защищён паролем. ` +
        `Откройте его и сохраните как «Книга Excel (.xlsx)» без пароля.`,
    );
  if (!startsWith(buffer, ZIP_MAGIC))
    throw new UnusableInputError(
      `${fileLabel} — не таблица .xlsx. Скачайте таблицу из Google Таблиц: Файл → Скачать → Microsoft Excel (.xlsx).`,
    );
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch {
    throw new UnusableInputError(`${fileLabel} повреждён: архив .xlsx не читается. Скачайте таблицу заново.`);
  }
  if (!zip.file("xl/workbook.xml")) {
    const isDocx = Boolean(zip.file("word/document.xml"));
    throw new UnusableInputError(
      isDocx
        ? `${fileLabel} — документ Word, а нужна таблица .xlsx.`
        : `${fileLabel} — архив, но не таблица .xlsx (нет книги Excel внутри).`,
    );
  }
  const templateVersion = await readVersion(zip).catch(() => null);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new UnusableInputError(`${fileLabel} повреждён: таблица внутри не читается. Скачайте таблицу заново.`);
  }
  const tabs: TabGrid[] = [];
  wb.eachSheet((ws) => {
    tabs.push(readSheet(ws));
  });
  return { tabs, templateVersion };
}
