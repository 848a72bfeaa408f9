import { describe, expect, it } from "vitest";
import { blankTemplateGrid, SAMPLE_FINDINGS, sampleGrid, sampleReportDate, sampleSchools } from "../src/demo/sample.js";
import { TABS } from "../src/core/schema.js";
import { validateWorkbook } from "../src/core/validate.js";
import { parseWorkbook } from "../src/core/workbook.js";

describe("sample project", () => {
  it("fills every tab of the template with no template problems", () => {
    const { workbook, issues } = parseWorkbook(sampleGrid());
    expect(issues).toEqual([]);
    for (const tab of TABS) {
      if (tab.type === "table") expect(workbook.tables[tab.key].rows.length, tab.title).toBeGreaterThan(0);
      else expect(workbook.kv[tab.key].present, tab.title).toBe(true);
    }
    expect(workbook.tables.plan.rows.length).toBeGreaterThanOrEqual(12);
    expect(workbook.tables.mentoring.rows.length).toBeGreaterThanOrEqual(20);
    expect(workbook.tables.problems.rows.length).toBeGreaterThanOrEqual(3);
  });

  it("shows exactly the deliberate findings, not a flood of false ones", () => {
    const result = validateWorkbook(sampleGrid(), { today: sampleReportDate });
    const rules = new Set(result.issues.map((i) => i.rule));
    expect([...rules].sort()).toEqual(Object.keys(SAMPLE_FINDINGS).sort());
    expect(result.summary.errors).toBe(2);
    expect(result.issues.length).toBeLessThanOrEqual(6);
  });

  it("points the deviation finding at the right plan row and cell", () => {
    const result = validateWorkbook(sampleGrid(), { today: sampleReportDate });
    const action = result.issues.find((i) => i.rule === "PLAN_DEVIATION_ACTION_MISSING")!;
    expect(action.sheet).toBe("План-факт");
    expect(action.cell).toBe("L6");
    const typo = result.issues.find((i) => i.rule === "MENT_ORG_UNKNOWN")!;
    expect(typo.message).toContain("Лесновская");
  });

  it("has a mentoring pair of «Химия» that did not take place, with a reason", () => {
    const { workbook } = parseWorkbook(sampleGrid());
    const chemistry = workbook.tables.mentoring.rows.filter((r) => r.cells.subject === "Химия");
    expect(chemistry.length).toBeGreaterThan(0);
    for (const r of chemistry) {
      expect(r.cells.status).toBe("Не состоялась");
      expect(String(r.cells.not_held_reason)).toMatch(/болезнь/i);
    }
  });

  it("the blank template parses cleanly and has only empty tables", () => {
    const { workbook, issues } = parseWorkbook(blankTemplateGrid());
    expect(issues).toEqual([]);
    for (const tab of TABS) if (tab.type === "table") expect(workbook.tables[tab.key].rows).toEqual([]);
    expect(workbook.kv.settings.fields.max_mentees?.value).toBe("5");
  });
});

describe("sample schools for committee demos", () => {
  it("gives three distinct organisations: one with findings, one clean, one started late", () => {
    const schools = sampleSchools();
    expect(new Set(schools.map((s) => s.fileName)).size).toBe(3);
    const [network, tidy, late] = schools.map((s) => validateWorkbook(s.grid, { today: sampleReportDate }));
    expect(network!.summary.errors).toBe(2);
    expect(tidy!.issues).toEqual([]);
    expect(late!.summary.errors).toBeGreaterThan(0);
    expect(late!.summary.completeness).toBeLessThan(0.8);
    expect(late!.issues.map((i) => i.rule)).toContain("GEN_FINAL_EMPTY_CONCLUSION");
  });
});
