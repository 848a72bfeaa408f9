/**
 * Writes .xlsx files with exceljs: the template (blank or with the sample project), any
 * WorkbookGrid, and — through writeSheets — other tabular outputs such as the committee
 * dashboard.
 *
 * Text is always written as a plain string value. exceljs only writes a formula when the
 * value is an object with `formula`; a string such as "=HYPERLINK(...)" or "+cmd" is stored
 * as a shared string and never evaluated (test/xlsx.test.ts checks this), so nothing a
 * school typed can turn into a formula in a file we produce.
 *
 * The header row is not protected in .xlsx: Excel protection can only forbid edits, not
 * warn (Sheets' «показывать предупреждение»), and a locked sheet would stop people adding
 * rows. A changed header is reported by the validator (TPL_HEADER_MISMATCH) instead.
 */
import ExcelJS from "exceljs";
import { type Cell, type WorkbookGrid, isDateCell, isErrorCell } from "../core/grid.js";
import { blankTemplateGrid, sampleGrid } from "../demo/sample.js";
import { TEMPLATE_LAYOUT, TEMPLATE_VERSION, type TabLayout } from "../core/template.js";
import { repack } from "./zip-pack.js";

/** Workbook-level defined name holding the template version (a constant, not a range). */
export const VERSION_NAME = "MIP_TEMPLATE_VERSION";

/** Excel refuses cells longer than this; longer text is cut with «…» (documented limit). */
export const EXCEL_MAX_CELL_CHARS = 32767;

const DATE_FORMAT = "dd.mm.yyyy";

interface SheetDropdown {
  /** 0-based column. */
  readonly column: number;
  /** 1-based rows, inclusive. */
  readonly fromRow: number;
  readonly toRow: number;
  readonly values: readonly string[];
}

export interface SheetSpec {
  readonly title: string;
  /** rows[0] is sheet row 1. */
  readonly rows: readonly (readonly Cell[])[];
  /** Bold, frozen first row (default true). */
  readonly headerRow?: boolean;
  /** Column widths in characters. */
  readonly widths?: readonly number[];
  readonly dropdowns?: readonly SheetDropdown[];
  /** Notes on header cells (0-based column). */
  readonly headerNotes?: readonly { readonly column: number; readonly text: string }[];
  /** Wrap text in every data cell (long Russian sentences). */
  readonly wrap?: boolean;
  /** Number formats per 0-based column, e.g. "0%" for shares. */
  readonly numberFormats?: Readonly<Record<number, string>>;
  /** Optional fill colours (ARGB, e.g. "FFFFE0E0") per 1-based row, for dashboards. */
  readonly rowFills?: Readonly<Record<number, string>>;
  /** Fill colours (ARGB) of single cells by 1-based row and 0-based column: «row:column» → colour. */
  readonly cellFills?: Readonly<Record<string, string>>;
  /** Extra styling hook: column indexes of key-value hints shown greyed. */
  readonly mutedColumns?: readonly number[];
}

export interface WriteOptions {
  /** Recorded as the workbook's MIP_TEMPLATE_VERSION defined name. */
  readonly templateVersion?: string | null;
  readonly creator?: string;
}

function isoToUtcDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
}

function clampText(text: string): string {
  return text.length > EXCEL_MAX_CELL_CHARS ? `${text.slice(0, EXCEL_MAX_CELL_CHARS - 1)}…` : text;
}

function setCell(target: ExcelJS.Cell, cell: Cell): void {
  if (cell === null || cell === undefined) return;
  if (typeof cell === "string") {
    if (cell !== "") target.value = clampText(cell);
  } else if (typeof cell === "number") {
    if (Number.isFinite(cell)) target.value = cell;
  } else if (typeof cell === "boolean") {
    target.value = cell;
  } else if (isDateCell(cell)) {
    target.value = isoToUtcDate(cell.iso);
    target.numFmt = DATE_FORMAT;
  } else if (isErrorCell(cell)) {
    target.value = { error: cell.code } as ExcelJS.CellErrorValue;
  }
}

