/**
 * The Sheets advanced service (Sheets API v4) over the fake's spreadsheets, as far as the add-on
 * uses it: Spreadsheets.get and Spreadsheets.Values.batchGet. The call itself (parameters,
 * `fields`, enums) is checked against the published definition by api-schema/strict.ts; this
 * file answers it:
 * - Spreadsheets.get returns the Spreadsheet resource trimmed to the `fields` mask
 *   (https://developers.google.com/workspace/sheets/api/guides/field-masks); its
 *   `developerMetadata` holds DOCUMENT-visibility metadata only — PROJECT metadata is visible to
 *   its own project alone, and the API caller here is another project
 *   (https://developers.google.com/workspace/sheets/api/guides/metadata#metadata_visibility);
 * - Values.batchGet answers each range in order; `valueRenderOption` FORMATTED_VALUE (the default)
 *   gives every cell as its displayed text, UNFORMATTED_VALUE numbers and booleans as they are;
 *   `dateTimeRenderOption` SERIAL_NUMBER (the default) gives a date as days since 30 December
 *   1899, FORMATTED_STRING as text in the spreadsheet locale's date format; the option is
 *   ignored under FORMATTED_VALUE; trailing empty rows and cells are left out
 *   (https://developers.google.com/workspace/sheets/api/reference/rest/v4/ValueRenderOption,
 *   https://developers.google.com/workspace/sheets/api/reference/rest/v4/DateTimeRenderOption,
 *   https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.values#ValueRange);
 * - a range naming no tab fails «Unable to parse range» (400).
 */
import type { CallCounter } from "./counter.js";
import { applyFieldMask } from "./api-schema/mask.js";
import { formatDateInZone } from "./services.js";
import type { FakeSpreadsheet, FakeSpreadsheetApp } from "./spreadsheet.js";

type Json = Record<string, unknown>;

const apiError = (method: string, message: string) =>
  new Error(`GoogleJsonResponseException: API call to sheets.${method} failed with error: ${message}`);

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === "[object Date]";

/** A date cell as the locale's default short date: month first in en_US, else day first. */
function localeDate(date: Date, timeZone: string, locale: string): string {
  const [y, m, d] = formatDateInZone(date, timeZone, "yyyy-MM-dd").split("-").map(Number) as [number, number, number];
  const pad = (n: number) => String(n).padStart(2, "0");
  return locale === "en_US" ? `${m}/${d}/${y}` : `${pad(d)}.${pad(m)}.${y}`;
}

