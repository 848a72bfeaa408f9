/**
 * EVT_*: the event tabs (dissemination, internal events, contests, speeches, publications):
 * a title, a level where the tab has one, readable participant counts.
 */
import type { Cell } from "../grid.js";
import { type Said, say } from "../issues.js";
import { readCount } from "../numbers.js";
import type { TableTabKey } from "../schema.js";
import type { ParsedTable, TableRow } from "../workbook.js";
import { emitAt, headerOf, textOf } from "./read.js";
import type { RuleContext, RuleFamily } from "./types.js";

interface EventTab {
  readonly key: TableTabKey;
  /** The column that names the event. */
  readonly name: string;
  readonly level: string | null;
  readonly counts: readonly string[];
}

const EVENT_TABS: readonly EventTab[] = [
  { key: "dissemination", name: "name", level: "level", counts: ["teachers", "students", "parents", "partners"] },
  { key: "internal_events", name: "name", level: null, counts: ["attendees"] },
  { key: "contests", name: "name", level: "level", counts: [] },
  { key: "speeches", name: "topic", level: "level", counts: [] },
  { key: "publications", name: "title", level: "level", counts: [] },
];

function cellOf(row: TableRow, key: string): Cell {
  return (row.cells as Record<string, Cell | undefined>)[key] ?? null;
}

function checkTab(ctx: RuleContext, spec: EventTab): void {
  const table = ctx.workbook.tables[spec.key] as ParsedTable;
  const emit = (row: TableRow, key: string, said: Said): void => emitAt(ctx, table, row as never, key as never, said);
  for (const row of table.rows) {
    if (textOf(cellOf(row, spec.name)) === "") {
      const at = { row: row.row, header: headerOf(spec.key, spec.name) };
      emit(row, spec.name, say("EVT_NAME_MISSING", spec.key === "speeches" ? "topic" : "name", at));
    }
    if (spec.level && textOf(cellOf(row, spec.level)) === "") {
      emit(row, spec.level, say("EVT_LEVEL_MISSING", { row: row.row }));
    }
    let anyPeople = false;
    for (const key of spec.counts) {
      const cell = cellOf(row, key);
      const read = readCount(cell);
      if (read === null) continue;
      if (!read.ok) {
        const said = say("EVT_COUNT_INVALID", {
          row: row.row,
          header: headerOf(spec.key, key),
          value: textOf(cell),
          reason: read.reason ?? null,
        });
        emit(row, key, said);
        anyPeople = true; // Unreadable is not «nobody»: one finding is enough.
      } else if (read.value > 0) anyPeople = true;
    }
    if (spec.key === "dissemination" && !anyPeople) {
      emit(row, spec.counts[0]!, say("EVT_NO_PARTICIPANTS", { row: row.row }));
    }
  }
}

/** One family per event tab. */
export const eventsFamilies: readonly RuleFamily[] = EVENT_TABS.map((spec) => ({
  name: `events:${spec.key}`,
  reads: [spec.key],
  ids: ["EVT_NAME_MISSING", "EVT_LEVEL_MISSING", "EVT_COUNT_INVALID", "EVT_NO_PARTICIPANTS"],
  check(ctx: RuleContext) {
    checkTab(ctx, spec);
  },
}));
