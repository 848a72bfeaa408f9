/**
 * The Sheets advanced service (Sheets API v4), one service for every spreadsheet the fake holds:
 * the ones the add-on created through Drive (the committee's school workbooks, converted from
 * the uploaded template by test/gas/fake/xlsx-import.ts) and the fake SpreadsheetApp's (the
 * schools' workbooks a committee reads; a committee environment may put its own gate in front:
 * quotas, denied or deleted files, script time). The call itself (parameters, `fields`, enums,
 * the body's properties and unions) is checked against the published definition by
 * api-schema/strict.ts; this file answers it, and applies the drive.file rule per file
 * (file-access.ts) to every call:
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
 *   a range naming no tab fails «Unable to parse range» (400);
 * - Spreadsheets.batchUpdate with the requests the committee sends to finish a school's workbook.
 *   Anything else is refused the way the API refuses it:
 *   - a batchUpdate is all or nothing: «if any request is not valid, the entire update fails and
 *     nothing is applied» (https://developers.google.com/workspace/sheets/api/guides/batchupdate);
 *   - a request holds exactly one kind (the Request union:
 *     https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request);
 *   - updateCells and updateSheetProperties need `fields`, a field mask
 *     (…/request#updatecellsrequest, …/request#updatesheetpropertiesrequest);
 *   - a range names an existing sheetId;
 *   - createDeveloperMetadata needs a location and a visibility
 *     (https://developers.google.com/workspace/sheets/api/guides/metadata).
 */
import type { sheets_v4 } from "@googleapis/sheets";
import type { CallCounter } from "./counter.js";
import { applyFieldMask } from "./api-schema/mask.js";
import type { FileAccess } from "./file-access.js";
import { restName } from "./scopes.js";
import { formatDateInZone } from "./services.js";
import {
  FakeDataValidationBuilder,
  type FakeRange,
  type FakeSheet,
  type FakeSpreadsheet,
  type FakeSpreadsheetApp,
} from "./spreadsheet.js";

/** The error an advanced-service call throws, naming the REST method ("spreadsheets.values.batchGet"). */
const apiError = (method: string, message: string) =>
  new Error(`GoogleJsonResponseException: API call to sheets.${method} failed with error: ${message}`);

type Apply = () => sheets_v4.Schema$Response;

