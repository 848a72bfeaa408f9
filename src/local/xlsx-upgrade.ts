/**
 * `mip template --upgrade`: an older workbook brought to this template version as a NEW
 * file; the input is only read. The workbook is loaded with exceljs and changed in place, so
 * what the user made survives: their extra tabs and columns, formats, widths, notes. The
 * changes are only additions, planned by core/upgrade.ts exactly as the add-on's «Создать /
 * обновить шаблон» makes them: missing tabs, the headers of new columns (a blank column is
 * inserted where the user's own column stands in the new column's place), missing
 * key-value labels at the end, dropdowns for the new lists, and the version record.
 */
import ExcelJS from "exceljs";
import { fold } from "../core/fold.js";
import { tabTitleKey } from "../core/tab-title.js";
import { type TableTabDef, TABS, TEMPLATE_VERSION } from "../core/schema.js";
import { versionFromRangeName } from "../core/schema-lookup.js";
import { type TabLayout, TEMPLATE_LAYOUT } from "../core/template.js";
import { planColumnInserts } from "../core/upgrade.js";
import { EXCEL_MAX_CELL_CHARS, VERSION_NAME, safeSheetName } from "./xlsx-write.js";
import type { WorkbookGrid } from "../core/grid.js";
import { a1 } from "../core/schema-lookup.js";
import { UnusableInputError, readXlsx } from "./xlsx-read.js";
import { oversizedRange } from "./xlsx-ranges.js";
import { repack } from "./zip-pack.js";
import { looksLikeMipWorkbook } from "../core/workbook.js";

export interface UpgradeResult {
  readonly bytes: Buffer;
  /** The version the input recorded (null: none). */
  readonly fromVersion: string | null;
  /** What was added, in Russian, one line each. */
  readonly changes: readonly string[];
}

const text = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && "richText" in value)
    return value.richText
      .map((r) => r.text)
      .join("")
      .trim();
  if (typeof value === "object" && "text" in value) return String(value.text).trim();
  return String(value).trim();
};

type Validations = { add(address: string, v: ExcelJS.DataValidation): void };

function addDropdown(
  ws: ExcelJS.Worksheet,
  column: number,
  fromRow: number,
  toRow: number,
  values: readonly string[],
): void {
  const letter = ws.getColumn(column).letter;
  const range = fromRow === toRow ? `${letter}${fromRow}` : `${letter}${fromRow}:${letter}${toRow}`;
  (ws as unknown as { dataValidations: Validations }).dataValidations.add(range, {
    type: "list",
    allowBlank: true,
    formulae: [`"${values.join(",")}"`],
    showErrorMessage: true,
    errorStyle: "warning",
    errorTitle: "Значение не из списка",
    error: "Выберите значение из списка. Если оставить своё, проверка покажет его как ошибку.",
  });
}

function writeHeader(ws: ExcelJS.Worksheet, layout: TabLayout, i: number): void {
  const cell = ws.getCell(1, i + 1);
  cell.value = layout.headers[i]!;
  cell.font = { bold: true };
  cell.alignment = { vertical: "middle", wrapText: true };
  const note = layout.notes.find((n) => n.column === i);
  if (note) cell.note = note.text;
  ws.getColumn(i + 1).width = layout.widths[i] ?? 20;
  for (const d of layout.dropdowns.filter((dd) => dd.column === i))
    addDropdown(ws, i + 1, d.fromRow, d.toRow, d.values);
}

