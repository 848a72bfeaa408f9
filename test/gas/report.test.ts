import type { TableBlock } from "../../src/core/report/model.js";
import { describe, expect, it } from "vitest";
import type { ReportOutcome, SidebarState } from "../../src/api.js";
import { buildReport } from "../../src/core/report/build.js";
import { validateWorkbook } from "../../src/core/validate.js";
import { renderDocx } from "../../src/local/docx.js";
import { docxStructure, googleDocStructure } from "./docx-structure.js";
import {
  CallCounter,
  DOCUMENT_SERVICES,
  FAKE_SPREADSHEET_FOLDER,
  FakeTable,
  documentStructure,
  spreadsheetFromGrid,
  tableMerges,
} from "./fake/index.js";
import { NOW, documentIdOf, sampleGrid, sampleReportDate, withField, createdReport } from "./fixtures.js";
import { lastAlert } from "./inspect.js";
import { type GasEnvironment, createGasEnvironment } from "./load-bundle.js";
import type { WorkbookGrid } from "../../src/core/grid.js";

function setUp(grid: WorkbookGrid = sampleGrid()): GasEnvironment {
  const counter = new CallCounter();
  return createGasEnvironment({ spreadsheet: spreadsheetFromGrid(grid, counter), counter, now: NOW });
}

function docByUrl(env: GasEnvironment, url: string) {
  const id = documentIdOf(url);
  const doc = env.fake.documentApp._documents.get(id);
  if (!doc) throw new Error(`no document for ${url}`);
  return doc;
}

const expectedName = "Отчёт МИП — ";

/** The folder the add-on made for its documents. */
function ownFolder(env: GasEnvironment) {
  const found = [...env.fake.drive._files.values()].filter((f) => f.folder && f.name === "Отчёты МИП" && f.appCreated);
  if (found.length !== 1) throw new Error(`expected one «Отчёты МИП», found ${found.length}`);
  return found[0]!;
}

