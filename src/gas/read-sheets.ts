/**
 * Sheets → WorkbookGrid with one call per tab (getSheetValues(1, 1, -1, -1)), the
 * same semantics as the .xlsx reader: date cells become calendar dates in the
 * spreadsheet's time zone, error cells (#REF!, #N/A… arrive as their code) become ErrorCells,
 * empty cells null, and text is kept exactly as typed.
 */
import { tabTitleKey } from "../core/tab-title.js";
import { type Cell, type TabGrid, type WorkbookGrid, ERROR_CODES, dateCell, errorCell } from "../core/grid.js";
import { TABS } from "../core/schema.js";
import { METADATA_KEYS, getSpreadsheetMetadata } from "./properties.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const DAY_MS = 86_400_000;
const TEMPLATE_TITLES = new Set(TABS.map((t) => tabTitleKey(t.title)));
const ERRORS = new Set(ERROR_CODES);

/** Date objects come from another realm in tests and from Rhino-era code paths: check the tag, not instanceof. */
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === "[object Date]";

/**
 * The spreadsheet zone's UTC offset in minutes, asked once per read (one Utilities call) rather
 * than once per date cell, so reading stays one call per tab however many dates there are.
 */
export function zoneOffsetMinutes(timeZone: string, at: Date = new Date()): number {
  const z = Utilities.formatDate(at, timeZone, "Z");
  const sign = z.startsWith("-") ? -1 : 1;
  return sign * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5)));
}

/** Today in the spreadsheet's zone and the zone's offset, from one Utilities call. */
export function zoneClock(timeZone: string, now: Date = new Date()): { today: string; offsetMinutes: number } {
  const [today, z] = Utilities.formatDate(now, timeZone, "yyyy-MM-dd Z").split(" ") as [string, string];
  const sign = z.startsWith("-") ? -1 : 1;
  return { today, offsetMinutes: sign * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5))) };
}

/**
 * A Sheets date value → ISO calendar date. Sheets stores a date cell as local midnight; a
 * summer-time shift of an hour against the reference offset is absorbed by rounding times
 * from 22:00 up to the next day.
 */
function dateToIso(value: Date, offsetMinutes: number): string {
  const local = value.getTime() + offsetMinutes * 60_000;
  const intoDay = ((local % DAY_MS) + DAY_MS) % DAY_MS;
  const day = Math.floor(local / DAY_MS) + (intoDay >= 22 * 3_600_000 ? 1 : 0);
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function toCell(value: unknown, offsetMinutes: number): Cell {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string") return ERRORS.has(value.trim()) ? errorCell(value.trim()) : value;
  if (typeof value === "number") return Number.isFinite(value) ? value : errorCell("#NUM!");
  if (typeof value === "boolean") return value;
  if (isDate(value)) return Number.isNaN(value.getTime()) ? null : dateCell(dateToIso(value, offsetMinutes));
  return String(value);
}

/**
 * A tab's values in one call: «A -1 value given as the row or column position is equivalent to
 * getting the very last row or column that has data in the sheet»
 * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#getsheetvaluesstartrow,-startcolumn,-numrows,-numcolumns),
 * the same grid as getDataRange().getValues() at half the calls. The page does not say what an
 * empty tab gives; should Google refuse it, as it refuses an empty range, the tab is read the
 * two-call way, which answers one empty cell.
 */
export function sheetValues(sheet: Sheet): unknown[][] {
  try {
    return sheet.getSheetValues(1, 1, -1, -1);
  } catch {
    return sheet.getDataRange().getValues();
  }
}

function readSheet(sheet: Sheet, offsetMinutes: number, title = sheet.getName()): TabGrid {
  return tabFromValues(title, sheetValues(sheet), offsetMinutes);
}

/** A tab's getValues() as grid rows. */
export function tabFromValues(title: string, values: readonly unknown[][], offsetMinutes: number): TabGrid {
  const rows = values.map((row) => row.map((v) => toCell(v, offsetMinutes)));
  // An untouched tab reads as one empty cell; present it as no rows.
  const empty = rows.length === 1 && rows[0]!.every((c) => c === null);
  return { title, rows: empty ? [] : rows };
}

export function isTemplateTitle(title: string): boolean {
  return TEMPLATE_TITLES.has(tabTitleKey(title));
}

/** A full read: the grid, and every tab's title by position with the raw values of those read. */
export interface WorkbookRead {
  readonly grid: WorkbookGrid;
  readonly titles: readonly string[];
  /** Raw values by position (template tabs only). */
  readonly values: ReadonlyMap<number, readonly unknown[][]>;
}

/**
 * The whole workbook: template tabs with their values, other tabs by title only (they are
 * kept and ignored, so reading them would be wasted calls). `sheets`: ss.getSheets() when the
 * caller has it; `already`: values it has read by position (not read again). The template
 * version is left out: nothing in the school's check or report reads it (the committee does,
 * from the metadata).
 */
export function readWorkbook(
  ss: Spreadsheet,
  offsetMinutes: number,
  sheets: readonly Sheet[] = ss.getSheets(),
  already: ReadonlyMap<number, readonly unknown[][]> = new Map(),
): WorkbookRead {
  const tabs: TabGrid[] = [];
  const titles: string[] = [];
  const values = new Map<number, readonly unknown[][]>();
  sheets.forEach((sheet, position) => {
    const title = sheet.getName();
    titles.push(title);
    if (!isTemplateTitle(title)) {
      tabs.push({ title, rows: [] });
      return;
    }
    const raw = already.get(position) ?? sheetValues(sheet);
    values.set(position, raw);
    tabs.push(tabFromValues(title, raw, offsetMinutes));
  });
  return { grid: { tabs, templateVersion: null }, titles, values };
}

/** The workbook as the committee reads a school's sheet with SpreadsheetApp: with its template version. */
export function readWorkbookWithVersion(ss: Spreadsheet): WorkbookGrid {
  const { grid } = readWorkbook(ss, zoneOffsetMinutes(ss.getSpreadsheetTimeZone()));
  return { ...grid, templateVersion: getSpreadsheetMetadata(ss, METADATA_KEYS.templateVersion) };
}

/**
 * Only the named template tabs (a live re-check after an edit reads what its rules need).
 * `timeZone`, `already` and `offset`: what the caller has fetched (the zone, tabs it read
 * itself, the zone's offset).
 */
export function readTabs(
  ss: Spreadsheet,
  titles: readonly string[],
  timeZone: string = ss.getSpreadsheetTimeZone(),
  already: readonly TabGrid[] = [],
  offset: number = zoneOffsetMinutes(timeZone),
): WorkbookGrid {
  const tabs: TabGrid[] = [];
  for (const title of titles) {
    const known = already.find((t) => t.title === title);
    if (known) {
      tabs.push(known);
      continue;
    }
    const sheet = ss.getSheetByName(title);
    if (sheet) tabs.push(readSheet(sheet, offset, title));
  }
  return { tabs, templateVersion: null };
}