function newTab(wb: ExcelJS.Workbook, layout: TabLayout): void {
  const ws = wb.addWorksheet(safeSheetName(layout.title), { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
  layout.headers.forEach((_, i) => writeHeader(ws, layout, i));
  layout.body.forEach((row, r) => row.forEach((value, c) => value !== "" && (ws.getCell(r + 2, c + 1).value = value)));
  for (const d of layout.dropdowns.filter((dd) => layout.kind === "keyValue" && dd.column === 1))
    addDropdown(ws, 2, d.fromRow, d.toRow, d.values);
}

function upgradeTable(ws: ExcelJS.Worksheet, layout: TabLayout, fromVersion: string | null, changes: string[]): void {
  const tab = TABS.find((t) => t.key === layout.key) as TableTabDef;
  const width = Math.max(ws.columnCount, layout.headers.length);
  const headers = Array.from({ length: width }, (_, i) => text(ws.getCell(1, i + 1).value));
  for (const insert of planColumnInserts(tab, headers, fromVersion)) {
    ws.spliceColumns(insert.at + 1, 0, []);
    changes.push(
      `«${layout.title}»: вставлен столбец «${insert.header}»; ваши столбцы правее сдвинуты вместе с данными`,
    );
  }
  layout.headers.forEach((header, i) => {
    if (text(ws.getCell(1, i + 1).value) !== "") return;
    writeHeader(ws, layout, i);
    changes.push(`«${layout.title}»: добавлен столбец «${header}»`);
  });
}

function upgradeKeyValue(ws: ExcelJS.Worksheet, layout: TabLayout, changes: string[]): void {
  const labels = new Set<string>();
  ws.eachRow((row) => labels.add(fold(text(row.getCell(1).value))));
  let next = Math.max(ws.actualRowCount, ws.rowCount, 1) + 1;
  layout.body.forEach((row, i) => {
    if (labels.has(fold(row[0] ?? ""))) return;
    row.forEach((value, c) => value !== "" && (ws.getCell(next, c + 1).value = value));
    ws.getRow(next).alignment = { vertical: "top", wrapText: true };
    const dropdown = layout.dropdowns.find((d) => d.fromRow === i + 2);
    if (dropdown) addDropdown(ws, 2, next, next, dropdown.values);
    changes.push(`«${layout.title}»: добавлено поле «${row[0]}»`);
    next++;
  });
}

/** The version constant replaces any version record (constant or «MIP_TEMPLATE_V…» name) of the old file. */
async function recordVersion(buffer: Buffer): Promise<Buffer> {
  // Every part XML-safe and packed with zlib, as every file mip writes (zip-pack.ts).
  return repack(buffer, {
    "xl/workbook.xml": (source) => {
      let xml = source.replace(
        /<definedName\b[^>]*\bname="([^"]+)"[^>]*>[^<]*<\/definedName>/g,
        (whole, name: string) => (name === VERSION_NAME || versionFromRangeName(name) !== null ? "" : whole),
      );
      xml = xml.replace(/<definedNames>\s*<\/definedNames>|<definedNames\/>/g, "");
      const entry = `<definedName name="${VERSION_NAME}">"${TEMPLATE_VERSION}"</definedName>`;
      return xml.includes("<definedNames>")
        ? xml.replace("<definedNames>", `<definedNames>${entry}`)
        : xml.replace("</sheets>", `</sheets><definedNames>${entry}</definedNames>`);
    },
  });
}

/** The first cell holding more text than an Excel cell can (Excel refuses or cuts such a file), or null. */
function overlongCell(grid: WorkbookGrid): { tab: string; ref: string; length: number } | null {
  for (const tab of grid.tabs)
    for (let r = 0; r < tab.rows.length; r++) {
      const row = tab.rows[r] ?? [];
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (typeof cell === "string" && cell.length > EXCEL_MAX_CELL_CHARS)
          return { tab: tab.title, ref: a1(r + 1, c), length: cell.length };
      }
    }
  return null;
}

const ruInt = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");

/** The upgraded workbook's bytes. Throws UnusableInputError (from readXlsx) for input that is not a readable .xlsx. */
export async function upgradeXlsx(input: Buffer, fileLabel = "Файл"): Promise<UpgradeResult> {
  const grid = await readXlsx(input, fileLabel);
  if (!looksLikeMipWorkbook(grid))
    throw new UnusableInputError(
      `${fileLabel} — не таблица МИП: в нём нет вкладок шаблона. Обновить можно только таблицу, сделанную по шаблону.`,
    );
  const fromVersion = grid.templateVersion ?? null;
  // Copying such a cell would write a file Excel cannot open whole; cutting it would change the user's text.
  const overlong = overlongCell(grid);
  if (overlong)
    throw new UnusableInputError(
      `${fileLabel}: в ячейке ${overlong.ref} вкладки «${overlong.tab}» ${ruInt(overlong.length)} знаков, а ячейка ` +
        `Excel вмещает не больше ${ruInt(EXCEL_MAX_CELL_CHARS)}. Сократите этот текст или перенесите его в документ и повторите.`,
    );
  const huge = oversizedRange(input);
  if (huge)
    throw new UnusableInputError(
      `${fileLabel}: ${huge.kind === "merge" ? "объединение ячеек" : "выпадающий список"} ${huge.ref} ` +
        `охватывает почти весь лист — такую таблицу нельзя обновить, не разворачивая миллионы ` +
        `ячеек. ${huge.kind === "merge" ? "Отмените это объединение" : "Сузьте этот список до столбца с данными"} ` +
        `и повторите.`,
    );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(input as unknown as ExcelJS.Buffer);
  const changes: string[] = [];
  for (const layout of TEMPLATE_LAYOUT) {
    // Of several tabs answering to the title, the one the validator reads: the most filled rows.
    const ws = wb.worksheets
      .filter((w) => tabTitleKey(w.name) === tabTitleKey(layout.title))
      .reduce<ExcelJS.Worksheet | undefined>(
        (best, w) => (!best || w.actualRowCount > best.actualRowCount ? w : best),
        undefined,
      );
    if (!ws) {
      newTab(wb, layout);
      changes.push(`добавлена вкладка «${layout.title}»`);
    } else if (layout.kind === "table") upgradeTable(ws, layout, fromVersion, changes);
    else upgradeKeyValue(ws, layout, changes);
  }
  const written = Buffer.from(await wb.xlsx.writeBuffer());
  return { bytes: await recordVersion(written), fromVersion, changes };
}
