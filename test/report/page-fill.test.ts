/**
 * Pages without holes, measured on the rendered PDF: in every document the demo makes — both
 * forms' reports, the three schools' reports, the справка, the «Сводка по МИП», the roadmap's
 * order and its execution report — no page but the last is less than half full: not the page
 * before a turn of orientation (sections.ts places the turns so that it is full), not the page
 * before an appendix (page-breaks.ts lets the appendix follow on a page that is not), not the
 * last page of a landscape table (the roadmap's tables are fitted to the fewest lines). The
 * measure is pdftotext's word boxes (pdf-pages.ts pageFills); every document is rendered once,
 * all in one LibreOffice run.
 */
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildReport } from "../../src/core/report/build.js";
import { validateWorkbook } from "../../src/core/validate.js";
import { sampleGrid, sampleReportDate, sampleSchools } from "../../src/demo/sample.js";
import { renderDocx } from "../../src/local/docx.js";
import { ensureBuilt, mip, tempDir } from "../cli/helpers.js";
import { type PageFill, docxesToPdf, pageFills } from "./pdf-pages.js";

/** The demo's documents by the start of their file names. */
const DEMO = {
  kirovsky: "Отчёт МИП — МОУ ДО «Центр развития образования»",
  novokuznetsk: "Отчёт МИП — МБОУ «СОШ № 118»",
  spravka: "Справка о реализации проекта",
  summary: "Сводка по МИП",
  order: "Распоряжение о дорожной карте",
  execution: "Отчёт об исполнении дорожной карты",
} as const;

const pages = new Map<string, PageFill[]>();

beforeAll(async () => {
  ensureBuilt();
  const dir = tempDir("mip-fill-");
  const demo = mip(["demo", "--out", "demo"], dir);
  if (demo.code !== 0) throw new Error(`mip demo: ${demo.stderr}`);
  const files = readdirSync(join(dir, "demo")).filter((f) => f.endsWith(".docx"));
  const docxes = Object.entries(DEMO).map(([key, prefix]) => {
    const file = files.find((f) => f.startsWith(prefix));
    if (!file) throw new Error(`the demo made no «${prefix}»`);
    return { key, path: join(dir, "demo", file) };
  });
  // The schools' reports (the сводка's workbooks), built as `mip report` builds them.
  for (const [i, school] of sampleSchools().entries()) {
    const built = buildReport(validateWorkbook(school.grid, { today: sampleReportDate }), { strict: false });
    if (built.kind !== "document") throw new Error("expected a document");
    const path = join(dir, `school-${i}.docx`);
    writeFileSync(path, await renderDocx(built.model));
    docxes.push({ key: school.fileName, path });
  }
  // The negative control: a page break after the title page's first heading leaves that page nearly empty.
  const built = buildReport(validateWorkbook(sampleGrid(), { today: sampleReportDate }), { strict: false });
  if (built.kind !== "document") throw new Error("expected a document");
  const blocks = [...built.model.blocks];
  blocks.splice(blocks.findIndex((b) => b.type === "heading") + 1, 0, { type: "pageBreak" });
  const holed = join(dir, "holed.docx");
  writeFileSync(holed, await renderDocx({ ...built.model, blocks }));
  docxes.push({ key: "holed", path: holed });
  const pdfs = docxesToPdf(
    docxes.map((d) => d.path),
    join(dir, "pdf"),
  );
  docxes.forEach((d, i) => pages.set(d.key, pageFills(pdfs[i]!)));
}, 300_000);

const fillsOf = (key: string): PageFill[] => {
  const found = pages.get(key);
  if (!found) throw new Error(`no pages for ${key}`);
  return found;
};

const shown = (fills: readonly PageFill[]) =>
  fills.map((p, i) => `${i + 1}${p.landscape ? "L" : "P"} ${Math.round(p.fill * 100)} %`).join(", ");

const DOCUMENTS = [...Object.keys(DEMO), ...sampleSchools().map((s) => s.fileName)];

describe("pages are filled", () => {
  for (const key of DOCUMENTS)
    it(`${key}: no page but the last is more than half empty`, () => {
      const fills = fillsOf(key);
      expect(fills.length).toBeGreaterThan(1);
      fills.slice(0, -1).forEach((page, i) => {
        expect(page.fill, `page ${i + 1}: ${shown(fills)}`).toBeGreaterThanOrEqual(0.5);
      });
    });

  it("reports turn at most once each way: consecutive wide tables share one landscape section", () => {
    for (const key of ["kirovsky", "novokuznetsk", ...sampleSchools().map((s) => s.fileName)]) {
      const fills = fillsOf(key);
      expect(fills[0]!.landscape, key).toBe(false);
      const turns = fills.filter((p, i) => i > 0 && p.landscape !== fills[i - 1]!.landscape).length;
      expect(turns, `${key}: ${shown(fills)}`).toBeLessThanOrEqual(2);
      expect(fills.some((p) => p.landscape)).toBe(true);
    }
  });

  it("the order's appendix and the execution report are on landscape pages, the order on a portrait one", () => {
    const order = fillsOf("order");
    expect(order[0]!.landscape).toBe(false);
    expect(order.filter((p) => p.landscape).length).toBeGreaterThan(1);
    expect(fillsOf("execution").every((p) => p.landscape)).toBe(true);
  });

  it("the measure sees a half-empty page", () => {
    expect(fillsOf("holed")[0]!.fill).toBeLessThan(0.5);
  });
});
