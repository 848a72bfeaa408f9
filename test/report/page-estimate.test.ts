/**
 * The page estimate the layout decides by (page-fill.ts), without LibreOffice: prose flows
 * from page to page, a heading stays with what follows, a short row is kept whole and a tall
 * one breaks, a turn starts a new page; a page break is kept only after a
 * well-filled page (page-breaks.ts); the roadmap's long tables take fewer lines fitted compact.
 */
import { describe, expect, it } from "vitest";
import type { Block, TableBlock } from "../../src/core/report/model.js";
import { KEEP_BREAK, settlePageBreaks } from "../../src/core/report/page-breaks.js";
import { blockHeightPt, pageFill, paginate } from "../../src/core/report/page-fill.js";
import { roadmapTable } from "../../src/core/roadmap/order-doc.js";
import { validateRoadmap } from "../../src/core/roadmap/index.js";
import { fitTable, rowHeightPt, textHeightPt, textWidthPt } from "../../src/core/report/widths.js";
import { realRoadmapGrid } from "../roadmap/fixture.js";

/** A paragraph of one line, and a paragraph of about `lines` lines, of 14 pt prose on a portrait page. */
const line = (): Block => ({ type: "paragraph", runs: [{ text: "Строка." }] });
const prose = (lines: number): Block => ({ type: "paragraph", runs: [{ text: "слово ".repeat(lines * 9) }] });
const heading = (text: string): Block => ({ type: "heading", level: 2, text });
const page = textHeightPt("portrait");

describe("the page estimate", () => {
  it("lets prose flow over a page and keeps a heading with the text it heads", () => {
    const pages = paginate([prose(30), prose(30)], "portrait");
    expect(pages).toHaveLength(2);
    expect(pageFill(pages[0]!)).toBeGreaterThan(0.95);
    // Lines up to where a heading fits at the foot of the page but its first line does not.
    const head = blockHeightPt(heading("2.1. Тема"), "portrait");
    const one = blockHeightPt(line(), "portrait");
    const n = Array.from({ length: 60 }, (_, k) => k).find((k) => {
      const room = page - k * one;
      return room >= head && room < head + one;
    })!;
    const lines = Array.from({ length: n }, line);
    const withHeading = paginate([...lines, heading("2.1. Тема"), line()], "portrait");
    expect(withHeading).toHaveLength(2);
    expect(withHeading[0]!.used).toBeCloseTo(n * one, 5);
    expect(withHeading[1]!.used).toBeCloseTo(head + one, 5);
  });

  it("moves a short row whole to the next page and breaks a tall one", () => {
    const table = (cell: string): TableBlock => ({
      type: "table",
      columns: [
        { header: "Графа", width: 1 },
        { header: "Текст", width: 1 },
      ],
      rows: [[cell, "строка"]],
    });
    // A page with some 60 pt left: less than the header and a five-line row.
    const lead = Array.from({ length: Math.floor((page - 60) / blockHeightPt(line(), "portrait")) }, line);
    const short = paginate([...lead, table("слово ".repeat(30))], "portrait");
    const tall = paginate([...lead, table("слово ".repeat(200))], "portrait");
    expect(short).toHaveLength(2);
    expect(short[0]!.used).toBeCloseTo(paginate(lead, "portrait")[0]!.used, 5);
    // The tall row's first lines stay on the first page.
    expect(tall[0]!.used).toBeGreaterThan(short[0]!.used + 20);
  });

  it("a landscape section starts a new page", () => {
    const pages = paginate([prose(5), { type: "section", orientation: "landscape" }, prose(5)], "portrait");
    expect(pages.map((p) => p.orientation)).toEqual(["portrait", "landscape"]);
  });
});

describe("page breaks the document asks for", () => {
  const appendix: Block[] = [{ type: "pageBreak" }, { type: "heading", level: 1, text: "Приложение" }, prose(3)];

  it("are dropped after a page less than KEEP_BREAK full, kept after a fuller one", () => {
    const short = settlePageBreaks([prose(10), ...appendix], "portrait");
    expect(short.some((b) => b.type === "pageBreak")).toBe(false);
    const one = blockHeightPt(line(), "portrait");
    const long = settlePageBreaks(
      [...Array.from({ length: Math.ceil((KEEP_BREAK * page) / one) + 1 }, line), ...appendix],
      "portrait",
    );
    expect(long.some((b) => b.type === "pageBreak")).toBe(true);
  });
});

describe("the roadmap's long table fitted compact", () => {
  it("takes fewer lines than the widths its weights give", () => {
    const compact = roadmapTable(validateRoadmap(realRoadmapGrid()).roadmap) as TableBlock;
    // The same table with the order's weights, as fitTable would set them.
    const weighted = fitTable(
      { ...compact, columns: compact.columns.map((c, i) => ({ ...c, width: [5, 25, 10, 30, 17, 22][i]! })) },
      "landscape",
    );
    const height = (t: TableBlock) => t.rows.reduce((sum, row) => sum + rowHeightPt(t, row), 0);
    expect(height(compact)).toBeLessThan(height(weighted));
    expect(compact.columns.reduce((a, c) => a + c.width, 0)).toBeCloseTo(textWidthPt("landscape"), 0);
  });
});
