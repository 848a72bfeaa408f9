/** The report never throws on what a spreadsheet can hold, and stays well-formed. */
import fc from "fast-check";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { type Cell, type WorkbookGrid, dateCell, errorCell } from "../../src/core/grid.js";
import { buildReport } from "../../src/core/report/build.js";
import { blockText } from "../../src/core/report/model.js";
import { blankTemplateGrid } from "../../src/demo/sample.js";
import { TABS } from "../../src/core/schema.js";
import { headersOf } from "../../src/core/schema-lookup.js";
import { validateWorkbook } from "../../src/core/validate.js";
import { renderDocx } from "../../src/local/docx.js";
import { propertyRuns } from "../helpers/property-runs.js";

const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    "Выполнено частично",
    "Не состоялась",
    "Школа с НОР",
    "Распоряжение",
    "Региональный",
    "январь 2021",
    "2022",
    "=1+1",
    "<w:t>",
    "\u0001",
  ),
  fc.integer({ min: -5, max: 100000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constantFrom(dateCell("2022-03-05"), dateCell("1900-01-01"), errorCell("#REF!")),
);

const grid: fc.Arbitrary<WorkbookGrid> = fc
  .tuple(...TABS.map((tab) => fc.array(fc.array(cell, { maxLength: headersOf(tab).length + 1 }), { maxLength: 6 })))
  .map((bodies) => ({
    templateVersion: "1",
    tabs: TABS.map((tab, i) => ({
      title: tab.title,
      rows: [
        [...headersOf(tab)],
        ...(tab.type === "keyValue"
          ? tab.fields.map((f, r) => [f.label, bodies[i]![r]?.[0] ?? null, f.hint])
          : bodies[i]!),
      ],
    })),
  }));

describe("report robustness", () => {
  it("builds a well-formed model from random cells in every tab", () => {
    fc.assert(
      fc.property(grid, (g) => {
        const built = buildReport(validateWorkbook(g, { today: "2022-12-20" }), { strict: false });
        expect(built.kind).toBe("document");
        if (built.kind !== "document") return;
        for (const block of built.model.blocks) {
          if (block.type === "table") for (const row of block.rows) expect(row).toHaveLength(block.columns.length);
          for (const line of blockText(block)) expect(typeof line).toBe("string");
        }
        expect(built.model.blocks.at(-1)?.type === "signature" || built.model.draft).toBe(true);
        expect(JSON.parse(JSON.stringify(built.model))).toEqual(built.model);
      }),
      { numRuns: propertyRuns(60) },
    );
  });

  it("renders a blank template as a report of dashes, as a valid .docx", async () => {
    const result = validateWorkbook(blankTemplateGrid(), { today: "2022-12-20" });
    const built = buildReport(result, { strict: false });
    expect(built.kind).toBe("document");
    if (built.kind !== "document") return;
    const tables = built.model.blocks.filter(
      (b) => b.type === "table" && !b.columns.some((c) => c.header === "Сообщение"),
    );
    for (const t of tables) {
      if (t.type !== "table" || t.columns[0]?.header === "Показатель") continue;
      expect(t.rows).toEqual([t.columns.map(() => "—")]);
    }
    const zip = await JSZip.loadAsync(await renderDocx(built.model));
    expect(await zip.file("word/document.xml")!.async("string")).toContain("ЧЕРНОВИК");
  });
});
