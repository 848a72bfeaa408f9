/**
 * MON_*, REC_*, SPR_*: the tabs the committee's справка о реализации проекта reads —
 * «Мониторинг» (a figure on its scale), «Рекомендации» (addressee, text, deadline) and
 * «Справка о проекте» (who signs). A value that cannot be read is a finding; the справка then
 * prints nothing for it rather than a guess.
 */
import { say } from "../issues.js";
import { readQuantity } from "../numbers.js";
import { MONITORING, RECOMMENDATIONS } from "../schema.js";
import { fieldOf } from "../schema-lookup.js";
import { parseTerm } from "../terms/index.js";
import type { Period } from "../terms/types.js";
import type { Cell } from "../grid.js";
import { emitAt, emitField, fieldText, text } from "./read.js";
import type { RuleContext, RuleFamily } from "./types.js";

const header = (tab: { columns: readonly { key: string; header: string }[] }, key: string): string =>
  tab.columns.find((c) => c.key === key)!.header;

/** A figure of «Мониторинг» as a number, or why it is not one (null when the cell is empty). */
export function monitoringNumber(cell: Cell): { ok: true; value: number } | { ok: false; reason: string } | null {
  const read = readQuantity(cell);
  if (read === null) return null;
  return read.ok ? { ok: true, value: read.value } : { ok: false, reason: read.reason };
}

/** True when a recommendation's deadline reads as a date or a term («до 15.09.2023», «постоянно»). */
export function deadlineReadable(cell: Cell, period: Period | null): boolean {
  try {
    const parsed = parseTerm(cell, { period });
    return parsed !== null && parsed.ok;
  } catch {
    return false;
  }
}

function checkMonitoring(ctx: RuleContext): void {
  const table = ctx.workbook.tables.monitoring;
  for (const row of table.rows) {
    const indicator = text(row, "indicator");
    const at = { row: row.row, indicator };
    if (indicator === "") {
      const said = say("MON_INDICATOR_MISSING", { row: row.row, header: header(MONITORING, "indicator") });
      emitAt(ctx, table, row, "indicator", said);
    }
    if (text(row, "group") === "") {
      emitAt(ctx, table, row, "group", say("MON_GROUP_MISSING", { ...at, header: header(MONITORING, "group") }));
    }
    const value = monitoringNumber(row.cells.value ?? null);
    if (value === null || !value.ok) {
      const said =
        value === null
          ? say("MON_VALUE_INVALID", "empty", { ...at, header: header(MONITORING, "value") })
          : say("MON_VALUE_INVALID", "unreadable", { ...at, value: text(row, "value"), reason: value.reason });
      emitAt(ctx, table, row, "value", said);
    }
    const scale = monitoringNumber(row.cells.scale ?? null);
    if (scale === null || !scale.ok || scale.value <= 0) {
      const said =
        scale === null
          ? say("MON_SCALE_INVALID", "empty", { ...at, header: header(MONITORING, "scale") })
          : say("MON_SCALE_INVALID", "unreadable", {
              ...at,
              value: text(row, "scale"),
              reason: scale.ok ? null : scale.reason,
            });
      emitAt(ctx, table, row, "scale", said);
      continue;
    }
    if (value?.ok && value.value > scale.value) {
      const said = say("MON_ABOVE_SCALE", { ...at, value: text(row, "value"), scale: text(row, "scale") });
      emitAt(ctx, table, row, "value", said);
    }
  }
}

function checkRecommendations(ctx: RuleContext): void {
  const table = ctx.workbook.tables.recommendations;
  for (const row of table.rows) {
    const recommendation = text(row, "text");
    const at = { row: row.row, text: recommendation };
    if (recommendation === "") {
      emitAt(
        ctx,
        table,
        row,
        "text",
        say("REC_TEXT_MISSING", { row: row.row, header: header(RECOMMENDATIONS, "text") }),
      );
    }
    if (text(row, "addressee") === "") {
      const said = say("REC_ADDRESSEE_MISSING", { ...at, header: header(RECOMMENDATIONS, "addressee") });
      emitAt(ctx, table, row, "addressee", said);
    }
    const deadline = text(row, "deadline");
    if (deadline === "") {
      const said = say("REC_DEADLINE_MISSING", { ...at, header: header(RECOMMENDATIONS, "deadline") });
      emitAt(ctx, table, row, "deadline", said);
    } else if (!deadlineReadable(row.cells.deadline ?? null, ctx.period)) {
      emitAt(ctx, table, row, "deadline", say("REC_DEADLINE_INVALID", { ...at, deadline }));
    }
  }
}

function checkSigner(ctx: RuleContext): void {
  const position = fieldText(ctx, "spravka", "signer_position");
  const name = fieldText(ctx, "spravka", "signer_name");
  if ((position === "") === (name === "")) return;
  const missing = position === "" ? "signer_position" : "signer_name";
  const filled = position === "" ? name : position;
  emitField(
    ctx,
    "spravka",
    missing,
    say("SPR_SIGNER_INCOMPLETE", { filled, label: fieldOf("spravka", missing).label }),
  );
}

export const spravkaFamilies: readonly RuleFamily[] = [
  {
    name: "monitoring",
    reads: ["monitoring"],
    ids: ["MON_INDICATOR_MISSING", "MON_GROUP_MISSING", "MON_VALUE_INVALID", "MON_SCALE_INVALID", "MON_ABOVE_SCALE"],
    check: checkMonitoring,
  },
  {
    name: "recommendations",
    reads: ["recommendations", "general"],
    ids: ["REC_ADDRESSEE_MISSING", "REC_TEXT_MISSING", "REC_DEADLINE_MISSING", "REC_DEADLINE_INVALID"],
    check: checkRecommendations,
  },
  { name: "spravka-signer", reads: ["spravka"], ids: ["SPR_SIGNER_INCOMPLETE"], check: checkSigner },
];
