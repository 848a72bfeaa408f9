/**
 * Pages without holes, measured on the rendered PDF: in each demo report (both forms, the
 * portrait default, where wide tables turn sections landscape) no page but the last is less
 * than half full where the next block could have started on it — not the page before the
 * appendix (the form starts it on a page of its own) nor the last page before a turn of
 * orientation (a landscape table cannot start on a portrait page; sections.ts fills that page
 * as well as its estimate can). The measure is pdftotext's word boxes (pdf-pages.ts pageFills).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/core/report/build.js";
import { validateWorkbook } from "../../src/core/validate.js";
import { sampleGrid, sampleReportDate, sampleSchools } from "../../src/demo/sample.js";
import { novokuznetskReportDate, novokuznetskSampleGrid } from "../../src/demo/sample-novokuznetsk.js";
import { renderDocx } from "../../src/local/docx.js";
import { docxToPdf, pageFills } from "./pdf-pages.js";

const REPORTS = [
  { name: "Кировский район (пример проекта)", grid: sampleGrid, today: sampleReportDate },
  { name: "Новокузнецк (пример школы)", grid: novokuznetskSampleGrid, today: novokuznetskReportDate },
  ...sampleSchools().map((s) => ({ name: s.fileName, grid: () => s.grid, today: sampleReportDate })),
];

describe("report pages are filled", () => {
  for (const { name, grid, today } of REPORTS) {
    it(`${name}: no page but the last is more than half empty`, async () => {
      const built = buildReport(validateWorkbook(grid(), { today }), { strict: false });
      if (built.kind !== "document") throw new Error("expected a document");
      expect(built.model.orientation).toBe("portrait");
      const dir = mkdtempSync(join(tmpdir(), "mip-fill-"));
      const docx = join(dir, "report.docx");
      writeFileSync(docx, await renderDocx(built.model));
      const pages = pageFills(docxToPdf(docx, dir));
      expect(pages.length).toBeGreaterThan(2);
      // At most one turn each way: consecutive wide tables share one landscape section.
      const turns = pages.filter((p, i) => i > 0 && p.landscape !== pages[i - 1]!.landscape).length;
      expect(turns).toBeLessThanOrEqual(2);
      pages.slice(0, -1).forEach((page, i) => {
        const next = pages[i + 1]!;
        if (next.firstLine.startsWith("Приложение") || next.landscape !== page.landscape) return;
        expect(page.fill, `page ${i + 1} of ${pages.length}`).toBeGreaterThanOrEqual(0.5);
      });
    }, 120_000);
  }

  it("the measure sees a half-empty page", async () => {
    const built = buildReport(validateWorkbook(sampleGrid(), { today: sampleReportDate }), { strict: false });
    if (built.kind !== "document") throw new Error("expected a document");
    // A page break after the title page's first heading leaves that page nearly empty.
    const blocks = [...built.model.blocks];
    const at = blocks.findIndex((b) => b.type === "heading");
    blocks.splice(at + 1, 0, { type: "pageBreak" });
    const dir = mkdtempSync(join(tmpdir(), "mip-fill-"));
    const docx = join(dir, "holed.docx");
    writeFileSync(docx, await renderDocx({ ...built.model, blocks }));
    expect(pageFills(docxToPdf(docx, dir))[0]!.fill).toBeLessThan(0.5);
  }, 120_000);
});
