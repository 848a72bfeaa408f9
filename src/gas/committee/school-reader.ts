/**
 * Reading a school's workbook by id with as few service calls as possible.
 *
 * With the Sheets advanced service (enabled in appsscript.json): ONE Spreadsheets.get for
 * the tab titles and developer metadata (template version, last report link) and ONE
 * Values.batchGet for all template tabs — two calls whatever the workbook's size. Without
 * it, SpreadsheetApp: openById and one getDataRange().getValues() per template tab.
 * The last-modified time comes from the Drive advanced service (files.get, metadata only)
 * or DriveApp.
 */
import { fold } from "../../core/fold.js";
import { type Cell, type TabGrid, type WorkbookGrid, ERROR_CODES, errorCell } from "../../core/grid.js";
import { TABS } from "../../core/schema.js";
import { type OpenedSchool, documentIdFrom, documentUrl } from "../../core/committee/index.js";
import { METADATA_KEYS, getSpreadsheetMetadata } from "../properties.js";
import { readWorkbook } from "../read-sheets.js";

interface SheetsAdvanced {
  Spreadsheets: {
    get(id: string, args: object): {
      sheets?: { properties?: { title?: string } }[];
      developerMetadata?: { metadataKey?: string; metadataValue?: string }[];
    };
    Values: { batchGet(id: string, args: object): { valueRanges?: { range?: string; values?: unknown[][] }[] } };
  };
}

interface DriveAdvanced {
  Files: { get(id: string, args: object): { modifiedTime?: string } };
}

const advanced = <T>(name: string): T | null => {
  const service = (globalThis as Record<string, unknown>)[name];
  return service && typeof service === "object" ? (service as T) : null;
};

const TEMPLATE_TITLES = new Set(TABS.map((t) => fold(t.title)));
const ERRORS = new Set(ERROR_CODES);

/** A1 range for a whole tab: quoted, with quotes doubled. */
export const wholeTab = (title: string): string => `'${title.replace(/'/g, "''")}'`;

/** A value from batchGet (UNFORMATTED_VALUE, dates as formatted strings) → grid cell. */
export function apiCell(value: unknown): Cell {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string") return ERRORS.has(value.trim()) ? errorCell(value.trim()) : value;
  if (typeof value === "number") return Number.isFinite(value) ? value : errorCell("#NUM!");
  if (typeof value === "boolean") return value;
  return String(value);
}

/** The report link a school stored (JSON with a url, or a url) → a link rebuilt from the document id. */
export function reportLinkFrom(stored: string | null | undefined): string {
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
  const meta = sheets.Spreadsheets.get(id, {
    fields: "sheets.properties.title,developerMetadata(metadataKey,metadataValue)",
  });
  const titles = (meta.sheets ?? []).map((s) => s.properties?.title ?? "").filter((t) => t !== "");
  const wanted = titles.filter((t) => TEMPLATE_TITLES.has(fold(t)));
  const byTitle = new Map<string, unknown[][]>();
  if (wanted.length > 0) {
    const response = sheets.Spreadsheets.Values.batchGet(id, {
      ranges: wanted.map(wholeTab),
      valueRenderOption: "UNFORMATTED_VALUE",
      dateTimeRenderOption: "FORMATTED_STRING",
    });
    (response.valueRanges ?? []).forEach((vr, i) => byTitle.set(wanted[i]!, vr.values ?? []));
  }
  const tabs: TabGrid[] = titles.map((title) => ({ title, rows: (byTitle.get(title) ?? []).map((row) => row.map(apiCell)) }));
  const metadata = (key: string) => (meta.developerMetadata ?? []).find((m) => m.metadataKey === key)?.metadataValue ?? null;
  const grid: WorkbookGrid = { tabs, templateVersion: metadata(METADATA_KEYS.templateVersion) };
  return { grid, reportLink: reportLinkFrom(metadata(METADATA_KEYS.lastReport)) };
}

function readWithSpreadsheetApp(id: string): OpenedSchool {
  const ss = SpreadsheetApp.openById(id);
  return { grid: readWorkbook(ss), reportLink: reportLinkFrom(getSpreadsheetMetadata(ss, METADATA_KEYS.lastReport)) };
}

export function openSchool(id: string): OpenedSchool {
  const sheets = advanced<SheetsAdvanced>("Sheets");
  return sheets ? readWithApi(sheets, id) : readWithSpreadsheetApp(id);
}

/** ISO last-modified time of a school's workbook; throws when it cannot be reached. */
export function modifiedTime(id: string): string {
  const drive = advanced<DriveAdvanced>("Drive");
  if (drive) return drive.Files.get(id, { fields: "modifiedTime", supportsAllDrives: true }).modifiedTime ?? "";
  return new Date(DriveApp.getFileById(id).getLastUpdated().getTime()).toISOString();
}
