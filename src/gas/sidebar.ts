/** The sidebar: the built Sidebar.html (from sidebar/) and the server functions it calls. */
import type { ReportOutcome, SidebarState } from "../api.js";
import { activeSpreadsheet, checkWorkbook } from "./check.js";
import { UserError } from "./errors.js";
import { countWithNoun } from "../core/russian.js";
import { MARKS_BUSY, MARKS_LOCK_WAIT_MS, markWorkbook } from "./marks.js";
import { underDocumentLock } from "./document-lock.js";
import { KEYS, propertySnapshot, stampChange } from "./properties.js";
import { generateReport, lastReport } from "./report.js";
import { sidebarState } from "./state.js";
import { layoutChange, parseLayout } from "./tab-layout.js";

const SIDEBAR_TITLE = "МИП-отчёт";

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile("Sidebar").setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}

/**
 * Validation for the sidebar. `markCells`: an explicit check («Проверить»), which also refreshes
 * the marks in the sheet and, having nothing to mark without them, needs the template tabs.
 */
export function currentState({ markCells }: { markCells: boolean }): SidebarState {
  const ss = activeSpreadsheet();
  // One read of the document properties, before validating: an edit made during the check moves
  // the stamp on, so the next poll re-reads.
  const props = PropertiesService.getDocumentProperties();
  const all = props.getProperties();
  const stored = propertySnapshot(all);
  const stamp = stored.getProperty(KEYS.editStamp) ?? "";
  const { result, layout, sheets } = checkWorkbook(ss, { requireTemplate: markCells });
  // This read by name is what the report's read by position relies on (tab-layout.ts).
  const layoutUpdate = layoutChange(parseLayout(all[KEYS.tabLayout]), layout);
  if (Object.keys(layoutUpdate).length > 0) props.setProperties(layoutUpdate);
  if (markCells) {
    underDocumentLock(
      MARKS_LOCK_WAIT_MS,
      () => {
        throw new UserError(MARKS_BUSY);
      },
      // The tabs and titles the check has just read: none is asked its name again.
      () =>
        markWorkbook(
          ss,
          result.issues,
          sheets.map((sheet, position) => ({ sheet, title: layout.titles[position]! })),
          props,
        ),
    );
    // A check is a moment the committee should see the workbook as it is now.
    stampChange(ss);
  }
  return sidebarState(result, lastReport(stored), new Date().toISOString(), stamp);
}

/** Shows a finding: activates its tab and selects its cell (or the tab's first cell). */
export function selectCell(sheetTitle: string, cell: string | null): void {
  const ss = activeSpreadsheet();
  const sheet = ss.getSheetByName(sheetTitle);
  if (!sheet)
    throw new UserError(`Вкладки «${sheetTitle}» нет в таблице. Выполните «МИП → Создать / обновить шаблон».`);
  const at = cell ? cellPosition(cell) : null;
  // Outside the grid, getRange fails with Google's English text; the limits are the sheet's own
  // (https://developers.google.com/apps-script/reference/spreadsheet/sheet#getmaxrows).
  if (at && (at.row > sheet.getMaxRows() || at.column > sheet.getMaxColumns()))
    throw new UserError(
      `Ячейки ${cell!.toUpperCase()} нет на вкладке «${sheetTitle}»: в ней ` +
        `${countWithNoun(sheet.getMaxRows(), ["строка", "строки", "строк"])} и ` +
        `${countWithNoun(sheet.getMaxColumns(), ["столбец", "столбца", "столбцов"])}. Проверьте таблицу заново.`,
    );
  sheet.activate();
  if (at) ss.setActiveRange(sheet.getRange(at.row, at.column));
}

/** «B7» → row 7, column 2; null for anything that is not one cell's A1 address. */
function cellPosition(a1: string): { row: number; column: number } | null {
  const m = /^([A-Z]{1,3})(\d{1,7})$/i.exec(a1);
  if (!m) return null;
  const column = [...m[1]!.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), column };
}

export function reportFromSidebar(): ReportOutcome {
  return generateReport(activeSpreadsheet());
}
