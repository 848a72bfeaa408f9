/**
 * RES_ACTUAL_MISSING, PROB_*, DOC_*, STAFF_LEADER_MISSING: the smaller sections of the form.
 */
import { fold } from "../fold.js";
import { say } from "../issues.js";
import { PROBLEMS, STAFF } from "../schema.js";
import { fieldOf } from "../schema-lookup.js";
import type { TableRow } from "../workbook.js";
import { datedOf } from "./dated.js";
import { emitAt, emitTab, enumValue, fieldText, surnameInitialsKey, text } from "./read.js";
import type { RuleContext, RuleFamily } from "./types.js";

const MIN_PROBLEMS = 3;

function checkResults(ctx: RuleContext): void {
  const table = ctx.workbook.tables.results;
  const final = ctx.reportType === "final";
  const pairs = [
    {
      forecast: "forecast_result",
      actual: "actual_result",
      what: "прогнозируемый результат",
      fill: "Фактический результат",
    },
    {
      forecast: "forecast_product",
      actual: "actual_product",
      what: "прогнозируемый продукт",
      fill: "Фактический продукт",
    },
  ] as const;
  for (const row of table.rows) {
    for (const p of pairs) {
      const forecast = text(row, p.forecast);
      if (forecast === "" || text(row, p.actual) !== "") continue;
      const said = say("RES_ACTUAL_MISSING", final ? "final" : "interim", {
        row: row.row,
        what: p.what,
        forecast,
        column: p.fill,
      });
      emitAt(ctx, table, row, p.actual, { ...said, severity: final ? "error" : "warning" });
    }
  }
}

function checkProblems(ctx: RuleContext): void {
  const table = ctx.workbook.tables.problems;
  if (!table.present) return;
  let problems = 0;
  for (const row of table.rows) {
    if (text(row, "problem") === "") continue;
    problems++;
    if (text(row, "solution") === "") {
      emitAt(
        ctx,
        table,
        row,
        "solution",
        say("PROB_SOLUTION_MISSING", { row: row.row, problem: text(row, "problem") }),
      );
    }
  }
  if (problems < MIN_PROBLEMS) {
    emitTab(ctx, PROBLEMS.title, say("PROB_TOO_FEW", { tab: PROBLEMS.title, count: problems }));
  }
}

const NUMBERED_KINDS = new Set(["Распоряжение", "Приказ"]);

function checkDocuments(ctx: RuleContext): void {
  const table = ctx.workbook.tables.documents;
  const seen = new Map<string, TableRow<"documents">>();
  for (const row of table.rows) {
    const kind = enumValue(row.cells.kind, "documentKind");
    const number = text(row, "number");
    if (kind !== null && NUMBERED_KINDS.has(kind) && number.replace(/[\s№\-–—]/g, "") === "") {
      emitAt(ctx, table, row, "number", say("DOC_NUMBER_MISSING", { row: row.row, kind }));
    }
    if (number === "") continue;
    const dated = datedOf(ctx, "documents", row, "date");
    const date = dated.status === "ok" ? (dated.term.start ?? "") : fold(text(row, "date"));
    const key = `${kind ?? fold(text(row, "kind"))}\u0000${date}\u0000${fold(number).replace(/^№/, "")}`;
    const earlier = seen.get(key);
    if (!earlier) seen.set(key, row);
    else {
      const said = say("DOC_DUPLICATE", {
        row: row.row,
        kind: text(row, "kind"),
        date: text(row, "date"),
        number,
        firstRow: earlier.row,
      });
      emitAt(ctx, table, row, "number", said);
    }
  }
}

function checkLeader(ctx: RuleContext): void {
  const leader = fieldText(ctx, "general", "leader");
  const staff = ctx.workbook.tables.staff;
  if (leader === "" || !staff.present) return;
  const key = surnameInitialsKey(leader);
  if (staff.rows.some((row) => surnameInitialsKey(text(row, "name")) === key)) return;
  const label = fieldOf("general", "leader").label;
  emitTab(ctx, STAFF.title, say("STAFF_LEADER_MISSING", { leader, label, tab: STAFF.title }));
}

export const outcomesFamilies: readonly RuleFamily[] = [
  { name: "results", reads: ["results", "general"], ids: ["RES_ACTUAL_MISSING"], check: checkResults },
  { name: "problems", reads: ["problems"], ids: ["PROB_TOO_FEW", "PROB_SOLUTION_MISSING"], check: checkProblems },
  {
    name: "documents",
    reads: ["documents", "general"],
    ids: ["DOC_NUMBER_MISSING", "DOC_DUPLICATE"],
    check: checkDocuments,
  },
  { name: "staff", reads: ["staff", "general"], ids: ["STAFF_LEADER_MISSING"], check: checkLeader },
];
