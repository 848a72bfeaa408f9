/**
 * «Сформировать отчёт» at a fixed number of Apps Script calls, whatever the length of the plan,
 * and the reads that make it so (tab-layout.ts, report-folder.ts): every shortcut gives the same
 * document as the full read would, or falls back to it.
 * The bundle over 1,000-row workbooks, about 9 s: `npm test` runs it, `npm run test:unit` leaves
 * it (test/gas/report.test.ts keeps the click in the unit loop).
 * @module-tag slow
 */
import { describe, expect, it } from "vitest";
import type { ReportOutcome, SidebarState } from "../../src/api.js";
import type { WorkbookGrid } from "../../src/core/grid.js";
import { syntheticGrid } from "../../bench/synthetic.js";
import { CallCounter, type FakeSpreadsheet, spreadsheetFromGrid, zonedMidnight } from "./fake/index.js";
import { unzip } from "./fake/zip.js";
import { NOW, documentIdOf, sampleGrid, createdReport } from "./fixtures.js";
import { type GasEnvironment, createGasEnvironment } from "./load-bundle.js";

/**
 * The report click after the sidebar has read the workbook, as a user makes it: at most this many
 * Apps Script calls (bench/gas.ts «report»; 105 before, 607 before the Doc was one upload):
 * 38 for the check and the Doc, 2 for the PDF beside it (report-pdf.ts: export, create).
 */
const REPORT_CALLS = 40;

function setUp(grid: WorkbookGrid = sampleGrid(), timeZone?: string): GasEnvironment {
  const counter = new CallCounter();
  return createGasEnvironment({
    spreadsheet: spreadsheetFromGrid(grid, counter, undefined, timeZone),
    counter,
    now: NOW,
  });
}

/** A change of content (a new report, not a repeated click), made by hand: no call counted. */
function edit(env: GasEnvironment, text: string): void {
  env.counter.paused(() => env.fake.spreadsheet._sheet("Выводы").getRange("B2").setValue(text));
}

/** The body of the .docx the report uploaded. */
function uploadedBody(env: GasEnvironment, outcome: ReportOutcome): string {
  const id = documentIdOf(createdReport(outcome).report.url);
  return unzip(env.fake.driveV3._uploads.get(id)!).get("word/document.xml")!.toString("utf8");
}

const storedLayout = (env: GasEnvironment) =>
  JSON.parse(env.fake.propertiesService._document._data.get("mip.tabLayout") ?? "null") as {
    titles: string[];
    timeZone: string;
  } | null;

describe("«Сформировать отчёт» in Apps Script calls", () => {
  it(`after the sidebar's read: the same calls for 10 and 1,000 plan rows, at most ${REPORT_CALLS}`, () => {
    const click = (planRows: number) => {
      const env = setUp(syntheticGrid({ planRows, pairs: Math.max(10, Math.round(planRows / 2)) }));
      env.call<SidebarState>("sidebarGetState");
      createdReport(env.call<ReportOutcome>("sidebarGenerateReport"));
      edit(env, "Педагогический совет школы");
      env.counter.reset();
      const outcome = createdReport(env.call<ReportOutcome>("sidebarGenerateReport"));
      return { total: env.counter.total, snapshot: env.counter.snapshot(), name: outcome.report.name };
    };
    const small = click(10);
    const large = click(1_000);
    const shown = JSON.stringify(large.snapshot);
    expect(large.snapshot, shown).toEqual(small.snapshot);
    expect(large.total, shown).toBeLessThanOrEqual(REPORT_CALLS);
    // One call per template tab and no tab asked its name; one read and one write of the properties;
    // one Blob, one listing, the upload and the PDF beside it (one export, a second create); the
    // link's metadata found at its remembered place.
    expect(large.snapshot["Sheet.getSheetValues"], shown).toBe(22);
    expect(large.snapshot["Sheet.getName"], shown).toBeUndefined();
    expect(
      [
        "Properties.getProperties",
        "Properties.setProperties",
        "Utilities.newBlob",
        "Drive.Files.list",
        "Drive.Files.create",
        "Drive.Files.export",
      ].map((name) => large.snapshot[name]),
      shown,
    ).toEqual([1, 1, 1, 1, 2, 1]);
    expect([large.snapshot["Spreadsheet.getDeveloperMetadata"], large.snapshot["DeveloperMetadata.getKey"]]).toEqual([
      1, 1,
    ]);
    expect(large.name).toMatch(/\(2\)$/);
  });

  it("the first click, before any sidebar read, costs the same for 10 and 300 plan rows too", () => {
    const click = (planRows: number) => {
      const env = setUp(syntheticGrid({ planRows, pairs: Math.max(10, Math.round(planRows / 2)) }));
      env.counter.reset();
      createdReport(env.call<ReportOutcome>("sidebarGenerateReport"));
      return env.counter.snapshot();
    };
    expect(click(300)).toEqual(click(10));
  });
});

/** A workbook changed after the sidebar's read: the report (A) against a first click on the same change (B). */
function sameAsFullRead(change: (ss: FakeSpreadsheet) => void, grid: WorkbookGrid = sampleGrid(), timeZone?: string) {
  const a = setUp(grid, timeZone);
  a.call<SidebarState>("sidebarGetState");
  a.counter.paused(() => change(a.fake.spreadsheet));
  a.counter.reset();
  const viaLayout = a.call<ReportOutcome>("sidebarGenerateReport");
  const b = setUp(grid, timeZone);
  b.counter.paused(() => change(b.fake.spreadsheet));
  const full = b.call<ReportOutcome>("sidebarGenerateReport");
  return { a, body: uploadedBody(a, viaLayout), expected: uploadedBody(b, full) };
}

