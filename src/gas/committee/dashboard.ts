/**
 * The Свод tab as refresh ports: one read of all rows at the start of a run, then ONE
 * setValues per school row (a row is never half-written: an interrupted run leaves the
 * previous row in place) plus its background colour. Every string goes through the
 * quote prefix, so text from a school can never become a formula.
 */
import {
  type StoredRow,
  type SummaryRow,
  SUMMARY_WIDTH,
  TONE_COLOURS,
  sheetsPlainRow,
  storedRowOf,
} from "../../core/committee/index.js";
import { CURSOR_COLUMN, PROGRESS_COLUMN } from "./tabs.js";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const FIRST_ROW = 2;

export function readStoredRows(sheet: Sheet): (StoredRow | null)[] {
  const last = sheet.getLastRow();
  if (last < FIRST_ROW) return [];
  const values = sheet.getRange(FIRST_ROW, 1, last - FIRST_ROW + 1, SUMMARY_WIDTH).getValues();
  return values.map((row) => storedRowOf(row));
}

/** Grows Свод so a registry of `schools` fits (Sheets refuses ranges past the last row). */
export function ensureSummaryRows(sheet: Sheet, schools: number): void {
  const needed = FIRST_ROW + schools - 1;
  const max = sheet.getMaxRows();
  if (needed > max) sheet.insertRowsAfter(max, needed - max);
}

export function writeSummaryRow(sheet: Sheet, index: number, row: SummaryRow): void {
  const range = sheet.getRange(FIRST_ROW + index, 1, 1, SUMMARY_WIDTH);
  range.setValues([sheetsPlainRow(row.values)]);
  range.setBackground(TONE_COLOURS[row.tone]);
}

export function clearSummaryRowsFrom(sheet: Sheet, index: number): void {
  const last = sheet.getLastRow();
  const first = FIRST_ROW + index;
  if (last < first) return;
  const range = sheet.getRange(first, 1, last - first + 1, SUMMARY_WIDTH);
  range.clearContent();
  range.setBackground(null);
}

export function writeProgress(sheet: Sheet, text: string): void {
  sheet.getRange(FIRST_ROW, PROGRESS_COLUMN).setValue(`'${text}`);
}

/** The cursor cell's text ("" when empty): one read per run. */
export function readCursorCell(sheet: Sheet): string {
  const value: unknown = sheet.getRange(FIRST_ROW, CURSOR_COLUMN).getValue();
  return typeof value === "string" ? value : "";
}

/** Writes the cursor cell as plain text (quote prefix), or empties it. */
export function writeCursorCell(sheet: Sheet, text: string): void {
  const cell = sheet.getRange(FIRST_ROW, CURSOR_COLUMN);
  if (text) cell.setValue(`'${text}`);
  else cell.clearContent();
}
