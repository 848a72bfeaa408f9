/**
 * The fake's advanced services refuse what Google's published definitions refuse: the add-on's
 * own payloads (a school report, made twice, and a committee refresh) are accepted, and a copy of
 * one of them with a single planted fault of each kind is refused with Google's kind of message
 * (test/gas/fake/api-schema/validate.ts).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { ReportOutcome } from "../../src/api.js";
import { schoolGrid } from "../committee/fixtures.js";
import { committeeEnv } from "../committee/gas-env.js";
import { type AcceptedCall, checkAdvancedCall } from "./fake/api-schema/index.js";
import { CallCounter, spreadsheetFromGrid } from "./fake/index.js";
import { NOW, sampleGrid } from "./fixtures.js";
import { type GasEnvironment, createGasEnvironment } from "./load-bundle.js";

type Json = Record<string, any>;

let school: GasEnvironment;
let schoolCalls: AcceptedCall[];
let committeeCalls: AcceptedCall[];
let committee: ReturnType<typeof committeeEnv>;

beforeAll(() => {
  const counter = new CallCounter();
  school = createGasEnvironment({ spreadsheet: spreadsheetFromGrid(sampleGrid(), counter), counter, now: NOW });
  school.fake.refusals.keepCalls = true;
  expect(school.call<ReportOutcome>("sidebarGenerateReport").kind).toBe("created");
  // A changed workbook makes a second report: the add-on finds its folder again (files.get).
  counter.paused(() => school.fake.spreadsheet._sheet("Выводы").getRange("B2").setValue("Управляющий совет школы"));
  expect(school.call<ReportOutcome>("sidebarGenerateReport").kind).toBe("created");
  schoolCalls = [...school.fake.refusals.accepted];
  committee = committeeEnv([
    {
      id: "1schoolplanted0001abcdefghijklmnop",
      organisation: "Школа № 7",
      grid: schoolGrid({ shortName: "Школа № 7" }),
    },
  ]);
  committee.fake.refusals.keepCalls = true;
  committee.run("committeeRefresh");
  committeeCalls = [...committee.fake.refusals.accepted];
});

/** The add-on's first call of a method, its arguments deep-copied for planting. */
function first(calls: readonly AcceptedCall[], method: string): unknown[] {
  const found = calls.find((c) => c.method === method);
  if (!found) throw new Error(`the add-on made no ${method} call`);
  return found.args.map((a) => (a && typeof a === "object" && !("getBytes" in (a as object)) ? structuredClone(a) : a));
}

const firstRequest = (args: unknown[], kind: string): Json => {
  const request = ((args[0] as Json).requests as Json[]).find((r) => r[kind]);
  if (!request) throw new Error(`the layout batch has no ${kind}`);
  return request[kind] as Json;
};

interface Fault {
  readonly kind: string;
  readonly method: string;
  readonly plant: (args: unknown[]) => void;
  readonly refusal: RegExp;
}

