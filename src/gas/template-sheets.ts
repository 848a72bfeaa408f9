/**
 * «Создать / обновить шаблон»: builds the template's tabs from TEMPLATE_LAYOUT (the same
 * layout `mip template` writes) and repairs an older or damaged workbook without losing a
 * single value or tab. Running it again on a good workbook changes nothing.
 *
 * Repair policy, per header cell of a template tab:
 * - the expected header (spelling variants folded)  → left alone;
 * - empty                                            → the header is written (a new column);
 * - another header of the same tab (columns moved)   → left alone and reported: moving
 *   columns would move the user's data, which the add-on never does;
 * - anything else (a renamed header)                 → the template header is restored in
 *   that cell only, the old text is kept in the cell's note, the data below is not touched.
 * Key-value tabs get missing labels appended at the end; existing rows are never moved.
 * A column a later template version added goes where it belongs, at the right end of the
 * older columns: when the user's own column stands there, a blank column is inserted before
 * it (core/upgrade.ts), so the user's column moves right whole with every value.
 */
import { fold } from "../core/fold.js";
import {
  type TabLayout,
  TABLE_VALIDATION_ROWS,
  TEMPLATE_LAYOUT,
  TEMPLATE_VERSION,
  charsToPixels,
} from "../core/template.js";
import { TABS, type TableTabDef } from "../core/schema.js";
import { a1, versionFromRangeName, versionRangeName } from "../core/schema-lookup.js";
import { planColumnInserts } from "../core/upgrade.js";
import { METADATA_KEYS, getSpreadsheetMetadata, setSpreadsheetMetadata } from "./properties.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const HEADER_PROTECTION = "МИП-отчёт: заголовки шаблона";
const HEADER_BACKGROUND = "#e8eaed";
/** The dropdowns' help text (also re-applied by the committee to the workbooks it creates). */
export const DROPDOWN_HELP =
  "Выберите значение из списка. Другое значение сохранится, но проверка покажет его как ошибку.";
const DATE_FORMAT = "dd.mm.yyyy";

export interface SetupResult {
  /** Tabs created, in order. */
  created: string[];
  /** Header cells restored: «Задачи!B1 (было «Задачи проекта»)». */
  repairedHeaders: string[];
  /** Key-value labels appended. */
  addedFields: string[];
  /** What the add-on would not fix by itself (moved columns). */
  conflicts: string[];
  /** The empty default tab removed from a brand-new spreadsheet, if any. */
  removedBlankTab: string | null;
  versionRecorded: boolean;
}

const textOf = (v: unknown): string => (v === null || v === undefined ? "" : String(v).trim());

function dropdownRule(values: readonly string[]): GoogleAppsScript.Spreadsheet.DataValidation {
  return SpreadsheetApp.newDataValidation()
    .requireValueInList([...values], true)
    .setAllowInvalid(true)
    .setHelpText(DROPDOWN_HELP)
    .build();
}

function protectHeader(sheet: Sheet, width: number): void {
  const ours = sheet
    .getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .some((p) => p.getDescription() === HEADER_PROTECTION);
  if (ours) return;
  sheet.getRange(1, 1, 1, width).protect().setWarningOnly(true).setDescription(HEADER_PROTECTION);
}

/** Number formats of a new table tab: outline numbers stay text («2.1» is not a date), dates print 05.03.2022. */
function applyFormats(sheet: Sheet, layout: TabLayout): void {
  const tab = TABS.find((t) => t.key === layout.key);
  if (!tab || tab.type !== "table") return;
  tab.columns.forEach((col, i) => {
    const format = col.kind === "outline" ? "@" : col.kind === "date" ? DATE_FORMAT : null;
    if (format) sheet.getRange(2, i + 1, TABLE_VALIDATION_ROWS, 1).setNumberFormat(format);
  });
}

