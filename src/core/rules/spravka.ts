/**
 * MON_*, REC_*, SPR_*: the tabs the committee's справка о реализации проекта reads —
 * «Мониторинг» (a figure on its scale), «Рекомендации» (addressee, text, deadline) and
 * «Справка о проекте» (who signs). A value that cannot be read is a finding; the справка then
 * prints nothing for it rather than a guess.
 */
import { quote } from "../issues.js";
import { readQuantity } from "../numbers.js";
import { MONITORING, RECOMMENDATIONS } from "../schema.js";
import { fieldOf } from "../schema-lookup.js";
import { parseTerm } from "../terms/index.js";
import type { Period } from "../terms/types.js";
import type { Cell } from "../grid.js";
import { emitAt, emitField, fieldText, reasonNote, text } from "./read.js";
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
    const where = `В строке ${row.row}`;
    if (indicator === "") {
      emitAt(
        ctx,
        table,
        row,
        "indicator",
        "MON_INDICATOR_MISSING",
        `${where} есть значение мониторинга, но не указан показатель. Заполните столбец ` +
          `«${header(MONITORING, "indicator")}», например «Удовлетворённость совместной работой».`,
      );
    }
    const what = indicator === "" ? "" : ` показателя ${quote(indicator, 60)}`;
    if (text(row, "group") === "") {
      emitAt(
        ctx,
        table,
        row,
        "group",
        "MON_GROUP_MISSING",
        `${where} не указана группа школ${what}. Выберите в столбце «${header(MONITORING, "group")}» «Школы ` +
          `с НОР», «Школы-лидеры», «Методические службы» или «Все участники» — от этого зависит раздел справки.`,
      );
    }
    const value = monitoringNumber(row.cells.value ?? null);
    if (value === null || !value.ok) {
      const shown = text(row, "value");
      emitAt(
        ctx,
        table,
        row,
        "value",
        "MON_VALUE_INVALID",
        value === null
          ? `${where} не указано значение${what}. Впишите в столбец ` +
              `«${header(MONITORING, "value")}» число, например 3,67.`
          : `${where} значение ${quote(shown)}${what} не читается как ` +
              `число${reasonNote(value.reason)}. Впишите число, например 3,67.`,
      );
    }
    const scale = monitoringNumber(row.cells.scale ?? null);
    if (scale === null || !scale.ok || scale.value <= 0) {
      const shown = text(row, "scale");
      emitAt(
        ctx,
        table,
        row,
        "scale",
        "MON_SCALE_INVALID",
        scale === null
          ? `${where} не указан максимум шкалы${what}. Впишите в столбец «${header(MONITORING, "scale")}» ` +
              `наибольшее возможное значение: 5 для пятибалльной шкалы, 100 для баллов из ста.`
          : `${where} максимум шкалы ${quote(shown)}${what} не читается как положительное ` +
              `число${scale.ok ? "" : reasonNote(scale.reason)}. Впишите наибольшее возможное значение, например 5.`,
      );
      continue;
    }
    if (value?.ok && value.value > scale.value) {
      emitAt(
        ctx,
        table,
        row,
        "value",
        "MON_ABOVE_SCALE",
        `${where} значение ${quote(text(row, "value"))}${what} больше максимума ` +
          `шкалы ${quote(text(row, "scale"))}. Проверьте значение или шкалу: оценка не может быть выше максимальной.`,
      );
    }
  }
}

function checkRecommendations(ctx: RuleContext): void {
  const table = ctx.workbook.tables.recommendations;
  for (const row of table.rows) {
    const recommendation = text(row, "text");
    const where = `В строке ${row.row}`;
    const what = recommendation === "" ? "" : ` у рекомендации ${quote(recommendation, 60)}`;
    if (recommendation === "") {
      emitAt(
        ctx,
        table,
        row,
        "text",
        "REC_TEXT_MISSING",
        `${where} не заполнен столбец «${header(RECOMMENDATIONS, "text")}». ` +
          `Напишите, что рекомендуется сделать, или удалите строку.`,
      );
    }
    if (text(row, "addressee") === "") {
      emitAt(
        ctx,
        table,
        row,
        "addressee",
        "REC_ADDRESSEE_MISSING",
        `${where}${what} не указан адресат. Заполните столбец «${header(RECOMMENDATIONS, "addressee")}»: ` +
          `кому она адресована, например «Руководителям общеобразовательных учреждений».`,
      );
    }
    const deadline = text(row, "deadline");
    if (deadline === "") {
      emitAt(
        ctx,
        table,
        row,
        "deadline",
        "REC_DEADLINE_MISSING",
        `${where}${what} не указан срок. Заполните столбец ` +
          `«${header(RECOMMENDATIONS, "deadline")}»: «до 15.09.2023», «01.09.2023» или «постоянно».`,
      );
    } else if (!deadlineReadable(row.cells.deadline ?? null, ctx.period)) {
      emitAt(
        ctx,
        table,
        row,
        "deadline",
        "REC_DEADLINE_INVALID",
        `${where} срок ${quote(deadline)}${what} не читается как дата или срок. Запишите ` +
          `его так: «до 15.09.2023», «01.09.2023», «сентябрь 2023» или «постоянно».`,
      );
    }
  }
}

function checkSigner(ctx: RuleContext): void {
  const position = fieldText(ctx, "spravka", "signer_position");
  const name = fieldText(ctx, "spravka", "signer_name");
  if ((position === "") === (name === "")) return;
  const missing = position === "" ? "signer_position" : "signer_name";
  const filled = position === "" ? name : position;
  emitField(ctx, "spravka", missing, {
    rule: "SPR_SIGNER_INCOMPLETE",
    message:
      `Подписывающий справку указан не полностью: есть ${quote(filled)}, но не заполнено ` +
      `поле «${fieldOf("spravka", missing).label}». Заполните оба поля или очистите оба.`,
  });
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