const docsBatch = "docs.documents.batchUpdate";
const FAULTS: readonly Fault[] = [
  {
    kind: "Docs: an unknown property inside a style, outside the update mask",
    method: docsBatch,
    plant: (a) => (firstRequest(a, "updateParagraphStyle").paragraphStyle.keepWithNxt = true),
    refusal: /Unknown name "keepWithNxt" at 'requests\[\d+\]\.update_paragraph_style\.paragraph_style'/,
  },
  {
    kind: "Docs: an unknown property in a nested location",
    method: docsBatch,
    plant: (a) => (firstRequest(a, "pinTableHeaderRows").tableStartLocation.idx = 3),
    refusal: /Unknown name "idx"/,
  },
  {
    kind: "Docs: an unknown property of a request",
    method: docsBatch,
    plant: (a) => (firstRequest(a, "updateTableRowStyle").rowIndexes = [0]),
    refusal: /Unknown name "rowIndexes"/,
  },
  {
    kind: "Docs: an unknown top-level body field",
    method: docsBatch,
    plant: (a) => ((a[0] as Json).writeControll = { requiredRevisionId: "r1" }),
    refusal: /Unknown name "writeControll": Cannot find field/,
  },
  {
    kind: "Docs: an enum value outside the update mask (unit MM)",
    method: docsBatch,
    plant: (a) => (firstRequest(a, "updateParagraphStyle").paragraphStyle.spaceAbove = { magnitude: 2, unit: "MM" }),
    refusal: /space_above\.unit' \(TYPE_ENUM\), "MM"/,
  },
  {
    kind: "Docs: a value of the wrong type",
    method: docsBatch,
    plant: (a) => (firstRequest(a, "updateTableRowStyle").tableRowStyle.preventOverflow = "true"),
    refusal: /prevent_overflow' \(TYPE_BOOL\)/,
  },
  {
    kind: "Docs: a read-only (output only) sectionType set by updateSectionStyle",
    method: docsBatch,
    plant: (a) => {
      const range = firstRequest(a, "updateParagraphStyle").range as Json;
      (a[0] as Json).requests.unshift({
        updateSectionStyle: { range, sectionStyle: { sectionType: "NEXT_PAGE" }, fields: "sectionType" },
      });
    },
    refusal: /section_type': the field is output only/,
  },
  {
    kind: "Docs: an update mask naming no field of its root",
    method: docsBatch,
    plant: (a) => (firstRequest(a, "updateParagraphStyle").fields = "keepWithNext,keepTogether"),
    refusal: /«keepTogether» is not a field of paragraph_style/,
  },
  {
    kind: "Docs: two request kinds in one Request (a union)",
    method: docsBatch,
    plant: (a) => {
      const requests = (a[0] as Json).requests as Json[];
      const pin = requests.find((r) => r.pinTableHeaderRows)!;
      pin.updateTableRowStyle = structuredClone(requests.find((r) => r.updateTableRowStyle)!.updateTableRowStyle);
    },
    refusal: /only one of .*pinTableHeaderRows.* may be set/,
  },
  {
    kind: "Docs: both members of the union «cells» (tableRange and tableStartLocation)",
    method: docsBatch,
    plant: (a) => {
      const cell = firstRequest(a, "updateTableCellStyle");
      const start = (cell.tableStartLocation ?? cell.tableRange.tableCellLocation.tableStartLocation) as Json;
      cell.tableStartLocation = start;
      cell.tableRange = {
        tableCellLocation: { tableStartLocation: start, rowIndex: 0, columnIndex: 0 },
        rowSpan: 1,
        columnSpan: 1,
      };
    },
    refusal: /only one of tableRange, tableStartLocation may be set/,
  },
  {
    kind: "Docs: Documents.get with a field the Document has not",
    method: "docs.documents.get",
    plant: (a) => ((a[1] as Json).fields = "body.content(startIndex,paragraf)"),
    refusal: /Invalid field selection paragraf/,
  },
  {
    kind: "Docs: Documents.get with an unknown parameter",
    method: "docs.documents.get",
    plant: (a) => ((a[1] as Json).suggestionsMode = "INLINE"),
    refusal: /Unknown name "suggestionsMode": Cannot bind query parameter/,
  },
  {
    kind: "Docs: Documents.get with a parameter value outside its enum",
    method: "docs.documents.get",
    plant: (a) => ((a[1] as Json).suggestionsViewMode = "INLINE"),
    refusal: /Invalid value at 'suggestions_view_mode'/,
  },
  {
    kind: "Drive: files.create with a fields mask naming no File field",
    method: "drive.files.create",
    plant: (a) => ((a[2] as Json).fields = "id,title"),
    refusal: /Invalid field selection title/,
  },
  {
    kind: "Drive: files.list with a fields mask naming no File field",
    method: "drive.files.list",
    plant: (a) => ((a[0] as Json).fields = "nextPageToken,files(title)"),
    refusal: /Invalid field selection title/,
  },
  {
    kind: "Drive: files.create with v2's title",
    method: "drive.files.create",
    plant: (a) => {
      const body = a[0] as Json;
      body.title = body.name;
      delete body.name;
    },
    refusal: /Unknown name "title"/,
  },
  {
    kind: "Drive: files.create with v2's convert parameter",
    method: "drive.files.create",
    plant: (a) => ((a[2] as Json).convert = true),
    refusal: /Unknown name "convert": Cannot bind query parameter/,
  },
  {
    kind: "Drive: files.export without Apps Script's alt=media",
    method: "drive.files.export",
    plant: (a) => delete (a[2] as Json).alt,
    refusal: /Export requires alt=media to download the exported content/,
  },
  {
    kind: "Drive: files.export with a parameter export does not take",
    method: "drive.files.export",
    plant: (a) => ((a[2] as Json).supportsAllDrives = true),
    refusal: /Unknown name "supportsAllDrives": Cannot bind query parameter/,
  },
  {
    kind: "Drive: files.create with two parents",
    method: "drive.files.create",
    plant: (a) => ((a[0] as Json).parents = ["folder-a", "folder-b"]),
    refusal: /parents': at most 1 allowed, 2 given/,
  },
  {
    kind: "Drive: files.list with pageSize 5000",
    method: "drive.files.list",
    plant: (a) => ((a[0] as Json).pageSize = 5000),
    refusal: /Invalid value '5000'\. Values must be within the range: \[1, 1000\]/,
  },
  {
    kind: "Drive: files.get with a parameter only files.list takes",
    method: "drive.files.get",
    plant: (a) => ((a[1] as Json).includeItemsFromAllDrives = true),
    refusal: /Unknown name "includeItemsFromAllDrives"/,
  },
  {
    kind: "Drive: files.create setting a read-only field",
    method: "drive.files.create",
    plant: (a) => ((a[0] as Json).webViewLink = "https://docs.google.com/document/d/x"),
    refusal: /not directly writable: webViewLink/,
  },
  {
    kind: "Sheets: spreadsheets.get with a fields mask naming no field",
    method: "sheets.spreadsheets.get",
    plant: (a) => ((a[1] as Json).fields = "properties.locale,sheets.properties.name"),
    refusal: /Invalid field selection name/,
  },
  {
    kind: "Sheets: spreadsheets.get with an unknown parameter",
    method: "sheets.spreadsheets.get",
    plant: (a) => ((a[1] as Json).valueRenderOption = "UNFORMATTED_VALUE"),
    refusal: /Unknown name "valueRenderOption": Cannot bind query parameter/,
  },
  {
    kind: "Sheets: values.batchGet with a valueRenderOption outside its enum",
    method: "sheets.spreadsheets.values.batchGet",
    plant: (a) => ((a[1] as Json).valueRenderOption = "UNFORMATTED"),
    refusal: /Invalid value at 'value_render_option'/,
  },
  {
    kind: "Sheets: values.batchGet with a dateTimeRenderOption outside its enum",
    method: "sheets.spreadsheets.values.batchGet",
    plant: (a) => ((a[1] as Json).dateTimeRenderOption = "FORMATTED"),
    refusal: /Invalid value at 'date_time_render_option'/,
  },
  {
    kind: "Sheets: values.batchGet with an unknown parameter",
    method: "sheets.spreadsheets.values.batchGet",
    plant: (a) => ((a[1] as Json).range = (a[1] as Json).ranges[0]),
    refusal: /Unknown name "range": Cannot bind query parameter/,
  },
];