/** Days since 30 December 1899 in the spreadsheet's zone, as SERIAL_NUMBER gives a date. */
function serialNumber(date: Date, timeZone: string): number {
  const local = formatDateInZone(date, timeZone, "yyyy-MM-dd HH:mm:ss");
  const [day, time] = local.split(" ") as [string, string];
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const [hh, mm, ss] = time.split(":").map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d, hh, mm, ss) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** "'Title'", "Title", "'Title'!A1:C9" → the tab title and an optional rectangle (1-based, inclusive). */
function parseRange(range: string): { title: string; box: [number, number, number, number] | null } {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))(?:!([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?)?$/.exec(range);
  if (!m) throw apiError("spreadsheets.values.batchGet", `Unable to parse range: ${range}`);
  const title = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
  if (!m[3]) return { title, box: null };
  const col = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  const r1 = Number(m[4]);
  const c1 = col(m[3]);
  return { title, box: [r1, c1, m[6] ? Number(m[6]) : r1, m[5] ? col(m[5]) : c1] };
}

export interface SheetsReadOptions {
  valueRenderOption?: string;
  dateTimeRenderOption?: string;
}

export class FakeSheetsApi {
  /** Locale of a spreadsheet by id (Spreadsheet.properties.locale); default ru_RU. */
  readonly _locales = new Map<string, string>();
  /**
   * Finds the spreadsheet a call reaches, or throws the API's error. A test environment replaces
   * it to model what stands between the script and a workbook (permissions, quotas, time).
   */
  _reach: (id: string, method: string) => FakeSpreadsheet;
  readonly Spreadsheets: {
    get(spreadsheetId: string, optionalArgs?: { fields?: string }): Json;
    Values: {
      batchGet(
        spreadsheetId: string,
        optionalArgs?: { ranges?: string | string[] } & SheetsReadOptions & { majorDimension?: string },
      ): Json;
    };
  };

  constructor(spreadsheetApp: FakeSpreadsheetApp, counter: CallCounter) {
    this._reach = (id, method) => {
      const found = spreadsheetApp._active?._id === id ? spreadsheetApp._active : spreadsheetApp._others.get(id);
      if (!found || spreadsheetApp._denied.has(id))
        throw apiError(method.replace(/^Sheets\.Spreadsheets/, "spreadsheets"), "Requested entity was not found.");
      return found;
    };
    const reach = (id: string, method: string) => this._reach(id, method);
    const locales = this._locales;
    this.Spreadsheets = {
      get(spreadsheetId, optionalArgs = {}) {
        counter.hit("Sheets.Spreadsheets.get");
        const ss = reach(spreadsheetId, "Sheets.Spreadsheets.get");
        const resource = counter.paused(() => ({
          spreadsheetId,
          properties: { title: ss._name, locale: locales.get(spreadsheetId) ?? "ru_RU", timeZone: ss._timeZone },
          sheets: ss._sheets.map((s, index) => ({
            properties: {
              sheetId: index,
              title: s._name,
              index,
              sheetType: "GRID",
              gridProperties: { rowCount: s._maxRows, columnCount: s._maxCols },
            },
          })),
          developerMetadata: ss._metadata
            .map((m) => m._json())
            .filter((m) => m.visibility === "DOCUMENT")
            .map((m, i) => ({
              metadataId: i + 1,
              metadataKey: m.key,
              metadataValue: m.value,
              location: { locationType: "SPREADSHEET", spreadsheet: true },
              visibility: m.visibility,
            })),
        }));
        return (optionalArgs.fields ? applyFieldMask(resource, optionalArgs.fields) : resource) as Json;
      },
      Values: {
        batchGet(spreadsheetId, optionalArgs = {}) {
          counter.hit("Sheets.Spreadsheets.Values.batchGet");
          const ss = reach(spreadsheetId, "Sheets.Spreadsheets.Values.batchGet");
          const locale = locales.get(spreadsheetId) ?? "ru_RU";
          const ranges = optionalArgs.ranges === undefined ? [] : [optionalArgs.ranges].flat();
          const render = optionalArgs.valueRenderOption ?? "FORMATTED_VALUE";
          const dates = optionalArgs.dateTimeRenderOption ?? "SERIAL_NUMBER";
          const cellValue = (v: unknown): unknown => {
            if (isDate(v)) {
              if (render !== "FORMATTED_VALUE" && dates === "SERIAL_NUMBER") return serialNumber(v, ss._timeZone);
              return localeDate(v, ss._timeZone, locale);
            }
            if (render === "FORMATTED_VALUE") {
              if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
              return v === null || v === undefined ? "" : String(v);
            }
            return v ?? "";
          };
          return counter.paused(() => ({
            spreadsheetId,
            valueRanges: ranges.map((range) => {
              const { title, box } = parseRange(range);
              const sheet = ss._sheets.find((s) => s._name === title);
              if (!sheet) throw apiError("spreadsheets.values.batchGet", `Unable to parse range: ${range}`);
              const [r1, c1, r2, c2] = box ?? [1, 1, sheet._maxRows, sheet._maxCols];
              const rows: unknown[][] = [];
              for (let r = r1; r <= Math.min(r2, sheet._cells.length); r++) {
                const cells = sheet._cells[r - 1] ?? [];
                const row: unknown[] = [];
                for (let c = c1; c <= Math.min(c2, cells.length); c++) row.push(cellValue(cells[c - 1]?.value));
                while (row.length > 0 && row[row.length - 1] === "") row.pop();
                rows.push(row);
              }
              while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
              return { range, majorDimension: "ROWS", ...(rows.length > 0 ? { values: rows } : {}) };
            }),
          }));
        },
      },
    };
  }
}
