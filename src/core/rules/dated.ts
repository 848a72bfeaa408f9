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
const MODES: ReadonlyMap<string, ReadonlyMap<string, ReadMode>> = new Map(
  TABS.flatMap((tab) =>
    tab.type !== "table"
      ? []
      : [
          [
            tab.key,
            new Map(
              tab.columns.flatMap((c): [string, ReadMode][] => {
                if (c.kind === "monthOrDate") return [[c.key, c.key === "end" ? "end" : "start"]];
                if (c.kind === "date" && tab.key === "documents") return [[c.key, "single"]];
                return [];
              }),
            ),
          ] as const,
        ],
  ),
);

function parse(cell: Cell, period: Period | null, mode: ReadMode) {
  if (mode === "single") return parseSingleDate(cell, { period });
  if (mode === "start" || mode === "end") return parseMonthOrDate(cell, { period }, mode);
  return parseTerm(cell, { period });
}

/** Read one term or date cell (the term readers never throw: test/terms.property.test.ts). */
export function readCell(cell: Cell, period: Period | null, mode: ReadMode = "term"): Dated {
  if (cell === null || cell === undefined || (typeof cell === "string" && textOf(cell) === "")) return EMPTY;
  const result = parse(cell, period, mode);
  if (result === null) return EMPTY;
  if (result.ok) return { status: "ok", term: result.term };
  return { status: "invalid", reason: result.reason, reversed: result.reversed === true };
}

/**
 * The period that supplies missing years. Without a readable period (GEN_PERIOD_INVALID says
 * so once) the report date's calendar year is used, so that one bad period does not turn
 * every «24.02» of the workbook into a finding.
 */
function yearSource(ctx: { readonly period: Period | null; readonly reportDate?: IsoDate }): Period | null {
  if (ctx.period || !ctx.reportDate) return ctx.period;
  const year = ctx.reportDate.slice(0, 4);
  return { start: `${year}-01-01`, end: `${year}-12-31`, label: year, kind: "year" };
}

interface Memo {
  /** Parsed cells per row. */
  readonly byRow: Map<object, Record<string, Dated>>;
  /** Parsed texts (a plan repeats «Май», «в течение года»). */
  readonly byText: Map<string, Dated>;
}

const memos = new WeakMap<Workbook, Memo>();
/** The workbook being validated right now: skips the WeakMap on the hot path. */
let last: { workbook: Workbook; memo: Memo } | null = null;

function memoFor(workbook: Workbook): Memo {
  if (last?.workbook === workbook) return last.memo;
  let memo = memos.get(workbook);
  if (!memo) {
    memo = { byRow: new Map(), byText: new Map() };
    memos.set(workbook, memo);
  }
  last = { workbook, memo };
  return memo;
}

/** The parsed term of a table cell, memoised per row and per written text. */
export function datedOf<K extends TableTabKey>(
  ctx: { readonly workbook: Workbook; readonly period: Period | null; readonly reportDate?: IsoDate },
  tableKey: K,
  row: TableRow<K>,
  key: ColumnKey<K>,
): Dated {
  const memo = memoFor(ctx.workbook);
  let parsed = memo.byRow.get(row);
  if (!parsed) {
    parsed = {};
    memo.byRow.set(row, parsed);
  }
  const known = parsed[key];
  if (known) return known;
  const cell = row.cells[key] ?? null;
  const mode = MODES.get(tableKey)?.get(key) ?? "term";
  let dated: Dated;
  if (typeof cell === "string" && cell.length <= 200) {
    const id = `${mode}\u0000${cell}`;
    dated = memo.byText.get(id) ?? readCell(cell, yearSource(ctx), mode);
    memo.byText.set(id, dated);
  } else {
    dated = readCell(cell, yearSource(ctx), mode);
  }
  parsed[key] = dated;
  return dated;
}

/** Closed range of a term; open ends become the far past / far future. */
function rangeOfTerm(term: Term): DateRange {
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
