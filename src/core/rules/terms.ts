/**
 * TERM_*: every term or date cell of every tab (schema kinds term, date, monthOrDate, and
 * «Дата отчёта») must be readable and not reversed; a dated row wholly outside the
 * reporting period is suspicious. Stages and documents are exempt from the period check:
 * a project's stages span several years and its orders often predate the period.
 */
import { say } from "../issues.js";
import { type TableTabDef, type TableTabKey, TABS } from "../schema.js";
import { formatRuDate } from "../terms/index.js";
import type { ParsedTable, TableRow } from "../workbook.js";
import type { Cell } from "../grid.js";
import { FAR_FUTURE, FAR_PAST, datedOf, outsidePeriod, rangeOf, readCell } from "./dated.js";
import { emitAt, emitField, fieldCell, textOf } from "./read.js";
import type { RuleContext, RuleFamily } from "./types.js";

const DATED_KINDS = new Set(["term", "date", "monthOrDate"]);
const NO_PERIOD_CHECK = new Set<TableTabKey>(["stages", "documents"]);
/** Start/end column pairs whose order is checked across the two cells. */
const START_END: Partial<Record<TableTabKey, readonly [string, string]>> = {
  stages: ["start", "end"],
  mentoring: ["start", "end"],
};

function span(start: string, end: string): string {
  if (start === FAR_PAST) return `до ${formatRuDate(end)}`;
  if (end === FAR_FUTURE) return `с ${formatRuDate(start)}`;
  return start === end ? formatRuDate(start) : `${formatRuDate(start)} – ${formatRuDate(end)}`;
}

function checkCell(
  ctx: RuleContext,
  table: ParsedTable,
  row: TableRow,
  key: string,
  header: string,
  periodCheck: boolean,
  what: string,
): void {
  const dated = datedOf(ctx, table.key, row as never, key as never);
  if (dated.status === "empty") return;
  const range = rangeOf(dated);
  const reversed = dated.status === "invalid" ? dated.reversed : range!.start > range!.end;
  const outside =
    dated.status === "ok" && !reversed && periodCheck && ctx.period !== null && outsidePeriod(range!, ctx.period);
  if (dated.status === "ok" && !reversed && !outside) return;
  // Only rows with a finding pay for the message.
  const value = textOf((row.cells as Readonly<Record<string, Cell>>)[key]);
  const at = { row: row.row, header, value };
  const said = reversed
    ? say("TERM_REVERSED", "cell", at)
    : dated.status === "invalid"
      ? say("TERM_INVALID", "cell", { ...at, reason: dated.reason ?? null })
      : say("TERM_OUTSIDE_PERIOD", "cell", {
          ...at,
          what,
          dates: span(range!.start, range!.end),
          period: ctx.period!,
        });
  emitAt(ctx, table, row as never, key as never, said);
}

/**
 * A row whose dates are in two cells (a stage, a mentoring pair): «Окончание» before
 * «Начало» is reversed; a pair wholly outside the period is suspicious.
 */
function checkStartEnd(
  ctx: RuleContext,
  table: ParsedTable,
  row: TableRow,
  startKey: string,
  endKey: string,
  headers: Map<string, string>,
  periodCheck: boolean,
): void {
  const start = rangeOf(datedOf(ctx, table.key, row as never, startKey as never));
  const end = rangeOf(datedOf(ctx, table.key, row as never, endKey as never));
  if (!start && !end) return;
  const cells = row.cells as Readonly<Record<string, Cell>>;
  if (start && end && start.start > end.end) {
    const said = say("TERM_REVERSED", "pair", {
      row: row.row,
      endHeader: headers.get(endKey) ?? endKey,
      end: textOf(cells[endKey]),
      startHeader: headers.get(startKey) ?? startKey,
      start: textOf(cells[startKey]),
    });
    emitAt(ctx, table, row as never, endKey as never, said);
    return;
  }
  if (
    !periodCheck ||
    !ctx.period ||
    !outsidePeriod({ start: start?.start ?? FAR_PAST, end: end?.end ?? FAR_FUTURE }, ctx.period)
  )
    return;
  const written = [textOf(cells[startKey]), textOf(cells[endKey])].filter((t) => t !== "").join(" – ");
  const said = say("TERM_OUTSIDE_PERIOD", "pair", { row: row.row, written, period: ctx.period.label });
  emitAt(ctx, table, row as never, startKey as never, said);
}

function checkTable(ctx: RuleContext, tab: TableTabDef): void {
  const table = ctx.workbook.tables[tab.key as TableTabKey] as ParsedTable;
  const columns = tab.columns.filter((c) => DATED_KINDS.has(c.kind));
  if (columns.length === 0 || table.rows.length === 0) return;
  const headers = new Map(tab.columns.map((c) => [c.key, c.header]));
  const pair = START_END[tab.key as TableTabKey];
  const periodPerCell = !NO_PERIOD_CHECK.has(tab.key as TableTabKey) && !pair;
  for (const row of table.rows) {
    for (const col of columns)
      checkCell(
        ctx,
        table,
        row,
        col.key,
        col.header,
        periodPerCell,
        col.kind === "term" && col.key === "term" ? "срок" : "дата",
      );
    if (pair) checkStartEnd(ctx, table, row, pair[0], pair[1], headers, !NO_PERIOD_CHECK.has(tab.key as TableTabKey));
  }
}

function checkReportDate(ctx: RuleContext): void {
  const cell = fieldCell(ctx, "general", "report_date");
  const dated = readCell(cell, ctx.period, "single");
  if (dated.status !== "invalid") return;
  const said = say("TERM_INVALID", "reportDate", { value: textOf(cell), reason: dated.reason ?? null });
  emitField(ctx, "general", "report_date", said);
}

const IDS = ["TERM_INVALID", "TERM_REVERSED", "TERM_OUTSIDE_PERIOD"] as const;

/** One family per tab with dates (plus «Дата отчёта»), so a live re-check reads only that tab and the period. */
export const termsFamilies: readonly RuleFamily[] = [
  { name: "terms:general", reads: ["general"], ids: IDS, check: checkReportDate },
  ...TABS.filter(
    (t): t is Extract<(typeof TABS)[number], { type: "table" }> =>
      t.type === "table" && t.columns.some((c) => DATED_KINDS.has(c.kind)),
  ).map((tab): RuleFamily => ({
    name: `terms:${tab.key}`,
    reads: [tab.key, "general"],
    ids: IDS,
    check(ctx) {
      checkTable(ctx, tab as TableTabDef);
    },
  })),
];