/** The service object a call goes through: Docs.Documents, Drive.Files, Sheets.Spreadsheets.Values. */
function replay(env: GasEnvironment, method: string, args: unknown[]): unknown {
  const [api, ...path] = method.split(".");
  const root = { docs: env.fake.docsApi, drive: env.fake.driveV3, sheets: env.fake.sheetsApi }[api as "docs"] as Json;
  let target: Json = root;
  for (const part of path.slice(0, -1)) target = target[part.charAt(0).toUpperCase() + part.slice(1)] as Json;
  return (target[path[path.length - 1]!] as (...a: unknown[]) => unknown)(...args);
}

describe("the fake refuses what Google's definitions refuse", () => {
  it("accepts every payload the add-on sends (report twice, committee refresh)", () => {
    const methods = new Set([...schoolCalls, ...committeeCalls].map((c) => c.method));
    expect([...methods].sort()).toEqual([
      "docs.documents.batchUpdate",
      "docs.documents.get",
      "drive.files.create",
      "drive.files.export",
      "drive.files.get",
      "drive.files.list",
      "sheets.spreadsheets.get",
      "sheets.spreadsheets.values.batchGet",
    ]);
    for (const call of [...schoolCalls, ...committeeCalls]) {
      const [api, ...rest] = call.method.split(".");
      expect(() => checkAdvancedCall(api as "docs", rest.join("."), call.args)).not.toThrow();
    }
  });

  it(`plants ${FAULTS.length} kinds of single faults; each is refused and logged as a refusal`, () => {
    expect(FAULTS.length).toBeGreaterThanOrEqual(24);
    for (const fault of FAULTS) {
      const sheets = fault.method.startsWith("sheets.");
      const env = sheets ? committee : school;
      const args = first(sheets ? committeeCalls : schoolCalls, fault.method);
      fault.plant(args);
      let message = "";
      try {
        replay(env, fault.method, args);
      } catch (error) {
        message = error instanceof Error ? error.message : String(error);
      }
      expect(message, fault.kind).toMatch(fault.refusal);
      expect(message, fault.kind).toMatch(/^GoogleJsonResponseException: API call to [\w.]+ failed with error: /);
      expect(env.fake.refusals.take(), fault.kind).toHaveLength(1);
    }
  });
});
