/**
 * PART_*: participant counts, the declared total and the training percentages.
 * Counts may be typed as text («7 чел.»): read, accepted, and noted as info.
 */
import { foldEnum } from "../fold.js";
import { say } from "../issues.js";
import { readCount, readIntOrMore, readPercent } from "../numbers.js";
import { PARTICIPANTS } from "../schema.js";
import { fieldOf } from "../schema-lookup.js";
import type { TableRow } from "../workbook.js";
import { cellAt, emitAt, emitField, enumValue, fieldCell, text, textOf } from "./read.js";
import type { RuleContext, RuleFamily } from "./types.js";

/** Allowed difference between the typed percentage and count / teachers, in points. */
const PERCENT_TOLERANCE = 1;
/** «Иное» may legitimately appear on several rows with different roles. */
const REPEATABLE = new Set(["Иное"]);

export interface ParticipantTotals {
  /** Sum of readable counts. */
  readonly total: number;
  /** Sum of «Педагоги» rows. */
  readonly teachers: number;
  /** True when every row's count was readable. */
  readonly complete: boolean;
}

export function participantTotals(rows: readonly TableRow<"participants">[]): ParticipantTotals {
  let total = 0;
  let teachers = 0;
  let complete = true;
  for (const row of rows) {
    const read = readCount(cellAt(row, "count"));
    if (!read || !read.ok) {
      complete = false;
      continue;
    }
    total += read.value;
    if (enumValue(row.cells.category, "participantCategory") === "Педагоги") teachers += read.value;
  }
  return { total, teachers, complete };
}

function checkRows(ctx: RuleContext): void {
  const table = ctx.workbook.tables.participants;
  const seen = new Map<string, TableRow<"participants">>();
  for (const row of table.rows) {
    const written = textOf(cellAt(row, "count"));
    const read = readCount(cellAt(row, "count"));
    if (read === null) {
      emitAt(ctx, table, row, "count", say("PART_COUNT_INVALID", "empty", { row: row.row }));
    } else if (!read.ok) {
      const said = say("PART_COUNT_INVALID", "participants", {
        row: row.row,
        value: written,
        reason: read.reason ?? null,
      });
      emitAt(ctx, table, row, "count", said);
    } else if (read.fromText) {
      const said = say("PART_COUNT_TEXT", { row: row.row, value: written, count: read.value });
      emitAt(ctx, table, row, "count", said);
    }
    const category = text(row, "category");
    if (category === "") continue;
    const canonical = enumValue(row.cells.category, "participantCategory");
    if (canonical !== null && REPEATABLE.has(canonical)) continue;
    const key = canonical ?? foldEnum(category);
    const earlier = seen.get(key);
    if (!earlier) seen.set(key, row);
    else {
      const said = say("PART_CATEGORY_DUPLICATE", { category, row: row.row, firstRow: earlier.row });
      emitAt(ctx, table, row, "category", said);
    }
  }
}

function checkTotal(ctx: RuleContext, totals: ParticipantTotals): void {
  const cell = fieldCell(ctx, "general", "declared_participants");
  const written = textOf(cell);
  if (written === "") return;
  const label = fieldOf("general", "declared_participants").label;
  const read = readIntOrMore(cell);
  if (!read || !read.ok) {
    const reason = read?.ok === false ? (read.reason ?? null) : null;
    const said = say("PART_COUNT_INVALID", "declared", { label, value: written, reason });
    emitField(ctx, "general", "declared_participants", said);
    return;
  }
  // Unreadable rows already have their own finding; a sum without them would mislead.
  if (!totals.complete || !ctx.workbook.tables.participants.present) return;
  // «>1000», «более 1000» — the sum must exceed N; «не менее 1000» — reach it.
  const fits = !read.atLeast
    ? totals.total === read.value
    : read.strict
      ? totals.total > read.value
      : totals.total >= read.value;
  if (fits) return;
  const at = { label, tab: PARTICIPANTS.title, total: totals.total };
  const said = read.atLeast
    ? say("PART_TOTAL_MISMATCH", "atLeast", { ...at, written, strict: read.strict, bound: read.value })
    : say("PART_TOTAL_MISMATCH", "exact", { ...at, declared: read.value });
  emitField(ctx, "general", "declared_participants", said);
}

function checkTraining(ctx: RuleContext, totals: ParticipantTotals): void {
  const table = ctx.workbook.tables.training;
  for (const row of table.rows) {
    const written = textOf(cellAt(row, "count"));
    const read = readCount(cellAt(row, "count"));
    if (read !== null && !read.ok) {
      const said = say("PART_COUNT_INVALID", "teachers", { row: row.row, value: written, reason: read.reason ?? null });
      emitAt(ctx, table, row, "count", said);
    }
    const percentText = textOf(cellAt(row, "percent"));
    if (percentText === "") continue;
    const percent = readPercent(cellAt(row, "percent"));
    if (percent === null) {
      const said = say("PART_TRAINING_PERCENT_MISMATCH", "unreadable", { row: row.row, value: percentText });
      emitAt(ctx, table, row, "percent", said);
      continue;
    }
    if (!read || !read.ok || totals.teachers <= 0) continue;
    const expected = (read.value / totals.teachers) * 100;
    if (Math.abs(expected - percent) <= PERCENT_TOLERANCE) continue;
    const shown = Math.round(expected * 10) / 10;
    const said = say("PART_TRAINING_PERCENT_MISMATCH", "differs", {
      row: row.row,
      value: percentText,
      count: read.value,
      teachers: totals.teachers,
      tab: PARTICIPANTS.title,
      percent: shown,
    });
    emitAt(ctx, table, row, "percent", said);
  }
}

export const participantsFamily: RuleFamily = {
  name: "participants",
  reads: ["participants", "training", "general"],
  ids: [
    "PART_COUNT_INVALID",
    "PART_COUNT_TEXT",
    "PART_TOTAL_MISMATCH",
    "PART_CATEGORY_DUPLICATE",
    "PART_TRAINING_PERCENT_MISMATCH",
  ],
  check(ctx) {
    checkRows(ctx);
    const totals = participantTotals(ctx.workbook.tables.participants.rows);
    checkTotal(ctx, totals);
    checkTraining(ctx, totals);
  },
};
