/**
 * The Sheets advanced service (Sheets API v4) for the spreadsheets the add-on created through
 * Drive (test/gas/fake/xlsx-import.ts): `Spreadsheets.get` and `Spreadsheets.batchUpdate` with
 * the requests the committee sends to finish a school's workbook. Anything else is refused
 * the way the API refuses it:
 * - a batchUpdate is all or nothing: «if any request is not valid, the entire update fails and
 *   nothing is applied» (https://developers.google.com/workspace/sheets/api/guides/batchupdate);
 * - a request holds exactly one kind (the Request union:
 *   https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/request);
 * - updateCells and updateSheetProperties need `fields`, a field mask
 *   (…/request#updatecellsrequest, …/request#updatesheetpropertiesrequest);
 * - a range names an existing sheetId;
 * - createDeveloperMetadata needs a location and a visibility
 *   (https://developers.google.com/workspace/sheets/api/guides/metadata).
 */
import type { sheets_v4 } from "@googleapis/sheets";
import { type CallCounter } from "./counter.js";
import { FakeDataValidationBuilder, type FakeRange, type FakeSheet, type FakeSpreadsheet } from "./spreadsheet.js";

const apiError = (method: string, message: string) =>
  new Error(`GoogleJsonResponseException: API call to sheets.spreadsheets.${method} failed with error: ${message}`);

type Apply = () => sheets_v4.Schema$Response;

const KINDS = [
  "updateSheetProperties",
  "addProtectedRange",
  "updateCells",
  "setDataValidation",
  "createDeveloperMetadata",
] as const;

export class FakeSheetsApi {
  /** Spreadsheets the API can reach here: the ones Drive converted for the add-on, by id. */
  readonly _spreadsheets = new Map<string, FakeSpreadsheet>();
  /** Every batchUpdate received (spreadsheet id and request kinds), for assertions. */
  readonly _batches: { id: string; kinds: string[] }[] = [];
  private protectedRangeId = 1000;
  readonly Spreadsheets: {
    get(id: string, optionalArgs?: { fields?: string }): sheets_v4.Schema$Spreadsheet;
    batchUpdate(
      resource: sheets_v4.Schema$BatchUpdateSpreadsheetRequest,
      id: string,
    ): sheets_v4.Schema$BatchUpdateSpreadsheetResponse;
  };

  constructor(private readonly counter: CallCounter) {
    const reach = (method: string, id: string): FakeSpreadsheet => {
      const ss = this._spreadsheets.get(id);
      if (!ss) throw apiError(method, "Requested entity was not found.");
      return ss;
    };
    this.Spreadsheets = {
      get: (id) => {
        counter.hit("Sheets.Spreadsheets.get");
        const ss = reach("get", id);
        return counter.paused(() => describe(ss));
      },
      batchUpdate: (resource, id) => {
        counter.hit("Sheets.Spreadsheets.batchUpdate");
        const ss = reach("batchUpdate", id);
        return counter.paused(() => {
          const requests = resource?.requests;
          if (!Array.isArray(requests) || requests.length === 0)
            throw apiError("batchUpdate", "Invalid requests: must contain at least one request.");
          // Every request is checked before any is applied: all or nothing.
          const steps = requests.map((r, i) => this.plan(ss, r, i));
          this._batches.push({ id, kinds: requests.map((r) => Object.keys(r)[0]!) });
          return { spreadsheetId: id, replies: steps.map((apply) => apply()) };
        });
      },
    };
  }

  private plan(ss: FakeSpreadsheet, request: sheets_v4.Schema$Request, i: number): Apply {
    const kinds = Object.keys(request ?? {});
    if (kinds.length !== 1)
      throw apiError("batchUpdate", `Invalid requests[${i}]: exactly one kind of request must be set.`);
    const kind = kinds[0]!;
    if (!(KINDS as readonly string[]).includes(kind))
      throw apiError("batchUpdate", `Invalid JSON payload received. Unknown name "${kind}" at 'requests[${i}]'.`);
    const sheetOf = (sheetId: number | null | undefined): FakeSheet => {
      const sheet = ss._sheets.find((s) => s._id === sheetId);
      if (!sheet) throw apiError("batchUpdate", `Invalid requests[${i}].${kind}: No grid with id: ${sheetId}`);
      return sheet;
    };
    const rangeOf = (range: sheets_v4.Schema$GridRange | undefined): FakeRange => {
      const sheet = sheetOf(range?.sheetId);
      const r0 = range?.startRowIndex ?? 0;
      const c0 = range?.startColumnIndex ?? 0;
      const r1 = range?.endRowIndex ?? sheet._maxRows;
      const c1 = range?.endColumnIndex ?? sheet._maxCols;
      if (r1 <= r0 || c1 <= c0 || r1 > sheet._maxRows || c1 > sheet._maxCols)
        throw apiError("batchUpdate", `Invalid requests[${i}].${kind}: range outside the grid.`);
      return sheet._range(r0 + 1, c0 + 1, r1 - r0, c1 - c0);
    };
    const needFields = (fields: string | null | undefined) => {
      if (!fields) throw apiError("batchUpdate", `Invalid requests[${i}].${kind}: At least one field must be updated.`);
      return fields;
    };
    switch (kind) {
      case "updateSheetProperties": {
        const body = request.updateSheetProperties!;
        const fields = needFields(body.fields);
        const sheet = sheetOf(body.properties?.sheetId);
        if (fields !== "gridProperties.frozenRowCount")
          throw apiError("batchUpdate", `fake: field mask «${fields}» is not modelled`);
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
          throw apiError("batchUpdate", `fake: field mask «${fields}» is not modelled`);
        const rows = body.rows ?? [];
        if (rows.length > range._numRows || rows.some((r) => (r.values ?? []).length > range._numCols))
          throw apiError("batchUpdate", `Invalid requests[${i}].updateCells: more data than the range holds.`);
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
          throw apiError("batchUpdate", `fake: only ONE_OF_LIST dropdowns are modelled (requests[${i}])`);
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
          throw apiError("batchUpdate", `fake: only spreadsheet-level metadata is modelled (requests[${i}])`);
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
  throw apiError("batchUpdate", "fake: only string, number and boolean values are modelled");
}

/** What Spreadsheets.get returns for the fields the add-on asks (a superset is harmless). */
function describe(ss: FakeSpreadsheet): sheets_v4.Schema$Spreadsheet {
  return {
    spreadsheetId: ss._id,
    properties: { title: ss._name, locale: "ru_RU" },
    sheets: ss._sheets.map((s) => ({
      properties: { sheetId: s._id, title: s._name, gridProperties: { frozenRowCount: s._frozenRows } },
      protectedRanges: s._protections.map((p) => ({ description: p.getDescription(), warningOnly: p.isWarningOnly() })),
    })),
    developerMetadata: ss._metadata
      .filter((m) => m._json().visibility === "DOCUMENT")
      .map((m) => ({ metadataKey: m._json().key, metadataValue: m._json().value ?? "" })),
  };
}
