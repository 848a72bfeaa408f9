/**
 * PART_*: participant counts, the declared total and the training percentages.
 * Counts may be typed as text («7 чел.»): read, accepted, and noted as info.
 */
import { foldEnum } from "../fold.js";
import { quote } from "../issues.js";
import { readCount, readIntOrMore, readPercent } from "../numbers.js";
import { PARTICIPANTS } from "../schema.js";
import { fieldOf } from "../schema-lookup.js";
import type { TableRow } from "../workbook.js";
import { cellAt, emitAt, reasonNote, emitField, enumValue, fieldCell, text, textOf } from "./read.js";
import type { RuleContext, RuleFamily } from "./types.js";

/** Allowed difference between the typed percentage and count / teachers, in points. */
export const PERCENT_TOLERANCE = 1;
/** «Иное» may legitimately appear on several rows with different roles. */
const REPEATABLE = new Set(["Иное"]);

const why = reasonNote;

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
      emitAt(
        ctx,
        table,
        row,
        "count",
        "PART_COUNT_INVALID",
        `В строке ${row.row} не указано количество. Заполните столбец «Количество» целым числом, например 12.`,
      );
    } else if (!read.ok) {
      emitAt(
        ctx,
        table,
        row,
        "count",
        "PART_COUNT_INVALID",
        `В строке ${row.row} количество ${quote(written)} не целое ` +
          `неотрицательное число${why(read.reason)}. Укажите число, например 12.`,
      );
    } else if (read.fromText) {
      emitAt(
        ctx,
        table,
        row,
        "count",
        "PART_COUNT_TEXT",
        `В строке ${row.row} количество ${quote(written)} записано текстом; ` +
          `прочитано как ${read.value}. Можно оставить так или записать просто число.`,
      );
    }
    const category = text(row, "category");
    if (category === "") continue;
    const canonical = enumValue(row.cells.category, "participantCategory");
    if (canonical !== null && REPEATABLE.has(canonical)) continue;
    const key = canonical ?? foldEnum(category);
    const earlier = seen.get(key);
    if (!earlier) seen.set(key, row);
    else {
      emitAt(
        ctx,
        table,
        row,
        "category",
        "PART_CATEGORY_DUPLICATE",
        `Категория ${quote(category)} в строке ${row.row} уже есть ` +
          `в строке ${earlier.row}. Сложите количества в одну строку.`,
      );
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
    emitField(ctx, "general", "declared_participants", {
      rule: "PART_COUNT_INVALID",
      message:
        `В поле «${label}» значение ${quote(written)} не читается как ` +
        `число${why(read?.ok === false ? read.reason : "")}. Укажите целое число или «>N», например 135 или >1000.`,
    });
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
  emitField(ctx, "general", "declared_participants", {
    rule: "PART_TOTAL_MISMATCH",
    message: read.atLeast
      ? `${label}: ${quote(written)}, а на вкладке «${PARTICIPANTS.title}» ` +
        `всего ${totals.total}. Сумма должна быть ${read.strict ? "больше" : "не меньше"} ${read.value}: ` +
        `исправьте заявленное число или количества по категориям.`
      : `${label}: ${read.value}, а сумма по категориям на вкладке «${PARTICIPANTS.title}» ` +
        `— ${totals.total}. Исправьте заявленное число или количества по категориям.`,
  });
}

function checkTraining(ctx: RuleContext, totals: ParticipantTotals): void {
  const table = ctx.workbook.tables.training;
  for (const row of table.rows) {
    const written = textOf(cellAt(row, "count"));
    const read = readCount(cellAt(row, "count"));
    if (read !== null && !read.ok) {
      emitAt(
        ctx,
        table,
        row,
        "count",
        "PART_COUNT_INVALID",
        `В строке ${row.row} количество педагогов ${quote(written)} не целое ` +
          `неотрицательное число${why(read.reason)}. Укажите число, например 3.`,
      );
    }
    const percentText = textOf(cellAt(row, "percent"));
    if (percentText === "") continue;
    const percent = readPercent(cellAt(row, "percent"));
    if (percent === null) {
      emitAt(
        ctx,
        table,
        row,
        "percent",
        "PART_TRAINING_PERCENT_MISMATCH",
        `В строке ${row.row} процент ${quote(percentText)} не ` +
          `читается как число. Укажите процент, например 25 или 25%.`,
      );
      continue;
    }
    if (!read || !read.ok || totals.teachers <= 0) continue;
    const expected = (read.value / totals.teachers) * 100;
    if (Math.abs(expected - percent) <= PERCENT_TOLERANCE) continue;
    const shown = Math.round(expected * 10) / 10;
    emitAt(
      ctx,
      table,
      row,
      "percent",
      "PART_TRAINING_PERCENT_MISMATCH",
      `В строке ${row.row} указано ${quote(percentText)}, а ${read.value} из ${totals.teachers} педагогов (вкладка ` +
        `«${PARTICIPANTS.title}») — это ${String(shown).replace(".", ",")}%. Исправьте процент или количество.`,
    );
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
