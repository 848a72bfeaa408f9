/**
 * «Сформировать отчёт» on the BUILT bundle: a PDF beside the Google Doc (Drive's export of it,
 * in the same folder, «{name}.pdf»), a failed export that keeps the Doc and says why, and the
 * sheet's list of earlier reports behind «Прежние отчёты».
 */
import { describe, expect, it } from "vitest";
import type { ReportOutcome, ReportRecord, SidebarState } from "../../src/api.js";
import type { WorkbookGrid } from "../../src/core/grid.js";
import { CallCounter, PDF_MIME, spreadsheetFromGrid } from "./fake/index.js";
import { NOW, documentIdOf, sampleGrid, withField, createdReport } from "./fixtures.js";
import { type GasEnvironment, createGasEnvironment } from "./load-bundle.js";

function setUp(grid: WorkbookGrid = sampleGrid()): GasEnvironment {
  const counter = new CallCounter();
  return createGasEnvironment({ spreadsheet: spreadsheetFromGrid(grid, counter), counter, now: NOW });
}

/** A new report: the workbook changes a little first (an unchanged one within two minutes repeats the last). */
function nextReport(env: GasEnvironment, n: number) {
  env.fake.spreadsheet._sheet("Выводы").getRange("B2").setValue(`Педагогический совет, заседание ${n}`);
  return createdReport(env.call<ReportOutcome>("sidebarGenerateReport"));
}

const fileOf = (env: GasEnvironment, url: string) => {
  const id = /\/d\/([-\w]+)/.exec(url)![1]!;
  return { id, item: env.fake.drive._files.get(id)! };
};

const HISTORY_KEY = "mip.reportHistory";
const storedHistory = (env: GasEnvironment) =>
  JSON.parse(env.fake.propertiesService._document._data.get(HISTORY_KEY) ?? "[]") as ReportRecord[];

function record(n: number, name = `Отчёт МИП — Школа № ${n} — 2021`): ReportRecord {
  return {
    name,
    url: `https://docs.google.com/document/d/doc${n}/edit`,
    pdfUrl: `https://drive.google.com/file/d/pdf${n}/view`,
    date: "01.06.2021",
    createdAt: `2021-06-01T09:${String(n % 60).padStart(2, "0")}:00.000Z`,
    kind: "итоговый",
    draft: false,
  };
}

describe("a PDF beside the report", () => {
  it("is Drive's export of the Doc, saved in the same folder as «{name}.pdf», linked in the outcome, the state and the menu's dialog", () => {
    const env = setUp();
    env.counter.reset();
    const outcome = createdReport(env.call<ReportOutcome>("sidebarGenerateReport"));
    const doc = fileOf(env, outcome.report.url);
    expect(outcome.report.pdfUrl).toBeDefined();
    expect(outcome.report.pdfProblem).toBeUndefined();
    const pdf = fileOf(env, outcome.report.pdfUrl!);
    expect(pdf.item.name).toBe(`${outcome.report.name}.pdf`);
    expect(pdf.item.mimeType).toBe(PDF_MIME);
    expect(pdf.item.parents).toEqual(doc.item.parents);
    const bytes = env.fake.driveV3._contents.get(pdf.id)!;
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // The PDF carries the Doc's own words (the fake writes the exported document's text into it).
    const words = bytes.toString("utf8");
    const docText = env.counter.paused(() => env.fake.documentApp._documents.get(doc.id)!._body.getText());
    expect(docText.length).toBeGreaterThan(500);
    expect(words).toContain(docText.split("\n").find((line) => line.includes("Отчёт"))!);
    // Two calls for the PDF: the export and the upload of its blob.
    expect(env.counter.count("Drive.Files.export")).toBe(1);
    expect(env.counter.count("Drive.Files.create")).toBe(3); // the folder, the Doc, the PDF

    expect(env.call<SidebarState>("sidebarGetState").lastReport?.pdfUrl).toBe(outcome.report.pdfUrl);

    env.fake.spreadsheet._sheet("Выводы").getRange("B2").setValue("Управляющий совет школы");
    env.fns.menuGenerateReport!();
    const html = env.fake.ui._dialogs.at(-1)!.html.getContent();
    const second = JSON.parse(env.fake.propertiesService._document._data.get("mip.lastReport")!) as {
      pdfUrl: string;
      name: string;
    };
    expect(html).toContain(`href="${second.pdfUrl}"`);
    expect(html).toContain(`>${second.name}.pdf</a>`);
  });

  it("a repeated click returns the same Doc and PDF and exports nothing again", () => {
    const env = setUp();
    const first = createdReport(env.call<ReportOutcome>("sidebarGenerateReport"));
    env.counter.reset();
    const again = createdReport(env.call<ReportOutcome>("sidebarGenerateReport"));
    expect(again.report).toEqual(first.report);
    expect(env.counter.count("Drive.Files.export")).toBe(0);
    expect([...env.fake.drive._files.values()].filter((f) => f.mimeType === PDF_MIME)).toHaveLength(1);
  });

  it("over Google's 10 MB the Doc is still made and linked; the PDF line says why it is missing, in Russian", () => {
    const env = setUp();
    env.fake.driveV3._exportLimitBytes = 1000;
    const outcome = createdReport(env.call<ReportOutcome>("sidebarGenerateReport"));
    expect(env.fake.documentApp._documents.has(documentIdOf(outcome.report.url))).toBe(true);
    expect(outcome.report.pdfUrl).toBeUndefined();
    expect(outcome.report.pdfProblem).toBe(
      "PDF не сохранён: документ больше 10 МБ — Google выгружает в PDF не больше. " +
        "Откройте документ и скачайте PDF из него: «Файл → Скачать → Документ PDF».",
    );
    expect([...env.fake.drive._files.values()].filter((f) => f.mimeType === PDF_MIME)).toEqual([]);
    expect(outcome.history?.[0]).toMatchObject({ url: outcome.report.url, pdfUrl: null });

    env.fake.spreadsheet._sheet("Выводы").getRange("B2").setValue("Управляющий совет школы");
    env.fns.menuGenerateReport!();
    const html = env.fake.ui._dialogs.at(-1)!.html.getContent();
    expect(html).toContain("Документ создан:");
    expect(html).toContain("PDF не сохранён: документ больше 10 МБ");
  });

  it("when Drive refuses the PDF's upload (quota), the Doc stays and the line says to try later", () => {
    const env = setUp();
    nextReport(env, 1); // the folder exists now
    env.fake.driveV3._createsLeft = 1; // the Doc, then Drive's rate limit
    const outcome = nextReport(env, 2);
    expect(env.fake.documentApp._documents.has(documentIdOf(outcome.report.url))).toBe(true);
    expect(outcome.report.pdfProblem).toMatch(/^PDF не сохранён: Google Диск временно ограничил число операций\./);
    expect(outcome.report.pdfProblem).toContain("сформируйте документ ещё раз позже");
  });
});

