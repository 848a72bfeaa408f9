/**
 * Reading a school's workbook by id with as few service calls as possible.
 *
 * With the Sheets advanced service (enabled in the committee's manifest): ONE Spreadsheets.get
 * for the locale, tab titles and developer metadata (template version, last report link and the
 * change stamp) and ONE Values.batchGet for all template tabs — two calls whatever the
 * workbook's size, one for a workbook whose change stamp has not moved. Without it,
 * SpreadsheetApp: openById and one getDataRange().getValues() per template tab.
 *
 * «Has it changed?» is the change stamp the school's add-on writes into the workbook's developer
 * metadata (DOCUMENT visibility, so another project may read it) on every edit of a template
 * tab, check and template update — read in the same Spreadsheets.get
 * (https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets#Spreadsheet:
 * `developerMetadata` — «The developer metadata associated with a spreadsheet»;
 * https://developers.google.com/workspace/sheets/api/guides/metadata: DOCUMENT metadata «is
 * accessible from any developer project with access to the document», PROJECT only to its own).
 * Drive's modifiedTime would need a restricted Drive scope for files the add-on did not create.
 */
import { tabTitleKey } from "../../core/tab-title.js";
import { type Cell, type TabGrid, type WorkbookGrid, ERROR_CODES, errorCell } from "../../core/grid.js";
import { TABS } from "../../core/schema.js";
import { type OpenedSchool, documentIdFrom, documentUrl } from "../../core/committee/index.js";
import { METADATA_KEYS, getSpreadsheetMetadata } from "../properties.js";
import { readWorkbookWithVersion } from "../read-sheets.js";
import type { SheetsAdvanced } from "../google-api.js";
import type { sheets_v4 } from "@googleapis/sheets";

type SchoolMeta = sheets_v4.Schema$Spreadsheet;

// An advanced service is a global name only when the manifest enables it: asked by typeof,
// which never throws for an undeclared name.
declare const Sheets: SheetsAdvanced | undefined;
const sheetsService = (): SheetsAdvanced | null => (typeof Sheets !== "undefined" && Sheets ? Sheets : null);

/**
 * The metadata of the school last asked for its change stamp: a changed school's read reuses it
 * (one Spreadsheets.get per school, not two).
 */
let lastMeta: { id: string; meta: SchoolMeta } | null = null;

function schoolMeta(sheets: SheetsAdvanced, id: string): SchoolMeta {
  const meta = sheets.Spreadsheets.get(id, {
    fields: "properties.locale,sheets.properties.title,developerMetadata(metadataKey,metadataValue)",
  });
  lastMeta = { id, meta };
  return meta;
}

const metadataValue = (meta: SchoolMeta, key: string): string | null =>
  (meta.developerMetadata ?? []).find((m) => m.metadataKey === key)?.metadataValue ?? null;

const TEMPLATE_TITLES = new Set(TABS.map((t) => tabTitleKey(t.title)));
const ERRORS = new Set(ERROR_CODES);

/** A1 range for a whole tab: quoted, with quotes doubled. */
const wholeTab = (title: string): string => `'${title.replace(/'/g, "''")}'`;

/**
 * Dates by the workbook's locale. batchGet gives date cells as FORMATTED_STRING — the only
 * render option that keeps a date recognisable as a date (SERIAL_NUMBER would make it a plain
 * number) — in the cell's format, which by default follows the workbook's locale: an en_US
 * workbook gives «3/5/2022» for 5 March, which the core (day first, as in Russia) would read
 * as 3 May. So for the locales whose default short date is month-first (this explicit list:
 * US English and its territories, the Philippines) a value shaped exactly M/D/YYYY, optionally
 * with a time, is rewritten as DD.MM.YYYY before it reaches the core. A date cell with an
 * explicit day-first slash format in such a workbook would be swapped; the template's own date
 * cells use «dd.mm.yyyy», which is left alone.
 */
const MONTH_FIRST_LOCALES = new Set([
  "en",
  "en_US",
  "en_AS",
  "en_GU",
  "en_MP",
  "en_PR",
  "en_UM",
  "en_VI",
  "en_PH",
  "fil_PH",
]);

export function monthFirstLocale(locale: string | null | undefined): boolean {
  return MONTH_FIRST_LOCALES.has((locale ?? "").replace("-", "_"));
}

const MONTH_FIRST_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AP])\.?M\.?)?)?$/i;
const two = (n: number) => String(n).padStart(2, "0");