function writeNewTab(sheet: Sheet, layout: TabLayout): void {
  const width = layout.headers.length;
  const values = [
    [...layout.headers],
    ...layout.body.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? "")),
  ];
  sheet.getRange(1, 1, values.length, width).setValues(values);
  const header = sheet.getRange(1, 1, 1, width);
  header.setFontWeight("bold").setBackground(HEADER_BACKGROUND);
  if (layout.notes.length > 0) {
    const notes = layout.headers.map((_, i) => layout.notes.find((n) => n.column === i)?.text ?? "");
    header.setNotes([notes]);
  }
  sheet.setFrozenRows(layout.frozenRows);
  layout.widths.forEach((w, i) => sheet.setColumnWidth(i + 1, charsToPixels(w)));
  applyFormats(sheet, layout);
  for (const d of layout.dropdowns)
    sheet.getRange(d.fromRow, d.column + 1, d.toRow - d.fromRow + 1, 1).setDataValidation(dropdownRule(d.values));
  protectHeader(sheet, width);
}

function repairHeaders(sheet: Sheet, layout: TabLayout, result: SetupResult): number[] {
  const width = layout.headers.length;
  const range = sheet.getRange(1, 1, 1, Math.max(width, sheet.getLastColumn()));
  const seen = range.getValues()[0]!.map(textOf);
  const notes = range.getNotes()[0]!;
  const expectedFolded = layout.headers.map(fold);
  const headers = seen.slice(0, width);
  const newNotes = notes.slice(0, width);
  const newColumns: number[] = [];
  let changed = false;
  layout.headers.forEach((expected, i) => {
    const current = seen[i] ?? "";
    if (fold(current) === fold(expected)) return;
    if (current === "") {
      headers[i] = expected;
      const hint = layout.notes.find((n) => n.column === i)?.text;
      if (hint && !newNotes[i]) newNotes[i] = hint;
      newColumns.push(i);
      if (seen.slice(0, i).some((h) => h !== "")) result.addedFields.push(`«${layout.title}»: столбец «${expected}»`);
      changed = true;
      return;
    }
    if (expectedFolded.includes(fold(current))) {
      result.conflicts.push(
        `«${layout.title}», ячейка ${a1(1, i)}: там стоит столбец «${current}», а по шаблону — ` +
          `«${expected}». Верните порядок столбцов вручную: данные автоматически не переносятся.`,
      );
      return;
    }
    headers[i] = expected;
    newNotes[i] = `${newNotes[i] ? `${newNotes[i]}\n` : ""}Прежний заголовок: «${current}»`;
    result.repairedHeaders.push(`«${layout.title}»!${a1(1, i)} (было «${current}»)`);
    changed = true;
  });
  if (changed) {
    const target = sheet.getRange(1, 1, 1, width);
    target.setValues([headers.map((h, i) => h ?? layout.headers[i]!)]);
    target.setNotes([newNotes.map((n) => n ?? "")]);
    target.setFontWeight("bold");
  }
  return newColumns;
}

function addMissingFields(sheet: Sheet, layout: TabLayout, result: SetupResult): void {
  const lastRow = sheet.getLastRow();
  const labels = new Set(
    lastRow > 0
      ? sheet
          .getRange(1, 1, lastRow, 1)
          .getValues()
          .map((r) => fold(textOf(r[0])))
      : [],
  );
  const missing = layout.body.map((row, i) => ({ row, i })).filter(({ row }) => !labels.has(fold(row[0] ?? "")));
  if (missing.length === 0) return;
  const start = Math.max(lastRow, 1) + 1;
  if (start + missing.length - 1 > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), start + missing.length - 1 - sheet.getMaxRows());
  sheet
    .getRange(start, 1, missing.length, 3)
    .setValues(missing.map(({ row }) => [row[0] ?? "", row[1] ?? "", row[2] ?? ""]));
  missing.forEach(({ row, i }, k) => {
    result.addedFields.push(`«${layout.title}»: ${row[0]}`);
    const dropdown = layout.dropdowns.find((d) => d.fromRow === i + 2);
    if (dropdown) sheet.getRange(start + k, 2).setDataValidation(dropdownRule(dropdown.values));
  });
}

/**
 * Blank columns inserted for the columns this version added (Sheet.insertColumnBefore:
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertcolumnbeforecolumnposition).
 */
function insertNewColumns(sheet: Sheet, layout: TabLayout, fromVersion: string | null, result: SetupResult): void {
  const tab = TABS.find((t) => t.key === layout.key);
  if (!tab || tab.type !== "table") return;
  const width = Math.max(sheet.getLastColumn(), 1);
  const headers = sheet.getRange(1, 1, 1, width).getValues()[0]!.map(textOf);
  for (const insert of planColumnInserts(tab as TableTabDef, headers, fromVersion)) {
    sheet.insertColumnBefore(insert.at + 1);
    result.addedFields.push(
      `«${layout.title}»: столбец «${insert.header}» ` +
        `(${a1(1, insert.at)}; ваши столбцы правее сдвинуты вместе с данными)`,
    );
  }
}

