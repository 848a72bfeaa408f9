/**
 * Where a refresh stopped: one hidden service cell in Свод (next to «Ход обновления»), so a
 * menu run, a time trigger with or without a document context, and every committee member
 * see the same cursor. The committee spreadsheet's id for a trigger that runs without an
 * active spreadsheet is remembered in the user's properties.
 */
import { type RefreshCursor, missingScope, missingScopeText } from "../../core/committee/index.js";
import { UserError } from "../errors.js";
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

/**
 * The active spreadsheet, else (a time trigger of a published add-on runs without one) the
 * remembered committee spreadsheet by id. openById needs the full `spreadsheets` scope, which
 * the manifest deliberately does not request: in the documented container-bound deployment
 * the active spreadsheet is always there; otherwise the refusal becomes a clear message.
 */
export function committeeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet | null {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return active;
  const id = PropertiesService.getUserProperties().getProperty(SPREADSHEET_KEY);
  if (!id) return null;
  try {
    return SpreadsheetApp.openById(id);
  } catch (error) {
    const scope = missingScope(error);
    if (scope === null) throw error;
    throw new UserError(
      `Обновление по расписанию не может открыть таблицу комитета: ${missingScopeText(scope)} ` +
        `(дополнение запрашивает доступ только к открытой таблице). Обновляйте ` +
        `свод из меню или установите скрипт в таблицу комитета, как описано в README.`,
    );
  }
}
