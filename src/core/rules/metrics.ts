/**
 * Metrics computed with every validation; they feed the sidebar, the report's «ИТОГО» and
 * the committee dashboard, so all three agree.
 *
 * Definitions:
 * - completeness: filled items / all items, where the items are the required fields of
 *   «Общие сведения» (plus «Общий вывод» in a final report) and the required tabs —
 *   Задачи, Этапы, План-факт, Организации, Участники, Затруднения — each counting as
 *   filled when it has at least one data row.
 * - plan: grouping rows (a heading with sub-items and no status or fact) are not counted.
 *   planRows = every other row. Rows «Вне плана» were never plan commitments, so they are
 *   left out of planDue and planDone (they are still counted in planRows).
 *   planDue = planned rows whose term ended before the report date, plus rows marked «Выполнено»;
 *   planDone = rows marked «Выполнено»; planExecution = planDone / planDue.
 * - mentoring: see summariseMentoring (pairs «Не состоялась» are left out of the people counts).
 * - events by level count only rows whose level is a value of the list; contest
 *   participations count every result, «Заявка подана» included (the Новокузнецк form
 *   counts a submitted application as a participation); wins are «Победитель» and «Призёр».
 * - «ИТОГО за отчётный период» figures (dissemination events, speeches, publications) count
 *   only rows dated inside the reporting period; rows whose date is empty or unreadable still
 *   count (TERM_INVALID says so), and so does everything when the period is unknown. The
 *   tables themselves list every row; TERM_OUTSIDE_PERIOD warns about the rest. eventsByTab
 *   stays a plain row count per tab.
 */
import type { Cell } from "../grid.js";
import type { ContestLevelCount, Metrics } from "../metrics.js";
import {
  type ColumnKey,
  type TableTabKey,
  DISSEMINATION,
  GENERAL,
  INTERNAL_EVENTS,
  CONTESTS,
  PLAN_DEVIATION_STATUSES,
  PLAN_DONE,
  PLAN_UNPLANNED,
  PUBLICATIONS,
  SPEECHES,
} from "../schema.js";
import type { ParsedTable, TableRow } from "../workbook.js";
import { FAR_FUTURE, datedOf, outsidePeriod, rangeOf } from "./dated.js";
import { summariseMentoring } from "./mentoring-summary.js";
import { participantTotals } from "./participants.js";
import { indexPlan, isGroupingRow } from "./plan-index.js";
import { enumValue, fieldText } from "./read.js";
import type { RuleContext } from "./types.js";

const REQUIRED_TABS: readonly TableTabKey[] = ["tasks", "stages", "plan", "orgs", "participants", "problems"];

function completeness(ctx: Omit<RuleContext, "emit">): number {
  let total = 0;
  let filled = 0;
  for (const field of GENERAL.fields) {
    if (!field.required) continue;
    total++;
    if (fieldText(ctx, "general", field.key) !== "") filled++;
  }
  if (ctx.reportType === "final") {
    total++;
    if (fieldText(ctx, "conclusions", "conclusion") !== "") filled++;
  }
  for (const key of REQUIRED_TABS) {
    total++;
    if (ctx.workbook.tables[key].rows.length > 0) filled++;
  }
  return total === 0 ? 0 : filled / total;
}

function planMetrics(
  ctx: Omit<RuleContext, "emit">,
): Pick<Metrics, "planRows" | "planDone" | "planDue" | "planExecution" | "deviations"> {
  const rows = ctx.workbook.tables.plan.rows;
  const index = indexPlan(rows);
  let planRows = 0;
  let planDone = 0;
  let planDue = 0;
  let deviations = 0;
  for (const row of rows) {
    if (isGroupingRow(index, row)) continue;
    planRows++;
    const status = enumValue(row.cells.status, "planStatus");
    if (status !== null && PLAN_DEVIATION_STATUSES.has(status)) deviations++;
    if (status === PLAN_UNPLANNED) continue;
    const range = rangeOf(datedOf(ctx, "plan", row, "term"));
    const ended = range !== null && range.end !== FAR_FUTURE && range.end < ctx.reportDate;
    if (status === PLAN_DONE) planDone++;
    if (status === PLAN_DONE || ended) planDue++;
  }
  return { planRows, planDone, planDue, planExecution: planDue === 0 ? null : planDone / planDue, deviations };
}

function levelOf(cell: Cell | undefined): string | null {
  return enumValue(cell, "level");
}

function bump(record: Record<string, number>, key: string | null): void {
  if (key !== null) record[key] = (record[key] ?? 0) + 1;
}

type PeriodTab = "dissemination" | "speeches" | "publications";

/** Rows of a dated tab that belong to the reporting period: dated inside it, or not readably dated. */
function inPeriodRows<K extends PeriodTab>(
  ctx: Omit<RuleContext, "emit">,
  table: ParsedTable<K>,
): readonly TableRow<K>[] {
  const period = ctx.period;
  if (period === null) return table.rows;
  return table.rows.filter((row) => {
    const range = rangeOf(datedOf(ctx, table.key, row, "date" as ColumnKey<K>));
    return range === null || !outsidePeriod(range, period);
  });
}

function byLevel<K extends PeriodTab>(rows: readonly TableRow<K>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const row of rows) bump(out, levelOf((row.cells as Record<string, Cell | undefined>).level ?? null));
  return out;
}

function contests(ctx: Omit<RuleContext, "emit">): Record<string, ContestLevelCount> {
  const out: Record<string, ContestLevelCount> = {};
  for (const row of ctx.workbook.tables.contests.rows) {
    const level = levelOf(row.cells.level);
    if (level === null) continue;
    const result = enumValue(row.cells.result, "contestResult");
    const entry = (out[level] ??= { participations: 0, wins: 0 });
    entry.participations++;
    if (result === "Победитель" || result === "Призёр") entry.wins++;
  }
  return out;
}

export function computeMetrics(ctx: Omit<RuleContext, "emit">): Metrics {
  const t = ctx.workbook.tables;
  const mentoring = summariseMentoring(t.mentoring.rows, t.orgs.rows);
  const publications = inPeriodRows(ctx, t.publications);
  return {
    completeness: completeness(ctx),
    ...planMetrics(ctx),
    pairsTotal: mentoring.pairsTotal,
    pairsActive: mentoring.pairsActive,
    pairsNotHeld: mentoring.pairsNotHeld,
    mentors: mentoring.mentors,
    mentees: mentoring.mentees,
    menteeOrgs: mentoring.menteeOrgs,
    pairsBySubject: mentoring.pairsBySubject,
    maxMentorLoad: mentoring.maxMentorLoad,
    participantsTotal: participantTotals(t.participants.rows).total,
    eventsByTab: {
      [DISSEMINATION.title]: t.dissemination.rows.length,
      [INTERNAL_EVENTS.title]: t.internal_events.rows.length,
      [CONTESTS.title]: t.contests.rows.length,
      [SPEECHES.title]: t.speeches.rows.length,
      [PUBLICATIONS.title]: t.publications.rows.length,
    },
    eventsByLevel: byLevel(inPeriodRows(ctx, t.dissemination)),
    publications: publications.length,
    publicationsByLevel: byLevel(publications),
    contestsByLevel: contests(ctx),
    speechesByLevel: byLevel(inPeriodRows(ctx, t.speeches)),
  };
}
