/** Project stages for sections 2.4–2.6: dates read with the shared terms reader, spans in words. */
import type { Cell } from "../grid.js";
import { lowerFirst, monthSpan } from "../russian.js";
import { parseTerm } from "../terms/index.js";
import type { IsoDate, Period } from "../terms/types.js";
import type { Workbook } from "../workbook.js";
import { DASH } from "./model.js";
import { rowsOf, printedAt } from "./read.js";

export interface StageLine {
  /** The stage number as written, or its position when empty. */
  readonly no: string;
  readonly name: string;
  readonly start: IsoDate | null;
  readonly end: IsoDate | null;
  readonly startText: string;
  readonly endText: string;
  readonly tasks: string;
  readonly results: string;
}

function dateOf(cell: Cell | undefined, period: Period | null, edge: "start" | "end"): IsoDate | null {
  try {
    const parsed = parseTerm(cell ?? null, { period });
    if (!parsed || !parsed.ok) return null;
    return parsed.term[edge] ?? null;
  } catch {
    // The terms reader never throws by contract; a report must not fail if it did.
    return null;
  }
}

export function readStages(wb: Workbook, period: Period | null): StageLine[] {
  return rowsOf(wb, "stages").map((row, i) => ({
    no: printedAt(row, "no") || String(i + 1),
    name: printedAt(row, "name"),
    start: dateOf(row.cells.start, period, "start"),
    end: dateOf(row.cells.end, period, "end"),
    startText: printedAt(row, "start"),
    endText: printedAt(row, "end"),
    tasks: printedAt(row, "tasks"),
    results: printedAt(row, "results"),
  }));
}

/** «январь – сентябрь 2021 года», or the cells as written when they cannot be read. */
export function stageSpan(stage: StageLine): string {
  if (stage.start && stage.end && stage.start <= stage.end) return monthSpan(stage.start, stage.end);
  return [stage.startText, stage.endText].filter((t) => t !== "").join(" – ");
}

/**
 * A stage is complete when it has ended by the report date, with or without «Итоги этапа»
 * written (§2.5 then prints «—» for it). A stage whose end cannot be read counts as complete
 * only when its results are written.
 */
export function isCompleted(stage: StageLine, reportDate: IsoDate): boolean {
  if (stage.end === null) return stage.results !== "";
  return stage.end <= reportDate;
}

/** A stage overlaps the period; undated stages or an unknown period count as overlapping. */
export function overlapsPeriod(stage: StageLine, period: Period | null): boolean {
  if (!period) return true;
  const startsBeforeEnd = stage.start === null || stage.start <= period.end;
  const endsAfterStart = stage.end === null || stage.end >= period.start;
  return startsBeforeEnd && endsAfterStart;
}

/** «1 этап – подготовительный», as the official form writes it (en dash, name in lower case). */
export function stageTitle(stage: StageLine): string {
  return `${stage.no} этап – ${stage.name ? lowerFirst(stage.name) : DASH}`;
}

/** «1-го этапа» for numeric numbers, «этапа «…»» otherwise. */
export function stageOrdinalGenitive(stage: StageLine): string {
  return /^\d+$/.test(stage.no) ? `${stage.no}-го этапа` : `этапа ${stage.no}`;
}
