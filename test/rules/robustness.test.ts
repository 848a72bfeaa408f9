/**
 * Strange input never throws and becomes findings; a large workbook is validated in linear
 * time (10,000 plan rows + 5,000 mentoring pairs well under 300 ms).
 */
import { describe, expect, it } from "vitest";
import { type Cell, type WorkbookGrid, dateCell, errorCell } from "../../src/core/grid.js";
import { validateWorkbook } from "../../src/core/validate.js";
import { type RowSpec, check, cleanWorkbook, emptyWorkbook } from "../helpers/grid-builder.js";
import { TABS } from "../../src/core/schema.js";

const STRANGE: Cell[] = [
  "=SUM()",
  "😀🎉 наставник",
  "х".repeat(50_000),
  true,
  false,
  -3,
  1e308,
  Number.NaN,
  dateCell("2022-02-30"),
  dateCell("not a date"),
  errorCell("#N/A"),
  errorCell("#DIV/0!"),
  "   ",
  "\u0000\u0007",
  "8.1.2.3.4.5.6.7.8.9.10.11",
  "-",
];

/** Every cell of every tab (data rows and key-value values) filled with strange values. */
function strangeGrid(): WorkbookGrid {
  const base = cleanWorkbook();
  for (const tab of TABS) {
    if (tab.type === "table") {
      const rows: RowSpec[] = STRANGE.map((_, r) =>
        Object.fromEntries(tab.columns.map((c, i) => [c.key, STRANGE[(r + i) % STRANGE.length]!])),
      );
      base.rows(tab.key, rows);
    } else {
      tab.fields.forEach((f, i) => base.field(tab.key, f.key, STRANGE[i % STRANGE.length]!));
    }
  }
  return base.build();
}

describe("strange input", () => {
  it("never throws, and reports what it cannot read", () => {
    const result = validateWorkbook(strangeGrid(), { today: "2022-12-20" });
    const rules = new Set(result.issues.map((i) => i.rule));
    for (const rule of [
      "TPL_CELL_ERROR",
      "TPL_ENUM_INVALID",
      "TERM_INVALID",
      "PLAN_QTY_INVALID",
      "PART_COUNT_INVALID",
      "EVT_COUNT_INVALID",
    ] as const) {
      expect(rules.has(rule), rule).toBe(true);
    }
    for (const issue of result.issues) {
      expect(issue.message.length).toBeLessThan(1200);
      expect(issue.message).not.toContain("undefined");
      expect(issue.message).not.toContain("NaN");
      expect(issue.message).not.toContain("[object");
    }
    expect(Number.isFinite(result.metrics.completeness)).toBe(true);
  });

  it("quotes a 50,000-character value shortened", () => {
    const issues = check(cleanWorkbook().patch("plan", 0, { status: "ы".repeat(50_000) })).issues.filter(
      (i) => i.rule === "TPL_ENUM_INVALID",
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toContain("…»");
  });

  it("an empty workbook, a foreign workbook and ragged rows do not throw", () => {
    expect(() => validateWorkbook({ tabs: [] })).not.toThrow();
    expect(() => validateWorkbook({ tabs: [{ title: "Лист1", rows: [] }] })).not.toThrow();
    expect(() => check(emptyWorkbook())).not.toThrow();
    const ragged: WorkbookGrid = {
      tabs: [
        {
          title: "План-факт",
          rows: [
            ["№"],
            ["1", null, "Мероприятие"],
            [],
            [null, null, null, null, null, null, null, null, null, null, null, null, null, null, "x"],
          ],
        },
      ],
    };
    expect(() => validateWorkbook(ragged, { today: "2022-12-20" })).not.toThrow();
  });

  it("an empty template reports the required fields and too few problems, not a flood", () => {
    const issues = check(emptyWorkbook()).issues;
    const rules = new Set(issues.map((i) => i.rule));
    expect(rules).toEqual(new Set(["GEN_REQUIRED", "PROB_TOO_FEW"]));
  });
});

/**
 * A big network project. `dirty` makes about 9,000 findings (deviations without actions,
 * quantities against statuses, overloaded mentors, misspelt schools); otherwise it is the
 * kind of large, mostly correct sheet a municipal centre keeps.
 */
function largeGrid(planRows: number, pairs: number, dirty = true): WorkbookGrid {
  const plan: RowSpec[] = [];
  const statuses = ["Выполнено", "Выполнено частично", "В работе", "Не выполнено", "Перенесено"];
  for (let p = 1; plan.length < planRows; p++) {
    plan.push({
      no: String(p),
      task_no: String((p % 3) + 1),
      activity: `Направление ${p}`,
      term: "10.01-20.12",
      responsible: "Соколова М.И.",
    });
    for (let c = 1; c <= 9 && plan.length < planRows; c++) {
      const status = dirty ? statuses[(p + c) % statuses.length]! : "Выполнено";
      plan.push({
        no: `${p}.${c}`,
        task_no: String((c % 3) + 1),
        activity: `Мероприятие ${p}.${c}`,
        term: c % 2 === 0 ? `${String(c).padStart(2, "0")}.03-${String(c + 10).padStart(2, "0")}.04` : "Апрель, май",
        executors: "Педагоги",
        responsible: dirty && c % 7 === 0 ? "" : "Грачёв П.С.",
        fact: status === "В работе" ? "" : "Проведено",
        status,
        plan_qty: 7,
        fact_qty: !dirty ? 7 : c % 4 === 0 ? "7 занятий" : c,
        reason: status === "Выполнено" ? "Отклонений нет" : "Болезнь педагога",
        action: c % 3 === 0 ? "-" : "Перенесено на осень",
      });
    }
  }
  const orgs: RowSpec[] = Array.from({ length: 300 }, (_, i) => ({
    name: `МОУ «СОШ № ${i + 1}»`,
    type: i < 50 ? "Школа-лидер" : "Школа с НОР",
  }));
  const mentoring: RowSpec[] = Array.from({ length: pairs }, (_, i) => ({
    no: String(i + 1),
    mentor: `Наставник${Math.floor(i / (dirty ? 8 : 4))} Ольга Викторовна`,
    mentor_org: `МОУ «СОШ № ${(Math.floor(i / 8) % 50) + 1}»`,
    subject: ["Русский язык", "Математика", "Физика"][Math.floor(i / 8) % 3]!,
    mentee: `Наставляемая${i} Анна Сергеевна`,
    mentee_org: dirty && i % 97 === 0 ? `МОУ «СОШ №${(i % 250) + 51}а»` : `МОУ «СОШ №${(i % 250) + 51}»`,
    form: "Учитель – учитель",
    start: "01.10.2021",
    status: i % 10 === 0 ? "Не состоялась" : "Активна",
    not_held_reason: !dirty || i % 20 === 0 ? "Болезнь" : "",
  }));
  return cleanWorkbook().rows("plan", plan).rows("orgs", orgs).rows("mentoring", mentoring).build();
}

// Speed and linearity are measured by `npm run bench` (bench/core.ts); these check the results.
describe("large workbooks", () => {
  it("validates 10,000 plan rows and 5,000 mentoring pairs, few findings when the rows are clean", () => {
    const issues = validateWorkbook(largeGrid(10_000, 5_000, false), { today: "2022-12-20" }).issues.length;
    expect(issues).toBeLessThan(700);
  });

  it("reports every row when almost every row has a finding", () => {
    const issues = validateWorkbook(largeGrid(10_000, 5_000, true), { today: "2022-12-20" }).issues.length;
    expect(issues).toBeGreaterThan(8_000);
  });
});
