/**
 * Rule families declare the tabs they read; the live re-check after an edit reads only those
 * tabs. Re-checking one tab on such a partial workbook must give exactly the findings the
 * full validation gives on that tab.
 */
import { describe, expect, it } from "vitest";
import type { WorkbookGrid } from "../../src/core/grid.js";
import { RULES, type RuleId } from "../../src/core/issues.js";
import { RULE_FAMILIES } from "../../src/core/rules/index.js";
import { ROADMAP_WORKBOOK_RULES } from "../../src/core/roadmap/checks.js";
import { type TabKey, TABS } from "../../src/core/schema.js";
import { validateWorkbook } from "../../src/core/validate.js";
import { tabsToRead } from "../../src/gas/live.js";
import { cleanWorkbook } from "../helpers/grid-builder.js";

/** Findings on almost every tab. */
function dirtyGrid(): WorkbookGrid {
  return cleanWorkbook()
    .field("general", "email", "centr@@obr")
    .field("general", "declared_mentees", 21)
    .field("general", "declared_participants", 500)
    .field("settings", "orientation", "боком")
    .patch("stages", 1, { start: "август 2021" })
    .patch("tasks", 0, { no: "1" })
    .patch("plan", 2, { term: "24.02-10.03", task_no: "9" })
    .patch("plan", 3, { action: "-", reason: "нет" })
    .patch("plan", 4, { plan_qty: 7, fact_qty: 1 })
    .patch("results", 0, { actual_result: "" })
    .add("orgs", { name: 'МОУ "СОШ №4"', type: "Школа лидер" })
    .patch("mentoring", 0, { mentee_org: "МОУ «Лесновая СОШ»" })
    .patch("participants", 1, { count: "4 чел." })
    .patch("training", 0, { percent: 50, term: "Маи" })
    .patch("staff", 0, { name: "Другая Д.Д." })
    .patch("documents", 0, { number: "" })
    .patch("dissemination", 0, { level: "" })
    .patch("internal_events", 0, { attendees: "много" })
    .patch("contests", 0, { result: "Первое место" })
    .patch("speeches", 0, { topic: "" })
    .patch("publications", 0, { date: "32.13.2022" })
    .patch("problems", 0, { solution: "" })
    .field("conclusions", "conclusion", "а".repeat(2100))
    .build();
}

/** What the Apps Script live check reads for an edit of `edited`. */
const tabsRead = (edited: TabKey): Set<TabKey> => new Set(tabsToRead(edited));

describe("rule families", () => {
  it("together emit every rule id the parser does not", () => {
    // The committee's roadmap workbook has its own checker (src/core/roadmap/checks.ts).
    const fromParser: RuleId[] = [
      "TPL_SHEET_MISSING",
      "TPL_SHEET_NAME",
      "TPL_HEADER_MISMATCH",
      "TPL_CELL_ERROR",
      ...ROADMAP_WORKBOOK_RULES,
    ];
    const declared = new Set(RULE_FAMILIES.flatMap((f) => f.ids));
    expect([...declared].sort()).toEqual(
      (Object.keys(RULES) as RuleId[]).filter((id) => !fromParser.includes(id)).sort(),
    );
  });

  it("have unique names and read only template tabs", () => {
    const names = RULE_FAMILIES.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    const keys = new Set<string>(TABS.map((t) => t.key));
    for (const f of RULE_FAMILIES) for (const k of f.reads) expect(keys.has(k), `${f.name} reads ${k}`).toBe(true);
  });

  it("a plan edit does not make the live check read every tab", () => {
    expect(tabsRead("plan").size).toBeLessThanOrEqual(6);
    expect(tabsRead("publications")).toEqual(new Set(["publications", "general"]));
  });

  const full = validateWorkbook(dirtyGrid(), { today: "2022-12-20" });
  for (const tab of TABS) {
    it(`re-checking «${tab.title}» alone on the tabs it reads matches the full check`, () => {
      const reads = tabsRead(tab.key);
      const grid = dirtyGrid();
      const partial: WorkbookGrid = {
        ...grid,
        tabs: grid.tabs.filter((t) => reads.has(TABS.find((d) => d.title === t.title)!.key)),
      };
      const live = validateWorkbook(partial, { today: "2022-12-20", onlyTabs: [tab.key] }).issues.filter(
        (i) => i.sheet === tab.title,
      );
      const expected = full.issues.filter((i) => i.sheet === tab.title);
      expect(live).toEqual(expected);
    });
  }

  it("the dirty fixture really has findings on most tabs", () => {
    const sheets = new Set(full.issues.map((i) => i.sheet));
    expect(sheets.size).toBeGreaterThanOrEqual(17);
  });
});