/** «3/5/2022» → «05.03.2022», «3/5/2022 2:30:00 PM» → «05.03.2022 14:30:00»; anything else unchanged. */
export function dayFirstDate(text: string): string {
  const m = MONTH_FIRST_DATE.exec(text.trim());
  if (!m) return text;
  const [month, day, year] = [Number(m[1]), Number(m[2]), m[3]!];
  if (month < 1 || month > 12 || day < 1 || day > 31) return text;
  const date = `${two(day)}.${two(month)}.${year}`;
  if (m[4] === undefined) return date;
  let hours = Number(m[4]);
  const half = m[7]?.toUpperCase();
  if (half === "P" && hours < 12) hours += 12;
  if (half === "A" && hours === 12) hours = 0;
  return `${date} ${two(hours)}:${m[5]}${m[6] !== undefined ? `:${m[6]}` : ""}`;
}

/**
 * A value from batchGet (UNFORMATTED_VALUE, dates as formatted strings) → grid cell;
 * `monthFirst`: the workbook's locale writes dates month-first (see dayFirstDate).
 */
export function apiCell(value: unknown, monthFirst = false): Cell {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string")
    return ERRORS.has(value.trim()) ? errorCell(value.trim()) : monthFirst ? dayFirstDate(value) : value;
  if (typeof value === "number") return Number.isFinite(value) ? value : errorCell("#NUM!");
  if (typeof value === "boolean") return value;
  return String(value);
}

/** The report link a school stored (JSON with a url, or a url) → a link rebuilt from the document id. */
function reportLinkFrom(stored: string | null | undefined): string {
  if (!stored) return "";
  let url = stored;
  try {
    const parsed = JSON.parse(stored) as { url?: unknown };
    if (parsed && typeof parsed.url === "string") url = parsed.url;
  } catch {
    // stored as a plain url
  }
  const id = documentIdFrom(url);
  return id ? documentUrl(id) : "";
}

function readWithApi(sheets: SheetsAdvanced, id: string): OpenedSchool {
  const meta = lastMeta && lastMeta.id === id ? lastMeta.meta : schoolMeta(sheets, id);
  lastMeta = null;
  const monthFirst = monthFirstLocale(meta.properties?.locale);
  const titles = (meta.sheets ?? []).map((s) => s.properties?.title ?? "").filter((t) => t !== "");
  const wanted = titles.filter((t) => TEMPLATE_TITLES.has(tabTitleKey(t)));
  const byTitle = new Map<string, unknown[][]>();
  if (wanted.length > 0) {
    const response = sheets.Spreadsheets.Values.batchGet(id, {
      ranges: wanted.map(wholeTab),
      valueRenderOption: "UNFORMATTED_VALUE",
      dateTimeRenderOption: "FORMATTED_STRING",
    });
    (response.valueRanges ?? []).forEach((vr, i) => byTitle.set(wanted[i]!, vr.values ?? []));
  }
  const tabs: TabGrid[] = titles.map((title) => ({
    title,
    rows: (byTitle.get(title) ?? []).map((row) => row.map((v) => apiCell(v, monthFirst))),
  }));
  const metadata = (key: string) => metadataValue(meta, key);
  const grid: WorkbookGrid = { tabs, templateVersion: metadata(METADATA_KEYS.templateVersion) };
  return { grid, reportLink: reportLinkFrom(metadata(METADATA_KEYS.lastReport)) };
}

function readWithSpreadsheetApp(id: string): OpenedSchool {
  const ss = SpreadsheetApp.openById(id);
  return {
    grid: readWorkbookWithVersion(ss),
    reportLink: reportLinkFrom(getSpreadsheetMetadata(ss, METADATA_KEYS.lastReport)),
  };
}

export function openSchool(id: string): OpenedSchool {
  const sheets = sheetsService();
  return sheets ? readWithApi(sheets, id) : readWithSpreadsheetApp(id);
}

/**
 * The workbook's change stamp (an ISO time its add-on wrote; "" when it never wrote one, so the
 * workbook is read every time); throws when the workbook cannot be reached.
 */
export function modifiedTime(id: string): string {
  const sheets = sheetsService();
  if (sheets) return metadataValue(schoolMeta(sheets, id), METADATA_KEYS.changeStamp) ?? "";
  return getSpreadsheetMetadata(SpreadsheetApp.openById(id), METADATA_KEYS.changeStamp) ?? "";
}
