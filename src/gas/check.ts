/** Reads the active workbook and runs the core validator on it (the same core as `mip validate`). */
import type { WorkbookGrid } from "../core/grid.js";
import { looksLikeMipWorkbook } from "../core/workbook.js";
import { type ValidationResult, validateWorkbook } from "../core/validate.js";
import { UserError } from "./errors.js";
import { readWorkbook, tabFromValues, zoneClock } from "./read-sheets.js";
import { type TabLayout, datesAtMidnight, layoutOf, readByLayout } from "./tab-layout.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface Checked {
  readonly grid: WorkbookGrid;
  readonly result: ValidationResult;
  /** Where the tabs are now (tab-layout.ts): what the next read by position relies on. */
  readonly layout: TabLayout;
  /** The tabs as read, by position (their titles are the layout's). */
  readonly sheets: readonly Sheet[];
  /** Today in the spreadsheet's time zone (ISO), as the check used it. */
  readonly today: string;
}

export function activeSpreadsheet(): Spreadsheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new UserError("Откройте таблицу МИП: дополнение работает внутри Google Таблицы.");
  return ss;
}

interface Read {
  readonly grid: WorkbookGrid;
  readonly today: string;
  readonly layout: TabLayout;
}

/** Every tab by name: the zone (one call), today and the offset (one call), then the tabs. */
function readFully(
  ss: Spreadsheet,
  sheets: readonly Sheet[],
  already?: ReadonlyMap<number, readonly unknown[][]>,
  timeZone: string = ss.getSpreadsheetTimeZone(),
): Read {
  const clock = zoneClock(timeZone);
  const { grid } = readWorkbook(ss, clock.offsetMinutes, sheets, already);
  return { grid, today: clock.today, layout: layoutOf(grid.tabs, timeZone) };
}

/**
 * The template tabs by their remembered positions, in the remembered zone; the full read
 * (keeping what was read) when the layout no longer holds, and the spreadsheet's zone when the
 * dates read say the zone may have changed (tab-layout.ts).
 */
function readByPosition(ss: Spreadsheet, sheets: readonly Sheet[], layout: TabLayout): Read {
  const clock = zoneClock(layout.timeZone);
  const read = readByLayout(sheets, layout, clock.offsetMinutes);
  if (!read.held) return readFully(ss, sheets, read.values);
  const grid = { tabs: read.tabs, templateVersion: null };
  if (datesAtMidnight(read.values.values(), clock.offsetMinutes)) return { grid, today: clock.today, layout };
  const timeZone = ss.getSpreadsheetTimeZone();
  if (timeZone === layout.timeZone) return { grid, today: clock.today, layout };
  // The zone changed: the same values, read in the spreadsheet's zone.
  const now = zoneClock(timeZone);
  const tabs = read.tabs.map((tab, position) => {
    const raw = read.values.get(position);
    return raw ? tabFromValues(tab.title, raw, now.offsetMinutes) : tab;
  });
  return { grid: { tabs, templateVersion: null }, today: now.today, layout: layoutOf(tabs, timeZone) };
}

/**
 * `requireTemplate` (the default): a workbook without template tabs is an error with advice
 * (menu, report); the sidebar's first look instead shows every tab as missing, next to its
 * «create the template» hint. `layout`: where the tabs were at the last full read, for a read
 * by position (the report); without it every tab is read by name.
 */
export function checkWorkbook(
  ss: Spreadsheet,
  { requireTemplate = true, layout = null as TabLayout | null } = {},
): Checked {
  const sheets = ss.getSheets();
  const read = layout ? readByPosition(ss, sheets, layout) : readFully(ss, sheets);
  if (requireTemplate && !looksLikeMipWorkbook(read.grid))
    throw new UserError(
      "В этой таблице нет вкладок шаблона МИП. Выберите «МИП → Создать / обновить шаблон», чтобы создать их.",
    );
  return {
    grid: read.grid,
    result: validateWorkbook(read.grid, { today: read.today }),
    layout: read.layout,
    sheets,
    today: read.today,
  };
}