describe("the sheet's earlier reports («Прежние отчёты»)", () => {
  it("grows with each report, newest first, with the day in Russian, the kind, the draft mark and both links", () => {
    const env = setUp();
    expect(env.call<ReportRecord[]>("sidebarReportHistory")).toEqual([]);
    const made = [1, 2, 3].map((n) => nextReport(env, n));
    const history = env.call<ReportRecord[]>("sidebarReportHistory");
    expect(history.map((r) => r.url)).toEqual(made.map((m) => m.report.url).reverse());
    expect(made[2]!.history).toEqual(history);
    expect(history[0]).toEqual({
      name: made[2]!.report.name,
      url: made[2]!.report.url,
      pdfUrl: made[2]!.report.pdfUrl,
      date: "20.12.2022",
      createdAt: made[2]!.report.createdAt,
      kind: "промежуточный",
      draft: made[2]!.report.draft,
    });
    // One read of one property, nothing else.
    env.counter.reset();
    env.call("sidebarReportHistory");
    expect(env.counter.total).toBe(2);
  });

  it("names a final report «итоговый» and a clean one without the draft mark", () => {
    const env = setUp(withField(sampleGrid(), "Общие сведения", "Вид отчёта", "Итоговый"));
    const outcome = createdReport(env.call<ReportOutcome>("sidebarGenerateReport"));
    expect(outcome.history![0]!.kind).toBe("итоговый");
    expect(outcome.history![0]!.draft).toBe(outcome.report.draft);
  });

  it("keeps the last 20 (the oldest dropped) and stays within one property's 9 KB", () => {
    const env = setUp();
    const earlier = Array.from({ length: 20 }, (_, i) => record(i + 1));
    env.fake.propertiesService._document._data.set(HISTORY_KEY, JSON.stringify(earlier));
    const outcome = nextReport(env, 1);
    const history = outcome.history!;
    expect(history).toHaveLength(20);
    expect(history[0]!.url).toBe(outcome.report.url);
    expect(history.at(-1)!.url).toBe(earlier[1]!.url); // record 1 dropped
    expect(storedHistory(env)).toHaveLength(20);

    // Long names: fewer are kept, never a value Apps Script would refuse.
    const longRecord = (i: number) => record(i + 1, `Отчёт МИП — ${"Очень длинное имя школы ".repeat(8)}${i}`);
    const long: ReportRecord[] = [];
    // As many as fit in 8 KB: the new report cannot join without the oldest leaving.
    const fits = (next: ReportRecord) => Buffer.byteLength(JSON.stringify([...long, next]), "utf8") <= 8 * 1024;
    while (fits(longRecord(long.length))) long.push(longRecord(long.length));
    while (fits(record(long.length + 1))) long.push(record(long.length + 1));
    env.fake.propertiesService._document._data.set(HISTORY_KEY, JSON.stringify(long));
    const next = nextReport(env, 2);
    const kept = env.fake.propertiesService._document._data.get(HISTORY_KEY)!;
    expect(Buffer.byteLength(kept, "utf8")).toBeLessThanOrEqual(8 * 1024);
    expect(next.history!.length).toBeLessThanOrEqual(long.length);
    expect(next.history![0]!.url).toBe(next.report.url);
    expect(next.history!.at(-1)!.url).not.toBe(long[0]!.url);
  });

  it("drops what it cannot read instead of showing it", () => {
    const env = setUp();
    env.fake.propertiesService._document._data.set(
      HISTORY_KEY,
      JSON.stringify([record(1), { name: "без ссылки" }, "строка", null, { ...record(2), kind: "годовой" }]),
    );
    expect(env.call<ReportRecord[]>("sidebarReportHistory")).toEqual([record(1)]);
    env.fake.propertiesService._document._data.set(HISTORY_KEY, "{не json");
    expect(env.call<ReportRecord[]>("sidebarReportHistory")).toEqual([]);
  });

  it("refuses arguments from the browser in Russian", () => {
    const env = setUp();
    expect(() => env.call("sidebarReportHistory", "лишнее")).toThrow(
      /^Панель передала данные функции, которая их не принимает\. Закройте панель МИП и откройте её снова/,
    );
  });
});