function repairTab(sheet: Sheet, layout: TabLayout, result: SetupResult, fromVersion: string | null = null): void {
  if (layout.kind === "table") insertNewColumns(sheet, layout, fromVersion, result);
  const newColumns = repairHeaders(sheet, layout, result);
  for (const column of newColumns) {
    sheet.setColumnWidth(column + 1, charsToPixels(layout.widths[column] ?? 20));
    for (const d of layout.dropdowns.filter((dd) => dd.column === column))
      sheet.getRange(d.fromRow, d.column + 1, d.toRow - d.fromRow + 1, 1).setDataValidation(dropdownRule(d.values));
  }
  if (layout.kind === "keyValue") addMissingFields(sheet, layout, result);
  if (sheet.getFrozenRows() < 1) sheet.setFrozenRows(1);
  protectHeader(sheet, layout.headers.length);
}

const BLANK_TAB = /^(Лист|Sheet)\s*\d+$/i;

export function setupTemplate(ss: Spreadsheet): SetupResult {
  const result: SetupResult = {
    created: [],
    repairedHeaders: [],
    addedFields: [],
    conflicts: [],
    removedBlankTab: null,
    versionRecorded: false,
  };
  const existing = new Map<string, Sheet>();
  for (const sheet of ss.getSheets()) {
    const key = fold(sheet.getName());
    if (!existing.has(key)) existing.set(key, sheet);
  }
  const untouched = existing.size;
  const fromVersion = recordedVersion(ss);
  let insertAt = 0;
  for (const layout of TEMPLATE_LAYOUT) {
    let sheet = existing.get(fold(layout.title));
    if (sheet) {
      repairTab(sheet, layout, result, fromVersion);
    } else {
      sheet = ss.insertSheet(layout.title, insertAt);
      writeNewTab(sheet, layout);
      result.created.push(layout.title);
    }
    insertAt = sheet.getIndex();
  }
  // A brand-new spreadsheet's empty «Лист1» is not the user's tab: remove it so the workbook is exactly the template.
  if (result.created.length === TEMPLATE_LAYOUT.length && untouched === 1) {
    const blank = ss.getSheets().find((s) => BLANK_TAB.test(s.getName()));
    if (blank && blank.getLastRow() === 0 && blank.getLastColumn() === 0) {
      result.removedBlankTab = blank.getName();
      ss.deleteSheet(blank);
    }
  }
  if (getSpreadsheetMetadata(ss, METADATA_KEYS.templateVersion) !== TEMPLATE_VERSION) {
    setSpreadsheetMetadata(ss, METADATA_KEYS.templateVersion, TEMPLATE_VERSION);
    result.versionRecorded = true;
  }
  if (recordVersionRange(ss)) result.versionRecorded = true;
  const first = ss.getSheets()[0];
  if (result.created.length === TEMPLATE_LAYOUT.length && first) first.activate();
  return result;
}

/** The version the workbook records (developer metadata, else the named range), null when none. */
function recordedVersion(ss: Spreadsheet): string | null {
  const meta = getSpreadsheetMetadata(ss, METADATA_KEYS.templateVersion);
  if (meta) return meta;
  for (const named of ss.getNamedRanges()) {
    const version = versionFromRangeName(named.getName());
    if (version !== null) return version;
  }
  return null;
}

/**
 * The version as a named range on «Общие сведения»!A1, which survives Google's .xlsx download
 * (developer metadata does not); names of other versions are removed. True when it changed.
 */
function recordVersionRange(ss: Spreadsheet): boolean {
  const wanted = versionRangeName();
  let present = false;
  let changed = false;
  for (const named of ss.getNamedRanges()) {
    const name = named.getName();
    if (name === wanted) present = true;
    else if (versionFromRangeName(name) !== null) {
      named.remove();
      changed = true;
    }
  }
  const anchor = ss.getSheetByName(TABS[0].title);
  if (!present && anchor) {
    ss.setNamedRange(wanted, anchor.getRange(1, 1));
    changed = true;
  }
  return changed;
}
