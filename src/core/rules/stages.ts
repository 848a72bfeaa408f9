/**
 * STG_*: project stages must not overlap, and at least one must cover the reporting period.
 * Stage spans are also used by PLAN_OUTSIDE_STAGE, so they are read here once.
 */
import { say } from "../issues.js";
import { STAGES } from "../schema.js";
import { formatRuDate } from "../terms/index.js";
import type { TableRow } from "../workbook.js";
import { type DateRange, datedOf } from "./dated.js";
import { emitAt, emitTab, text } from "./read.js";
import type { RuleContext, RuleFamily } from "./types.js";

export interface StageSpan extends DateRange {
  readonly row: TableRow<"stages">;
  readonly name: string;
}

/** Stages whose «Начало» and «Окончание» are both readable, in sheet order. */
export function stageSpans(ctx: Pick<RuleContext, "workbook" | "period" | "reportDate">): StageSpan[] {
  const spans: StageSpan[] = [];
  for (const row of ctx.workbook.tables.stages.rows) {
    const start = datedOf(ctx, "stages", row, "start");
    const end = datedOf(ctx, "stages", row, "end");
    if (start.status !== "ok" || end.status !== "ok" || start.term.start === null || end.term.end === null) continue;
    if (start.term.start > end.term.end) continue; // TERM_REVERSED
    spans.push({ row, start: start.term.start, end: end.term.end, name: text(row, "name") || `№ ${text(row, "no")}` });
  }
  return spans;
}

/** Sorted, merged stage spans, for a binary search by date. */
export function mergedSpans(spans: readonly DateRange[]): DateRange[] {
  const sorted = [...spans].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const merged: { start: string; end: string }[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = s.end > last.end ? s.end : last.end;
    else merged.push({ start: s.start, end: s.end });
  }
  return merged;
}

/** True when [start, end] shares a day with one of the merged spans (O(log n)). */
export function touchesAny(merged: readonly DateRange[], start: string, end: string): boolean {
  let lo = 0;
  let hi = merged.length - 1;
  // First span whose end is on or after `start`.
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (merged[mid]!.end >= start) {
      found = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return found >= 0 && merged[found]!.start <= end;
}

function spanText(s: DateRange): string {
  return `${formatRuDate(s.start)} – ${formatRuDate(s.end)}`;
}

export const stagesFamily: RuleFamily = {
  name: "stages",
  reads: ["stages", "general"],
  ids: ["STG_OVERLAP", "STG_NONE_IN_PERIOD"],
  check(ctx) {
    const spans = stageSpans(ctx);
    if (spans.length === 0) return;
    // Sort by start and compare each stage with the one reaching furthest so far: linear after sorting.
    const sorted = [...spans].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.row.row - b.row.row));
    let reach: StageSpan | null = null;
    for (const stage of sorted) {
      // Sharing one boundary day («…–30.09», «30.09–…») is how people write consecutive stages.
      if (reach && stage.start < reach.end) {
        const [first, second] = reach.row.row < stage.row.row ? [reach, stage] : [stage, reach];
        const said = say("STG_OVERLAP", {
          name: second.name,
          row: second.row.row,
          dates: spanText(second),
          firstName: first.name,
          firstRow: first.row.row,
          firstDates: spanText(first),
        });
        emitAt(ctx, ctx.workbook.tables.stages, second.row, "start", said);
      }
      if (!reach || stage.end > reach.end) reach = stage;
    }
    const period = ctx.period;
    if (period && !spans.some((s) => s.start <= period.end && period.start <= s.end)) {
      emitTab(ctx, STAGES.title, say("STG_NONE_IN_PERIOD", { period }));
    }
  },
};
