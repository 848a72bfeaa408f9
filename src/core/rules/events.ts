/**
 * EVT_*: the event tabs (dissemination, internal events, contests, speeches, publications):
 * a title, a level where the tab has one, readable participant counts.
 */
import type { Cell } from "../grid.js";
import { quote } from "../issues.js";
import { readCount } from "../numbers.js";
import type { TableTabKey } from "../schema.js";
import type { ParsedTable, TableRow } from "../workbook.js";
import { emitAt, headerOf, reasonNote, textOf } from "./read.js";
import type { RuleContext, RuleFamily } from "./types.js";

interface EventTab {
  readonly key: TableTabKey;
  /** The column that names the event. */
  readonly name: string;
  readonly level: string | null;
  readonly counts: readonly string[];
}

export const EVENT_TABS: readonly EventTab[] = [
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
  const emit = (row: TableRow, key: string, rule: Parameters<typeof emitAt>[4], message: string): void =>
    emitAt(ctx, table, row as never, key as never, rule, message);
  for (const row of table.rows) {
    if (textOf(cellOf(row, spec.name)) === "") {
      emit(
        row,
        spec.name,
        "EVT_NAME_MISSING",
        `В строке ${row.row} ${spec.key === "speeches" ? "не указана тема выступления" : "не указано название"}. ` +
          `Заполните столбец «${headerOf(spec.key, spec.name)}».`,
      );
    }
    if (spec.level && textOf(cellOf(row, spec.level)) === "") {
      emit(
        row,
        spec.level,
        "EVT_LEVEL_MISSING",
        `В строке ${row.row} не указан уровень. Выберите его в столбце «Уровень»: от «Уровень ОО» до «Международный».`,
      );
    }
    let anyPeople = false;
    for (const key of spec.counts) {
      const cell = cellOf(row, key);
      const read = readCount(cell);
      if (read === null) continue;
      if (!read.ok) {
        const why = reasonNote(read.reason);
        emit(
          row,
          key,
          "EVT_COUNT_INVALID",
          `В строке ${row.row} в столбце «${headerOf(spec.key, key)}» значение ${quote(textOf(cell))} ` +
            `не целое неотрицательное число${why}. Укажите число участников, например 25.`,
        );
        anyPeople = true; // Unreadable is not «nobody»: one finding is enough.
      } else if (read.value > 0) anyPeople = true;
    }
    if (spec.key === "dissemination" && !anyPeople) {
      emit(
        row,
        spec.counts[0]!,
        "EVT_NO_PARTICIPANTS",
        `В строке ${row.row} у мероприятия не указано ни одного участника (педагоги, ` +
          `обучающиеся, родители, социальные партнёры). Укажите, сколько человек участвовало.`,
      );
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