const KINDS = [
  "updateSheetProperties",
  "addProtectedRange",
  "updateCells",
  "setDataValidation",
  "createDeveloperMetadata",
] as const;

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
  /** Spreadsheets Drive converted for the add-on (Files.create of an .xlsx as a Google Sheet), by id. */
  readonly _spreadsheets = new Map<string, FakeSpreadsheet>();
  /** Every batchUpdate received (spreadsheet id and request kinds), for assertions. */
  readonly _batches: { id: string; kinds: string[] }[] = [];
  /** Locale of a spreadsheet by id (Spreadsheet.properties.locale); default ru_RU. */
  readonly _locales = new Map<string, string>();
  /** The drive.file rule per file (file-access.ts), applied to every call once the spreadsheet is found. */
  _access: FileAccess | null = null;
  /**
   * What stands between the script and a spreadsheet before it is found (quotas, permissions,
   * script time): a test environment sets it to throw the API's error or account for the call.
   */
  _gate: ((id: string, method: string) => void) | null = null;
  /**
   * The spreadsheet a call names, or null: the ones Drive converted, else the fake
   * SpreadsheetApp's (its active one and the others it can open). A test environment may
   * replace it with its own set of workbooks.
   */
  _find: (id: string) => FakeSpreadsheet | null;
  private protectedRangeId = 1000;
  readonly Spreadsheets: {
    get(spreadsheetId: string, optionalArgs?: { fields?: string }): sheets_v4.Schema$Spreadsheet;
    batchUpdate(
      resource: sheets_v4.Schema$BatchUpdateSpreadsheetRequest,
      spreadsheetId: string,
    ): sheets_v4.Schema$BatchUpdateSpreadsheetResponse;
    Values: {
      batchGet(
        spreadsheetId: string,
        optionalArgs?: { ranges?: string | string[] } & SheetsReadOptions & { majorDimension?: string },
      ): sheets_v4.Schema$BatchGetValuesResponse;
    };
  };

  constructor(
    spreadsheetApp: FakeSpreadsheetApp,
    private readonly counter: CallCounter,
  ) {
    this._find = (id) => {
      const created = this._spreadsheets.get(id);
      if (created) return created;
      if (spreadsheetApp._denied.has(id)) return null;
      return (spreadsheetApp._active?._id === id ? spreadsheetApp._active : spreadsheetApp._others.get(id)) ?? null;
    };
    const reach = (id: string, method: string): FakeSpreadsheet => {
      this._gate?.(id, method);
      const found = this._find(id);
      if (!found)
        throw new Error(
          `GoogleJsonResponseException: API call to ${restName(method)} failed with error: Requested entity was not found.`,
        );
      this._access?.check(method, id);
      return found;
    };
    const locales = this._locales;
    this.Spreadsheets = {
      get: (spreadsheetId, optionalArgs = {}) => {
        counter.hit("Sheets.Spreadsheets.get");
        const ss = reach(spreadsheetId, "Sheets.Spreadsheets.get");
        const resource = counter.paused(() => describe(ss, locales.get(spreadsheetId) ?? "ru_RU"));
        return optionalArgs.fields ? (applyFieldMask(resource, optionalArgs.fields) as typeof resource) : resource;
      },
      batchUpdate: (resource, spreadsheetId) => {
        counter.hit("Sheets.Spreadsheets.batchUpdate");
        const ss = reach(spreadsheetId, "Sheets.Spreadsheets.batchUpdate");
        return counter.paused(() => {
          const requests = resource?.requests;
          if (!Array.isArray(requests) || requests.length === 0)
            throw apiError("spreadsheets.batchUpdate", "Invalid requests: must contain at least one request.");
          // Every request is checked before any is applied: all or nothing.
          const steps = requests.map((r, i) => this.plan(ss, r, i));
          this._batches.push({ id: spreadsheetId, kinds: requests.map((r) => Object.keys(r)[0]!) });
          return { spreadsheetId, replies: steps.map((apply) => apply()) };
        });
      },
      Values: {
        batchGet: (spreadsheetId, optionalArgs = {}) => {
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
              return {
                range,
                majorDimension: "ROWS",
                ...(rows.length > 0 ? { values: rows as unknown as string[][] } : {}),
              };
            }),
          }));
        },
      },
    };
  }

  private plan(ss: FakeSpreadsheet, request: sheets_v4.Schema$Request, i: number): Apply {
    const kinds = Object.keys(request ?? {});
    if (kinds.length !== 1)
      throw apiError("spreadsheets.batchUpdate", `Invalid requests[${i}]: exactly one kind of request must be set.`);
    const kind = kinds[0]!;
    if (!(KINDS as readonly string[]).includes(kind))
      throw apiError(
        "spreadsheets.batchUpdate",
        `Invalid JSON payload received. Unknown name "${kind}" at 'requests[${i}]'.`,
      );
    const sheetOf = (sheetId: number | null | undefined): FakeSheet => {
      const sheet = ss._sheets.find((s) => s._id === sheetId);
      if (!sheet)
        throw apiError("spreadsheets.batchUpdate", `Invalid requests[${i}].${kind}: No grid with id: ${sheetId}`);
      return sheet;
    };
    const rangeOf = (range: sheets_v4.Schema$GridRange | undefined): FakeRange => {
      const sheet = sheetOf(range?.sheetId);
      const r0 = range?.startRowIndex ?? 0;
      const c0 = range?.startColumnIndex ?? 0;
      const r1 = range?.endRowIndex ?? sheet._maxRows;
      const c1 = range?.endColumnIndex ?? sheet._maxCols;
      if (r1 <= r0 || c1 <= c0 || r1 > sheet._maxRows || c1 > sheet._maxCols)
        throw apiError("spreadsheets.batchUpdate", `Invalid requests[${i}].${kind}: range outside the grid.`);
      return sheet._range(r0 + 1, c0 + 1, r1 - r0, c1 - c0);
    };
    const needFields = (fields: string | null | undefined) => {
      if (!fields)
        throw apiError(
          "spreadsheets.batchUpdate",
          `Invalid requests[${i}].${kind}: At least one field must be updated.`,
        );
      return fields;
    };
    switch (kind) {
      case "updateSheetProperties": {
        const body = request.updateSheetProperties!;
        const fields = needFields(body.fields);
        const sheet = sheetOf(body.properties?.sheetId);
        if (fields !== "gridProperties.frozenRowCount")
          throw apiError("spreadsheets.batchUpdate", `fake: field mask «${fields}» is not modelled`);
        return () => {
          sheet._frozenRows = body.properties?.gridProperties?.frozenRowCount ?? 0;
          return {};
        };
      }
      case "addProtectedRange": {
        const body = request.addProtectedRange!.protectedRange ?? {};
        const range = rangeOf(body.range);
        return () => {
          const protection = range.protect();
          protection.setWarningOnly(body.warningOnly === true).setDescription(body.description ?? "");
          const protectedRangeId = this.protectedRangeId++;
          return { addProtectedRange: { protectedRange: { ...body, protectedRangeId } } };
        };
      }
      case "updateCells": {
        const body = request.updateCells!;
        const fields = needFields(body.fields);
        const range = rangeOf(body.range);
        if (fields !== "note" && fields !== "userEnteredValue")
          throw apiError("spreadsheets.batchUpdate", `fake: field mask «${fields}» is not modelled`);
        const rows = body.rows ?? [];
        if (rows.length > range._numRows || rows.some((r) => (r.values ?? []).length > range._numCols))
          throw apiError(
            "spreadsheets.batchUpdate",
            `Invalid requests[${i}].updateCells: more data than the range holds.`,
          );
        return () => {
          rows.forEach((row, r) =>
            (row.values ?? []).forEach((cell, c) => {
              const target = range._sheet._cell(range._row + r, range._col + c);
              if (fields === "note") target.note = cell.note ?? "";
              else target.value = valueOf(cell.userEnteredValue);
            }),
          );
          return {};
        };
      }
      case "setDataValidation": {
        const body = request.setDataValidation!;
        const range = rangeOf(body.range);
        const condition = body.rule?.condition;
        if (condition?.type !== "ONE_OF_LIST" || !(condition.values ?? []).length)
          throw apiError("spreadsheets.batchUpdate", `fake: only ONE_OF_LIST dropdowns are modelled (requests[${i}])`);
        return () => {
          const rule = new FakeDataValidationBuilder(this.counter)
            .requireValueInList(
              (condition.values ?? []).map((v) => v.userEnteredValue ?? ""),
              body.rule?.showCustomUi === true,
            )
            .setAllowInvalid(body.rule?.strict !== true)
            .setHelpText(body.rule?.inputMessage ?? "")
            .build();
          range.setDataValidation(rule);
          return {};
        };
      }
      default: {
        const meta = request.createDeveloperMetadata!.developerMetadata ?? {};
        if (!meta.metadataKey || !meta.location || !meta.visibility)
          throw apiError(
            "batchUpdate",
            `Invalid requests[${i}].createDeveloperMetadata: key, location and visibility are required.`,
          );
        if (!meta.location.spreadsheet)
          throw apiError(
            "spreadsheets.batchUpdate",
            `fake: only spreadsheet-level metadata is modelled (requests[${i}])`,
          );
        return () => {
          ss.addDeveloperMetadata(
            meta.metadataKey!,
            meta.metadataValue ?? "",
            meta.visibility as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
          );
          return { createDeveloperMetadata: { developerMetadata: meta } };
        };
      }
    }
  }
}

