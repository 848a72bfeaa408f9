/**
 * Random workbooks: validation never throws, and every finding is well formed — a catalogue
 * id with its severity, a real tab title, a cell that agrees with the row, a Russian message.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Cell, type WorkbookGrid, dateCell, errorCell } from "../../src/core/grid.js";
import { RULES } from "../../src/core/issues.js";
import { ENUMS, TABS } from "../../src/core/schema.js";
import { headersOf } from "../../src/core/schema-lookup.js";
import { validateWorkbook } from "../../src/core/validate.js";
import { propertyRuns } from "../helpers/property-runs.js";

const interesting = fc.constantFrom<Cell>(
  ...ENUMS.planStatus,
  ...ENUMS.pairStatus,
  ...ENUMS.level,
  "24.02",
  "14.03.-31.03",
  "Апрель, май",
  "2022",
  "до 15.09.2023 года",
  "8.1.2",
  "8.1",
  "7 чел.",
  ">1000",
  "МОУ «СОШ № 4»",
  "Петрова Ольга Викторовна",
  "Отклонений нет",
  "-",
  "=SUM()",
  "😀",
  "#REF!",
);

const cell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 4, arbitrary: interesting },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 60000 }) },
  { weight: 1, arbitrary: fc.boolean() },
  {
    weight: 1,
    arbitrary: fc
      .date({ min: new Date("1990-01-01"), max: new Date("2040-12-31"), noInvalidDate: true })
      .map((d) => dateCell(d.toISOString().slice(0, 10))),
  },
  { weight: 1, arbitrary: fc.constantFrom("#REF!", "#N/A", "#DIV/0!").map(errorCell) },
);

/** Every template tab with its headers and a few random rows (key-value tabs keep their labels). */
const grid: fc.Arbitrary<WorkbookGrid> = fc
  .array(fc.array(fc.array(cell, { minLength: 0, maxLength: 14 }), { maxLength: 6 }), {
    minLength: TABS.length,
    maxLength: TABS.length,
  })
  .map((perTab) => ({
    tabs: TABS.map((tab, t) => {
      const rows = perTab[t]!;
      if (tab.type === "table") return { title: tab.title, rows: [[...headersOf(tab)], ...rows] };
      return {
        title: tab.title,
        rows: [
          [...headersOf(tab)],
          ...tab.fields.map((f, i) => [f.label, rows[i % Math.max(rows.length, 1)]?.[0] ?? null]),
        ],
      };
    }),
  }));

const TITLES = new Set<string>(TABS.map((t) => t.title));

describe("random workbooks", () => {
  it("never throw and give well-formed findings", () => {
    fc.assert(
      fc.property(grid, fc.constantFrom("2022-12-20", "2021-03-01"), (g, today) => {
        const result = validateWorkbook(g, { today });
        for (const issue of result.issues) {
          expect(RULES[issue.rule]).toBeDefined();
          if (issue.rule !== "RES_ACTUAL_MISSING") expect(issue.severity).toBe(RULES[issue.rule].severity);
          expect(TITLES.has(issue.sheet)).toBe(true);
          if (issue.cell !== null) {
            expect(issue.cell).toMatch(/^[A-Z]+\d+$/);
            expect(issue.row).toBe(Number(/\d+$/.exec(issue.cell)![0]));
          }
          expect(issue.message).toMatch(/[А-Яа-яЁё]/);
          expect(issue.message).not.toMatch(/undefined|NaN|\[object/);
        }
        const m = result.metrics;
        expect(m.completeness).toBeGreaterThanOrEqual(0);
        expect(m.completeness).toBeLessThanOrEqual(1);
        if (m.planExecution !== null) expect(m.planExecution).toBeLessThanOrEqual(1);
        expect(m.planDone).toBeLessThanOrEqual(m.planDue);
      }),
      { numRuns: propertyRuns(150) },
    );
  });
});
