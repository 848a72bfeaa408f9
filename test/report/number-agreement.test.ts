/**
 * Numbers that agree: the demo project's report, справка and «Сводка по МИП» print the figures
 * `mip validate --json` gives (the validator's metrics), and each other's — the справка's 4.1
 * list, 4.2 totals and 4.5 table sum agree, the report's mentor totals and 1.3 participants
 * agree with them. Checked on the demo's workbook and on one with an error in each counted
 * column: a value with an error is in no count of any document, and is not printed.
 */
import { describe, expect, it } from "vitest";
import { buildSummaryDoc } from "../../src/core/committee/index.js";
import { readRecord } from "../../src/core/committee/school.js";
import type { Cell, WorkbookGrid } from "../../src/core/grid.js";
import { buildReport } from "../../src/core/report/build.js";
import { KIROVSKY } from "../../src/core/report/forms/index.js";
import { type Block, type DocModel, type TableBlock, blockText, cellPlainText } from "../../src/core/report/model.js";
import { ruNumber } from "../../src/core/russian.js";
import { buildSpravka, selectSources } from "../../src/core/spravka/index.js";
import { countInWords, genitiveCount } from "../../src/core/spravka/words.js";
import { type ValidationResult, validateWorkbook } from "../../src/core/validate.js";
import { sampleGrid, sampleReportDate } from "../../src/demo/sample.js";

/** The grid with one cell replaced: the `row`-th data row (1-based) of `tab`, in the column headed `header`. */
function withCell(grid: WorkbookGrid, tab: string, row: number, header: string, value: Cell): WorkbookGrid {
  return {
    ...grid,
    tabs: grid.tabs.map((t) => {
      if (t.title !== tab) return t;
      const column = t.rows[0]!.indexOf(header);
      if (column < 0) throw new Error(`no column «${header}» on «${tab}»`);
      return { ...t, rows: t.rows.map((r, i) => (i === row ? r.map((c, j) => (j === column ? value : c)) : r)) };
    }),
  };
}

/** An error in each column the documents count: people, organisations, subjects, participants, attendance. */
function withErrors(): WorkbookGrid {
  let grid = sampleGrid();
  grid = withCell(grid, "Наставничество", 2, "Наставник", { kind: "error", code: "#REF!" });
  grid = withCell(grid, "Наставничество", 3, "Организация наставляемого", "МОУ «Несуществующая СОШ»");
  grid = withCell(grid, "Наставничество", 4, "Наставляемый", { kind: "error", code: "#N/A" });
  grid = withCell(grid, "Участники", 3, "Количество", "много");
  grid = withCell(grid, "Организации", 2, "Тип", "Школа с НОРР");
  grid = withCell(grid, "Распространение опыта", 1, "Педагоги", -5);
  return grid;
}

const text = (m: DocModel): string => m.blocks.flatMap(blockText).join("\n");
const cells = (t: TableBlock): string[][] => t.rows.map((r) => r.map(cellPlainText));
const tableAfter = (m: DocModel, lead: string): TableBlock => {
  const at = m.blocks.findIndex((b: Block) => b.type !== "table" && blockText(b).some((line) => line.endsWith(lead)));
  return m.blocks.slice(at).find((b): b is TableBlock => b.type === "table")!;
};

function documents(result: ValidationResult) {
  const built = buildReport(result, { strict: false, form: KIROVSKY });
  if (built.kind !== "document") throw new Error("expected a report");
  const spravka = buildSpravka(selectSources(result, []));
  const record = readRecord({ organisation: "", link: "x", id: "x", modified: "", updated: "" }, sampleGrid(), result);
  const summary = buildSummaryDoc([record], { date: sampleReportDate });
  return { report: built.model, spravka, summary };
}

const CASES = [
  { name: "the demo's workbook", grid: sampleGrid },
  { name: "a workbook with an error in each counted column", grid: withErrors },
];

describe("every number of the demo's documents agrees with the check and with the other documents", () => {
  for (const { name, grid } of CASES) {
    it(name, () => {
      const result = validateWorkbook(grid(), { today: sampleReportDate });
      const m = result.metrics;
      const { report, spravka, summary } = documents(result);

      // The report: the mentor table's totals row and 1.3's participants are the check's figures.
      const mentors = cells(tableAfter(report, "Сетевое наставничество"));
      const total = mentors.at(-1)!;
      expect(total[1]).toContain(`${m.mentors} наставник`);
      expect(total[4]).toBe(ruNumber(m.mentees));
      expect(total[5]).toMatch(new RegExp(`^${m.menteeOrgs} организац`, "u"));
      const participants = /педагогов — [^\n]*/u.exec(text(report))![0];
      const printed = [...participants.matchAll(/— (\d[\d\u00a0 ]*)/gu)].map((x) => Number(x[1]!.replace(/\D/gu, "")));
      expect(printed.reduce((a, b) => a + b, 0)).toBe(m.participantsTotal);

      // The справка: 4.1's list, 4.2's totals and 4.5's column agree with each other and the check.
      const s = text(spravka);
      const lowSchools = /4\.1\. В проекте участвовали ([^:]+): ([^\n]+)\./u.exec(s)!;
      const listed = lowSchools[2]!.split(/, (?=МОУ)/u);
      expect(lowSchools[1]).toBe(countInWords(listed.length, ["школа с НОР", "школы с НОР", "школ с НОР"], "feminine"));
      expect(s).toContain(
        `наставников — ${ruNumber(m.mentors)}, наставляемых — ${ruNumber(m.mentees)} ` +
          `из ${genitiveCount(m.menteeOrgs, ["организации", "организаций"], "feminine")}.`,
      );
      expect(s).toContain(
        `работали ${countInWords(m.pairsActive, ["наставническая пара", "наставнические пары", "наставнических пар"], "feminine")}`,
      );
      const bySchool = cells(tableAfter(spravka, "Наставничество по школам с НОР:"));
      const body = bySchool.filter((row) => row[1] !== "Итого");
      expect(body.filter((row) => /^\d+$/u.test(row[0]!)).map((row) => row[1])).toEqual(listed);
      expect(body.reduce((sum, row) => sum + Number(row[2]), 0)).toBe(m.mentees);

      // The «Сводка по МИП»: the same people and participants.
      const sv = text(summary);
      expect(sv).toContain(`Наставников — ${ruNumber(m.mentors)}, наставляемых — ${ruNumber(m.mentees)}`);
      expect(sv).toContain(`Общее число участников по данным организаций — ${ruNumber(m.participantsTotal)}.`);

      // A value with an error is printed nowhere and counted nowhere.
      const errors = result.issues.filter((i) => i.severity === "error");
      expect(errors.length).toBeGreaterThan(0);
      for (const doc of [report, spravka, summary]) {
        const all = text(doc).split("Приложение")[0]!;
        for (const wrong of ["Лесоновская", "Несуществующая", "#REF!", "#N/A", "много", "НОРР"])
          expect(all, wrong).not.toContain(wrong);
      }
    });
  }

  it("the error workbook does have an error in each of those columns", () => {
    const rules = new Set(validateWorkbook(withErrors(), { today: sampleReportDate }).issues.map((i) => i.rule));
    for (const rule of [
      "TPL_CELL_ERROR",
      "MENT_ORG_UNKNOWN",
      "PART_COUNT_INVALID",
      "TPL_ENUM_INVALID",
      "EVT_COUNT_INVALID",
    ])
      expect(rules, rule).toContain(rule);
  });
});