function valueOf(v: sheets_v4.Schema$ExtendedValue | undefined): unknown {
  if (!v) return "";
  if (typeof v.stringValue === "string") return v.stringValue;
  if (typeof v.numberValue === "number") return v.numberValue;
  if (typeof v.boolValue === "boolean") return v.boolValue;
  throw apiError("spreadsheets.batchUpdate", "fake: only string, number and boolean values are modelled");
}

/** The Spreadsheet resource: what Spreadsheets.get returns before its `fields` mask trims it. */
function describe(ss: FakeSpreadsheet, locale: string): sheets_v4.Schema$Spreadsheet {
  return {
    spreadsheetId: ss._id,
    properties: { title: ss._name, locale, timeZone: ss._timeZone },
    sheets: ss._sheets.map((s, index) => ({
      properties: {
        sheetId: s._id,
        title: s._name,
        index,
        sheetType: "GRID",
        gridProperties: { rowCount: s._maxRows, columnCount: s._maxCols, frozenRowCount: s._frozenRows },
      },
      protectedRanges: s._protections.map((p) => ({ description: p.getDescription(), warningOnly: p.isWarningOnly() })),
    })),
    developerMetadata: ss._metadata
      .map((m) => m._json())
      .filter((m) => m.visibility === "DOCUMENT")
      .map((m, i) => ({
        metadataId: i + 1,
        metadataKey: m.key,
        metadataValue: m.value ?? "",
        location: { locationType: "SPREADSHEET", spreadsheet: true },
        visibility: "DOCUMENT",
      })),
  };
}