function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec): void {
  const header = spec.headerRow ?? true;
  const ws = wb.addWorksheet(safeSheetName(spec.title), {
    views: header ? [{ state: "frozen", ySplit: 1, xSplit: 0 }] : [],
  });
  spec.widths?.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  spec.rows.forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    cells.forEach((cell, c) => setCell(row.getCell(c + 1), cell));
    if (header && r === 0) {
      row.font = { bold: true };
      row.alignment = { vertical: "middle", wrapText: true };
    } else if (spec.wrap) {
      row.alignment = { vertical: "top", wrapText: true };
    }
    const fill = spec.rowFills?.[r + 1];
    if (fill) row.eachCell((c) => (c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } }));
  });
  for (const [at, argb] of Object.entries(spec.cellFills ?? {})) {
    const [r, c] = at.split(":").map(Number);
    ws.getCell(r!, c! + 1).fill = { type: "pattern", pattern: "solid", fgColor: { argb } };
  }
  for (const [col, fmt] of Object.entries(spec.numberFormats ?? {})) ws.getColumn(Number(col) + 1).numFmt = fmt;
  for (const col of spec.mutedColumns ?? []) {
    for (let r = 2; r <= spec.rows.length; r++)
      ws.getCell(r, col + 1).font = { italic: true, color: { argb: "FF6B6B6B" } };
  }
  for (const note of spec.headerNotes ?? []) ws.getCell(1, note.column + 1).note = note.text;
  for (const dd of spec.dropdowns ?? []) {
    const col = ws.getColumn(dd.column + 1).letter;
    const range = dd.fromRow === dd.toRow ? `${col}${dd.fromRow}` : `${col}${dd.fromRow}:${col}${dd.toRow}`;
    (
      ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }
    ).dataValidations.add(range, {
      type: "list",
      allowBlank: true,
      formulae: [`"${dd.values.join(",")}"`],
      showErrorMessage: true,
      errorStyle: "warning",
      errorTitle: "Значение не из списка",
      error: "Выберите значение из списка. Если оставить своё, проверка покажет его как ошибку.",
    });
  }
}

/** Sheet titles: Excel forbids []:*?/\ and more than 31 characters. */
export function safeSheetName(title: string): string {
  const cleaned = title.replace(/[[\]:*?/\\]/g, " ").trim() || "Лист";
  return cleaned.slice(0, 31);
}

/** Adds the template version as a workbook-level constant name (exceljs only writes ranges). */
function versionEdit(version: string): (xml: string) => string {
  const safe = version.replace(/[^0-9A-Za-z._-]/g, "");
  const entry = `<definedName name="${VERSION_NAME}">"${safe}"</definedName>`;
  return (xml) =>
    xml.includes("<definedNames>")
      ? xml.replace("<definedNames>", `<definedNames>${entry}`)
      : xml.replace("</sheets>", `</sheets><definedNames>${entry}</definedNames>`);
}

/** Generic writer: one worksheet per spec, in order. Returns the .xlsx bytes. */
export async function writeSheets(sheets: readonly SheetSpec[], options: WriteOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = options.creator ?? "МИП-отчёт";
  wb.created = new Date(0);
  wb.modified = new Date(0);
  for (const spec of sheets) addSheet(wb, spec);
  // Stored, not deflated: repack deflates once, natively.
  const buffer = new Uint8Array(
    await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } } as ExcelJS.XlsxWriteOptions),
  );
  // Every part XML-safe (a cell with U+FFFE or a control character would make Excel refuse the file), packed with zlib.
  return repack(buffer, options.templateVersion ? { "xl/workbook.xml": versionEdit(options.templateVersion) } : {});
}

/** The sheet spec of one template tab filled with the grid's rows (layout from the schema). */
function templateSheet(layout: TabLayout, rows: readonly (readonly Cell[])[]): SheetSpec {
  return {
    title: layout.title,
    rows,
    headerRow: true,
    widths: layout.widths,
    dropdowns: layout.dropdowns,
    headerNotes: layout.notes,
    wrap: true,
    mutedColumns: layout.kind === "keyValue" ? [2] : [],
  };
}

/**
 * Writes a workbook grid; tabs the template knows get its widths, dropdowns and notes,
 * other tabs are written plainly.
 */
export async function writeWorkbookGrid(grid: WorkbookGrid): Promise<Buffer> {
  const sheets = grid.tabs.map((tab) => {
    const layout = TEMPLATE_LAYOUT.find((l) => l.title === tab.title);
    return layout ? templateSheet(layout, tab.rows) : { title: tab.title, rows: tab.rows };
  });
  return writeSheets(sheets, { templateVersion: grid.templateVersion ?? TEMPLATE_VERSION });
}

/** The template as .xlsx: blank, or filled with the sample project. */
export async function writeTemplate(options: { sample?: boolean } = {}): Promise<Buffer> {
  return writeWorkbookGrid(options.sample ? sampleGrid() : blankTemplateGrid());
}