describe("reading the tabs by the positions of the sidebar's last read", () => {
  it("gives the document a read by name gives", () => {
    const { a, body, expected } = sameAsFullRead(() => {});
    expect(body).toBe(expected);
    expect(a.counter.count("Sheet.getName")).toBe(0);
  });

  it.each([
    [
      "a tab moved",
      (ss: FakeSpreadsheet) => {
        const plan = ss._sheets.findIndex((s) => s._name === "План-факт");
        ss._sheets.push(...ss._sheets.splice(plan, 1));
      },
    ],
    ["a tab added", (ss: FakeSpreadsheet) => void ss._addSheet("Черновик", {}, 0)],
    ["a tab deleted", (ss: FakeSpreadsheet) => void ss._sheets.splice(ss._sheets.length - 1, 1)],
    [
      "two key-value tabs swapped (the same header row, other labels)",
      (ss: FakeSpreadsheet) => {
        const general = ss._sheets.findIndex((s) => s._name === "Общие сведения");
        const settings = ss._sheets.findIndex((s) => s._name === "Настройки");
        [ss._sheets[general], ss._sheets[settings]] = [ss._sheets[settings]!, ss._sheets[general]!];
      },
    ],
    [
      "a header changed",
      (ss: FakeSpreadsheet) => {
        ss._sheet("Задачи").getRange("A1").setValue("Номер задачи");
      },
    ],
  ])("%s: the report reads by name and gives the full read's document", (_what, change) => {
    const { a, body, expected } = sameAsFullRead(change);
    expect(body).toBe(expected);
    expect(a.counter.count("Sheet.getName")).toBeGreaterThan(0);
    // The layout now stored is the workbook's: the next report reads by position again.
    expect(storedLayout(a)!.titles).toEqual(a.fake.spreadsheet._sheets.map((s) => s._name));
  });

  it("a rename with nothing else changed is not seen until the sidebar reads the workbook again", () => {
    const env = setUp();
    env.call<SidebarState>("sidebarGetState");
    env.fake.spreadsheet._sheet("Выводы")._name = "Выводы (черновик)";
    env.counter.reset();
    createdReport(env.call<ReportOutcome>("sidebarGenerateReport"));
    // Read by position under its old title (tab-layout.ts says why that is acceptable)…
    expect(env.counter.count("Sheet.getName")).toBe(0);
    // …until the next full read, which stores the new title.
    env.call<SidebarState>("sidebarGetState");
    expect(storedLayout(env)!.titles).toContain("Выводы (черновик)");
    expect(storedLayout(env)!.titles).not.toContain("Выводы");
  });

  it("a time zone changed since: the dates stop landing on midnight, the report asks the zone and reads them in it", () => {
    // Sheets keeps a date cell's day when the zone changes: the cell is midnight of the new zone.
    const rezone = (ss: FakeSpreadsheet) => {
      (ss as { _timeZone: string })._timeZone = "Asia/Novokuznetsk";
      for (const sheet of ss._sheets)
        for (const row of sheet._cells)
          for (const cell of row ?? [])
            if (cell?.value instanceof Date) {
              const iso = new Date(cell.value.getTime() + 3 * 3_600_000).toISOString().slice(0, 10);
              cell.value = zonedMidnight(iso, "Asia/Novokuznetsk");
            }
    };
    const datesIn = (ss: FakeSpreadsheet) =>
      ss._sheets.some((s) => s._cells.some((r) => (r ?? []).some((c) => c?.value instanceof Date)));
    const probe = setUp();
    expect(datesIn(probe.fake.spreadsheet)).toBe(true);
    const { a, body, expected } = sameAsFullRead(rezone);
    expect(body).toBe(expected);
    expect(a.counter.count("Spreadsheet.getSpreadsheetTimeZone")).toBe(1);
    expect(storedLayout(a)!.timeZone).toBe("Asia/Novokuznetsk");
  });
});

describe("the report folder the workbook remembers", () => {
  const ownFolders = (env: GasEnvironment) =>
    [...env.fake.drive._files.values()].filter((f) => f.folder && f.name === "Отчёты МИП" && f.appCreated);

  it("gone from Drive: the upload's 404 sends the report to the user's own folder, made anew", () => {
    const env = setUp();
    env.call<SidebarState>("sidebarGetState");
    createdReport(env.call<ReportOutcome>("sidebarGenerateReport"));
    const [first] = ownFolders(env);
    env.fake.drive._files.delete(first!.id);
    edit(env, "Управляющий совет");
    const second = createdReport(env.call<ReportOutcome>("sidebarGenerateReport"));
    const [again] = ownFolders(env);
    expect(again!.id).not.toBe(first!.id);
    expect(env.fake.drive._namesIn(again!.id)).toContain(second.report.name);
    expect(env.fake.propertiesService._document._data.get("mip.ownFolder")).toBe(again!.id);
  });

  it("in the bin: nothing is made there (its files count as trashed); a new folder takes the report", () => {
    const env = setUp();
    env.call<SidebarState>("sidebarGetState");
    createdReport(env.call<ReportOutcome>("sidebarGenerateReport"));
    const [binned] = ownFolders(env);
    binned!.trashed = true;
    const before = env.fake.drive._namesIn(binned!.id).length;
    edit(env, "Управляющий совет");
    const second = createdReport(env.call<ReportOutcome>("sidebarGenerateReport"));
    expect(env.fake.drive._namesIn(binned!.id)).toHaveLength(before);
    const fresh = ownFolders(env).find((f) => !f.trashed)!;
    expect(env.fake.drive._namesIn(fresh.id)).toContain(second.report.name);
  });
});
