/**
 * Terms and dates of table cells, read once per validation and shared by the TERM, STG,
 * PLAN families and the metrics (a 10,000-row plan must not be parsed three times).
 */
import type { Cell } from "../grid.js";
import { type ColumnKey, type TableTabKey, TABS } from "../schema.js";
import { parseMonthOrDate, parseSingleDate, parseTerm } from "../terms/index.js";
import type { IsoDate, Period, Term } from "../terms/types.js";
import type { TableRow, Workbook } from "../workbook.js";
import { textOf } from "./read.js";

export type Dated =
  | { readonly status: "empty" }
  | { readonly status: "invalid"; readonly reason: string; readonly reversed: boolean }
  | { readonly status: "ok"; readonly term: Term };

export interface DateRange {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

const EMPTY: Dated = { status: "empty" };
/** Open ends compare as the far past / far future. */
export const FAR_PAST: IsoDate = "0001-01-01";
export const FAR_FUTURE: IsoDate = "9999-12-31";

const cache = new WeakMap<Workbook, Map<string, Dated>>();

/**
 * How a cell is read: "term" accepts every form people write; "single" wants one day
 * («Дата отчёта», a document's date); "start"/"end" take a stage boundary («январь 2021»)
 * at its first or last day.
 */
export type ReadMode = "term" | "single" | "start" | "end";

/**
 * Read modes by `tab.column`, from the schema kinds. Other "date" columns (a speech, a
 * publication, a mentoring pair) accept any term: «ноябрь 2022» is a fair answer there.
 */
const MODES: ReadonlyMap<string, ReadMode> = new Map(
  TABS.flatMap((tab) =>
    tab.type !== "table"
      ? []
      : tab.columns.flatMap((c): [string, ReadMode][] => {
          if (c.kind === "monthOrDate") return [[`${tab.key}.${c.key}`, c.key === "end" ? "end" : "start"]];
          if (c.kind === "date" && tab.key === "documents") return [[`${tab.key}.${c.key}`, "single"]];
          return [];
        }),
  ),
);

function parse(cell: Cell, period: Period | null, mode: ReadMode) {
  if (mode === "single") return parseSingleDate(cell, { period });
  if (mode === "start" || mode === "end") return parseMonthOrDate(cell, { period }, mode);
  return parseTerm(cell, { period });
}

/** Read one term or date cell; never throws (a parser failure is an unreadable term). */
export function readCell(cell: Cell, period: Period | null, mode: ReadMode = "term"): Dated {
  if (textOf(cell) === "") return EMPTY;
  try {
    const result = parse(cell, period, mode);
    if (result === null) return EMPTY;
    if (result.ok) return { status: "ok", term: result.term };
    return { status: "invalid", reason: result.reason, reversed: result.reversed === true };
  } catch {
    return { status: "invalid", reason: "", reversed: false };
  }
}

/**
 * The period that supplies missing years. Without a readable period (GEN_PERIOD_INVALID says
 * so once) the report date's calendar year is used, so that one bad period does not turn
 * every «24.02» of the workbook into a finding.
 */
export function yearSource(ctx: { readonly period: Period | null; readonly reportDate?: IsoDate }): Period | null {
  if (ctx.period || !ctx.reportDate) return ctx.period;
  const year = ctx.reportDate.slice(0, 4);
  return { start: `${year}-01-01`, end: `${year}-12-31`, label: year, kind: "year" };
}

/** The parsed term of a table cell, memoised per workbook. */
export function datedOf<K extends TableTabKey>(
  ctx: { readonly workbook: Workbook; readonly period: Period | null; readonly reportDate?: IsoDate },
  tableKey: K,
  row: TableRow<K>,
  key: ColumnKey<K>,
): Dated {
  let memo = cache.get(ctx.workbook);
  if (!memo) {
    memo = new Map();
    cache.set(ctx.workbook, memo);
  }
  const id = `${tableKey}\u0000${row.row}\u0000${key}`;
  let dated = memo.get(id);
  if (!dated) {
    dated = readCell(row.cells[key] ?? null, yearSource(ctx), MODES.get(`${tableKey}.${key}`) ?? "term");
    memo.set(id, dated);
  }
  return dated;
}

/** Closed range of a term; open ends become the far past / far future. */
export function rangeOfTerm(term: Term): DateRange {
  return { start: term.start ?? FAR_PAST, end: term.end ?? FAR_FUTURE };
}

/** Closed range of a dated cell, or null when it is empty or unreadable. */
export function rangeOf(dated: Dated): DateRange | null {
  return dated.status === "ok" ? rangeOfTerm(dated.term) : null;
}

/** True when the range shares no day with the period. */
export function outsidePeriod(range: DateRange, period: Period): boolean {
  return range.end < period.start || range.start > period.end;
}
