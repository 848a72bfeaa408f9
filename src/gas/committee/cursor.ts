/**
 * Where a refresh stopped: one hidden service cell in Свод (next to «Ход обновления»), so a
 * menu run, a time trigger with or without a document context, and every committee member
 * see the same cursor. The committee spreadsheet's id for a trigger that runs without an
 * active spreadsheet is remembered in the user's properties.
 */
import type { RefreshCursor } from "../../core/committee/index.js";
import { readCursorCell, writeCursorCell } from "./dashboard.js";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const SPREADSHEET_KEY = "mip.committee.spreadsheetId";

/** The cursor from Свод; null when there is none or the cell was edited into something else. */
export function loadCursor(summary: Sheet): RefreshCursor | null {
  const raw = readCursorCell(summary);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as RefreshCursor;
    return value && typeof value.next === "number" && typeof value.total === "number" && value.next >= 0 ? value : null;
  } catch {
    return null;
  }
}

export function saveCursor(summary: Sheet, cursor: RefreshCursor | null): void {
  writeCursorCell(summary, cursor ? JSON.stringify(cursor) : "");
}

/** The committee spreadsheet a time trigger refreshes (a trigger may run without an active one). */
export function rememberCommitteeSpreadsheet(id: string): void {
  PropertiesService.getUserProperties().setProperty(SPREADSHEET_KEY, id);
}

export function committeeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet | null {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return active;
  const id = PropertiesService.getUserProperties().getProperty(SPREADSHEET_KEY);
  return id ? SpreadsheetApp.openById(id) : null;
}
