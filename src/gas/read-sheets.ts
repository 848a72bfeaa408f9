/**
 * Sheets → WorkbookGrid with one batched read per tab (getDataRange().getValues()), the
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

function readSheet(sheet: Sheet, offsetMinutes: number, title = sheet.getName()): TabGrid {
  return tabFromValues(title, sheet.getDataRange().getValues(), offsetMinutes);
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

/**
 * The whole workbook: template tabs with their values, other tabs by title only (they are
 * kept and ignored, so reading them would be wasted calls).
 */
export function readWorkbook(ss: Spreadsheet): WorkbookGrid {
  const offset = zoneOffsetMinutes(ss.getSpreadsheetTimeZone());
  const tabs: TabGrid[] = [];
  for (const sheet of ss.getSheets()) {
    const title = sheet.getName();
    tabs.push(isTemplateTitle(title) ? readSheet(sheet, offset, title) : { title, rows: [] });
  }
  return { tabs, templateVersion: getSpreadsheetMetadata(ss, METADATA_KEYS.templateVersion) };
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
