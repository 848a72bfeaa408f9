/** Reads the active workbook and runs the core validator on it (the same core as `mip validate`). */
import type { WorkbookGrid } from "../core/grid.js";
import { looksLikeMipWorkbook } from "../core/workbook.js";
import { type ValidationResult, validateWorkbook } from "../core/validate.js";
import { UserError } from "./errors.js";
import { readWorkbook } from "./read-sheets.js";

export interface Checked {
  readonly grid: WorkbookGrid;
  readonly result: ValidationResult;
}

function todayIn(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, timeZone: string = ss.getSpreadsheetTimeZone()): string {
  return Utilities.formatDate(new Date(), timeZone, "yyyy-MM-dd");
}

export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new UserError("Откройте таблицу МИП: дополнение работает внутри Google Таблицы.");
  return ss;
}

/**
 * `requireTemplate` (the default): a workbook without template tabs is an error with advice
 * (menu, report); the sidebar's first look instead shows every tab as missing, next to its
 * «create the template» hint.
 */
export function checkWorkbook(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, { requireTemplate = true } = {}): Checked {
  const grid = readWorkbook(ss);
  if (requireTemplate && !looksLikeMipWorkbook(grid))
    throw new UserError(
      "В этой таблице нет вкладок шаблона МИП. Выберите «МИП → Создать / обновить шаблон», чтобы создать их.",
    );
  return { grid, result: validateWorkbook(grid, { today: todayIn(ss) }) };
}