describe("«Сформировать отчёт» in Google Docs", () => {
  it("has the same text, order and tables as the .docx of the same workbook", async () => {
    const env = setUp();
    const outcome = createdReport(env.call<ReportOutcome>("sidebarGenerateReport"));
    const doc = docByUrl(env, outcome.report.url);

    const result = validateWorkbook(sampleGrid(), { today: sampleReportDate });
    const build = buildReport(result);
    if (build.kind !== "document") throw new Error("sample report is blocked");
    const fromDocx = await docxStructure(await renderDocx(build.model));
    const fromDocs = googleDocStructure(doc);
    expect(fromDocs.length).toBeGreaterThan(50);
    expect(fromDocs.filter((e) => "table" in e).length).toBeGreaterThan(5);
    expect(fromDocs).toEqual(fromDocx);
    expect(outcome.report.name).toBe(build.model.title);
  });

  it("formats it as the official form: A4, margins 20/30 mm, Times New Roman 14, tables 12 with a bold shaded header", () => {
    const env = setUp();
    const doc = docByUrl(env, createdReport(env.call<ReportOutcome>("sidebarGenerateReport")).report.url);
    const page = doc._body._page;
    expect(Math.round(page.width)).toBe(595);
    expect(Math.round(page.height)).toBe(842);
    expect(Math.round(page.left)).toBe(85);
    expect(Math.round(page.top)).toBe(57);
    const structure = documentStructure(doc);
    const tables = structure.filter((e) => e.type === "table");
    expect(tables.every((t) => t.type === "table" && t.headerBold && t.headerShaded)).toBe(true);
    const firstTable = doc._body._children.find((c) => c.constructor.name === "FakeTable") as unknown as {
      _rows: { _cells: { _node: { styleAt(i: number, a: string): unknown } }[] }[];
    };
    expect(firstTable._rows.at(-1)!._cells[0]!._node.styleAt(0, "FONT_SIZE")).toBe(12);
    expect(firstTable._rows.at(-1)!._cells[0]!._node.styleAt(0, "FONT_FAMILY")).toBe("Times New Roman");
    const heading = structure.find((e) => e.type === "paragraph" && e.heading === "HEADING1");
    expect(heading && heading.type === "paragraph" && heading.bold).toBe(true);
  });

  it("turns the page for «Альбомная»", () => {
    const env = setUp(withField(sampleGrid(), "Настройки", "Ориентация страниц отчёта", "Альбомная"));
    const doc = docByUrl(env, createdReport(env.call<ReportOutcome>("sidebarGenerateReport")).report.url);
    expect(doc._body._page.width).toBeGreaterThan(doc._body._page.height);
  });

  it("is a draft with the error appendix when there are errors and strict is off", () => {
    const env = setUp();
    const outcome = createdReport(env.call<ReportOutcome>("sidebarGenerateReport"));
    expect(outcome.errors).toBeGreaterThan(0);
    expect(outcome.report.draft).toBe(true);
    const text = documentStructure(docByUrl(env, outcome.report.url)).map((e) => ("text" in e ? e.text : ""));
    expect(text.join("\n")).toMatch(/ЧЕРНОВИК/);
    expect(text.join("\n")).toMatch(/Приложение\. Ошибки/);
    // From the menu: a dialog with the link and the same draft note as the sidebar and `mip report`.
    env.fake.spreadsheet._sheet("Выводы").getRange("B2").setValue("Управляющий совет школы");
    env.fns.menuGenerateReport!();
    const dialog = env.fake.ui._dialogs.at(-1)!;
    expect(dialog.title).toBe("Отчёт готов");
    expect(outcome.errors).toBe(2);
    expect(dialog.html.getContent()).toContain(
      "Это черновик: в таблице 2 ошибки. Они перечислены в приложении к отчёту",
    );
  });

  it("is blocked in strict mode: no document, the errors are returned and the menu says why", () => {
    const env = setUp(withField(sampleGrid(), "Настройки", "Не формировать отчёт при ошибках", "Да"));
    const outcome = env.call<ReportOutcome>("sidebarGenerateReport");
    expect(outcome.kind).toBe("blocked");
    if (outcome.kind === "blocked")
      expect(outcome.issues.every((i) => i.severity === "error") && outcome.issues.length > 0).toBe(true);
    env.fns.menuGenerateReport!();
    expect(lastAlert(env.fake)).toMatch(/Отчёт не сформирован/);
    expect(env.fake.documentApp._documents.size).toBe(0);
  });

  it(
    "goes to the add-on's own folder «Отчёты МИП» and stores the link " +
      "in the workbook (properties, developer metadata, sidebar state)",
    () => {
      const env = setUp();
      const outcome = createdReport(env.call<ReportOutcome>("sidebarGenerateReport"));
      expect(outcome.report.name.startsWith(expectedName)).toBe(true);
      expect(outcome.notice).toBeUndefined();
      expect(env.fake.drive._namesIn(ownFolder(env).id)).toContain(outcome.report.name);
      // Nothing lands beside the spreadsheet: under drive.file its folder is closed to the add-on.
      expect(env.fake.drive._namesIn(FAKE_SPREADSHEET_FOLDER)).not.toContain(outcome.report.name);
      const meta = env.fake.spreadsheet._metadata.find((m) => m.getKey() === "mip.lastReport");
      expect(JSON.parse(meta!.getValue()!)).toMatchObject({ url: outcome.report.url, name: outcome.report.name });
      const state = env.call<SidebarState>("sidebarGetState");
      expect(state.lastReport).toEqual(outcome.report);
    },
  );

  it("makes its folder once and finds it again after the user moves it; Drive v3 only, never DriveApp", () => {
    const env = setUp();
    const first = createdReport(env.call<ReportOutcome>("sidebarGenerateReport"));
    const folder = ownFolder(env);
    // The user moves «Отчёты МИП» into a folder of their own.
    env.fake.drive._addUserItem({ id: "folder-archive", name: "Архив", folder: true });
    folder.parents = ["folder-archive"];
    env.fake.spreadsheet._sheet("Выводы").getRange("B2").setValue("Управляющий совет школы");
    env.counter.reset();
    const second = createdReport(env.call<ReportOutcome>("sidebarGenerateReport"));
    expect([...env.fake.drive._files.values()].filter((f) => f.folder && f.name === "Отчёты МИП")).toHaveLength(1);
    expect(env.fake.drive._namesIn(folder.id).sort()).toEqual(
      [first.report.name, `${first.report.name}.pdf`, second.report.name, `${second.report.name}.pdf`].sort(),
    );
    expect(
      env.counter.countPrefix("DriveApp.") + env.counter.countPrefix("File.") + env.counter.countPrefix("Folder."),
    ).toBe(0);
    // The folder the workbook remembers: its listing (names, and proof it is in use), the
    // upload into it (create) — no separate look-up (get) — then the export and the PDF saved
    // beside it (export, create).
    expect([
      env.counter.count("Drive.Files.get"),
      env.counter.count("Drive.Files.list"),
      env.counter.count("Drive.Files.create"),
      env.counter.count("Drive.Files.export"),
    ]).toEqual([0, 1, 2, 1]);
  });

  it("two clicks make one document (the second, under the lock, returns the first)", () => {
    const env = setUp();
    const first = createdReport(env.call<ReportOutcome>("sidebarGenerateReport"));
    const second = createdReport(env.call<ReportOutcome>("sidebarGenerateReport"));
    expect(second.report).toEqual(first.report);
    expect(env.fake.documentApp._documents.size).toBe(1);
    expect(env.fake.lockService._document.acquisitions).toBe(2);
    expect(env.fake.lockService._document.holders).toBe(0);
  });

  it("while another execution holds the lock, says so in Russian and makes nothing", () => {
    const env = setUp();
    env.fake.lockService._document.heldElsewhere = true;
    expect(() => env.call("sidebarGenerateReport")).toThrow(/уже формируется/);
    env.fns.menuGenerateReport!();
    expect(lastAlert(env.fake)).toMatch(/уже формируется/);
    expect(env.fake.documentApp._documents.size).toBe(0);
  });

  it("never overwrites: an existing name gets «(2)», then «(3)»", () => {
    let grid = sampleGrid();
    const env = setUp(grid);
    const first = createdReport(env.call<ReportOutcome>("sidebarGenerateReport"));
    // A changed workbook is a new report, not a repeated click.
    env.fake.spreadsheet._sheet("Выводы").getRange("B2").setValue("Управляющий совет школы");
    const second = createdReport(env.call<ReportOutcome>("sidebarGenerateReport"));
    env.fake.spreadsheet._sheet("Выводы").getRange("B2").setValue("Педагогический совет");
    const third = createdReport(env.call<ReportOutcome>("sidebarGenerateReport"));
    expect(second.report.name).toBe(`${first.report.name} (2)`);
    expect(third.report.name).toBe(`${first.report.name} (3)`);
    expect(env.fake.documentApp._documents.size).toBe(3);
    grid = withField(grid, "Общие сведения", "Сайт", "https://example.ru");
    // A document of that name made earlier by the add-on (from another copy of the workbook) also counts.
    const env2 = setUp(grid);
    const folder = env2.fake.drive._createFile("Отчёты МИП", "application/vnd.google-apps.folder");
    folder.folder = true;
    env2.fake.propertiesService._user._data.set("mip.ownReportFolder", folder.id);
    env2.fake.drive._createFile(first.report.name, "application/vnd.google-apps.document", folder.id);
    expect(createdReport(env2.call<ReportOutcome>("sidebarGenerateReport")).report.name).toBe(
      `${first.report.name} (2)`,
    );
  });

  it("sets the Docs API layout after saving in two calls and merges group header cells only as the model has them", () => {
    const env = setUp();
    env.counter.reset();
    const doc = docByUrl(env, createdReport(env.call<ReportOutcome>("sidebarGenerateReport")).report.url);
    const result = validateWorkbook(sampleGrid(), { today: sampleReportDate });
    const build = buildReport(result);
    if (build.kind !== "document") throw new Error("sample report is blocked");
    expect([env.counter.count("Docs.Documents.get"), env.counter.count("Docs.Documents.batchUpdate")]).toEqual([1, 1]);
    const modelTables = build.model.blocks.filter((b): b is TableBlock => b.type === "table");
    const tables = doc._body._children.filter((c): c is FakeTable => c instanceof FakeTable);
    expect(tables.length).toBe(modelTables.length);
    // Each group header cell of the model (e.g. «Основные результаты реализации плана» over two columns) is one merge.
    const expected = modelTables.map((table) =>
      (table.headerRows ?? []).flatMap((row, r) => {
        let column = 0;
        return row.flatMap((cell) => {
          const merge = cell.span > 1 ? [{ row: r, column, rowSpan: 1, columnSpan: cell.span }] : [];
          column += cell.span;
          return merge;
        });
      }),
    );
    // The forms print their tables' headings in one row now (FORMS.md), so no cell is merged
    // where the model has no group header; a merge the model asks for is drawn as one.
    expect(tables.map((t) => tableMerges(t))).toEqual(expected);
  });

  it("without the Docs advanced service, or when the Docs API fails, the report is still made (headers unmerged)", () => {
    const counter = new CallCounter();
    const withoutDocs = createGasEnvironment({
      spreadsheet: spreadsheetFromGrid(sampleGrid(), counter),
      counter,
      now: NOW,
      without: ["Docs"],
    });
    expect(createdReport(withoutDocs.call<ReportOutcome>("sidebarGenerateReport")).report.url).toMatch(
      /^https:\/\/docs\.google\.com\//,
    );
    expect(counter.count("Docs.Documents.get")).toBe(0);

    const failing = setUp();
    (failing.fake.docsApi.Documents as { batchUpdate: unknown }).batchUpdate = () => {
      throw new Error(
        "GoogleJsonResponseException: API call to docs.documents.batchUpdate failed with error: Internal error",
      );
    };
    const outcome = createdReport(failing.call<ReportOutcome>("sidebarGenerateReport"));
    expect(outcome.report.url).toMatch(/^https:\/\/docs\.google\.com\//);
    expect(failing.fake.logger._lines.join("\n")).toMatch(/Объединение ячеек шапки таблицы не выполнено/);
    expect(outcome.notice).toMatch(/^Документ создан, но Google Документы не приняли его оформление: /);
  });

  it("keeps the list of report names within Apps Script's 9 KB per property, dropping the oldest", () => {
    const env = setUp();
    const store = env.fake.propertiesService._document._data;
    // Years of reports: long Cyrillic names filling the property almost to Apps Script's limit.
    const old: string[] = [];
    while (Buffer.byteLength(JSON.stringify(old), "utf8") < 8900)
      old.push(`Отчёт МИП — МОУ «Средняя школа № ${old.length}» — 2022 год`);
    old.pop();
    store.set("mip.reportNames", JSON.stringify(old));
    const outcome = createdReport(env.call<ReportOutcome>("sidebarGenerateReport"));
    const stored = store.get("mip.reportNames")!;
    expect(Buffer.byteLength(stored, "utf8")).toBeLessThanOrEqual(8 * 1024);
    const names = JSON.parse(stored) as string[];
    expect(names.at(-1)).toBe(outcome.report.name);
    expect(names.at(-2)).toBe(old.at(-1));
    expect(names).not.toContain(old[0]);
    expect(names.length).toBeGreaterThan(old.length * 0.8);
  });

  it(
    "uses the folder from «Настройки» when the add-on made it; a folder it did " +
      "not make is unreachable under drive.file: it says so and saves in its own",
    () => {
      const folderId = "folder-reports-2022";
      const grid = withField(
        sampleGrid(),
        "Настройки",
        "Папка для отчётов (ссылка или ID)",
        `https://drive.google.com/drive/folders/${folderId}`,
      );
      const env = setUp(grid);
      // A folder the add-on created earlier (e.g. its «Отчёты МИП», renamed by the user).
      env.fake.drive._files.set(folderId, {
        id: folderId,
        name: "Отчёты 2022",
        mimeType: "application/vnd.google-apps.folder",
        parents: ["root-folder"],
        folder: true,
        appCreated: true,
        lastUpdated: new Date(),
      });
      const ok = createdReport(env.call<ReportOutcome>("sidebarGenerateReport"));
      expect(env.fake.drive._namesIn(folderId)).toEqual([ok.report.name, `${ok.report.name}.pdf`]);
      expect(ok.notice).toBeUndefined();

      const env2 = setUp(grid);
      env2.fake.drive._addUserItem({ id: folderId, name: "Чужая папка", folder: true });
      const fallback = createdReport(env2.call<ReportOutcome>("sidebarGenerateReport"));
      expect(env2.fake.drive._namesIn(ownFolder(env2).id)).toContain(fallback.report.name);
      expect(env2.fake.drive._namesIn(folderId)).toEqual([]);
      expect(fallback.notice).toMatch(/Папка из «Настройки».*недоступна дополнению.*в папку «Отчёты МИП»/);
    },
  );

  it(
    "costs the same Apps Script calls for 10 and 200 plan rows: the Doc is one upload, " +
      "one Documents.get and one batchUpdate, at most 40 calls of its own",
    () => {
      const calls = (rows: number) => {
        const grid = sampleGrid();
        const plan = grid.tabs.find((t) => t.title === "План-факт")!;
        const template = plan.rows[1]!;
        // Every other row with a bold or italic run in a cell was a call per cell before.
        const body = Array.from({ length: rows }, (_, i) => [String(i + 1), ...template.slice(1)]);
        const big = {
          ...grid,
          tabs: grid.tabs.map((t) => (t === plan ? { ...t, rows: [plan.rows[0]!, ...body] } : t)),
        };
        const env = setUp(big);
        env.counter.reset();
        const outcome = createdReport(env.call<ReportOutcome>("sidebarGenerateReport"));
        const tableRows = docByUrl(env, outcome.report.url)._body._children.reduce(
          (n, c) => n + (c instanceof FakeTable ? c._rows.length : 0),
          0,
        );
        const document = DOCUMENT_SERVICES.reduce((n, prefix) => n + env.counter.countPrefix(prefix), 0);
        return { total: env.counter.total, document, snapshot: env.counter.snapshot(), tableRows };
      };
      const small = calls(10);
      const large = calls(200);
      // The larger report really is larger, and costs not one call more.
      expect(large.tableRows - small.tableRows).toBeGreaterThanOrEqual(190);
      expect(large.snapshot).toEqual(small.snapshot);
      expect(large.document).toBeLessThanOrEqual(40);
      expect(large.snapshot["Drive.Files.create"]).toBeGreaterThanOrEqual(1);
      // The .docx is zipped in JavaScript and handed over as one Blob.
      expect(large.snapshot["Utilities.newBlob"]).toBe(1);
      expect(large.snapshot["Utilities.zip"]).toBeUndefined();
      expect(large.snapshot["Docs.Documents.get"]).toBe(1);
      expect(large.snapshot["Docs.Documents.batchUpdate"]).toBe(1);
      expect(
        Object.keys(large.snapshot).filter((name) => /^(DocumentApp|Document|Body|Paragraph|Table|Text)\./.test(name)),
      ).toEqual([]);
    },
  );
});
