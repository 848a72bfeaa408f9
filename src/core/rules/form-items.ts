/**
 * FORM_ITEM_EMPTY: the items a report form requires, by the form chosen in «Настройки» →
 * «Форма отчёта». In a final report an empty required item is an error naming the form's item
 * («5.1. Срок действия МИП»), never a «—» printed in its place (FORMS.md). An interim report
 * may still be filled in later, so the rule waits for the final one.
 */
import { say } from "../issues.js";
import { CONCLUSIONS, type ConclusionKey } from "../schema.js";
import { fieldOf } from "../schema-lookup.js";
import { emitField, enumValue, fieldCell, fieldText } from "./read.js";
import type { RuleContext, RuleFamily } from "./types.js";

interface RequiredItem {
  /** The item as the form numbers and words it. */
  readonly item: string;
  /** The «Выводы» fields that fill it: any one of them filled is enough; the finding points at the first. */
  readonly fields: readonly ConclusionKey[];
}

const EFFECTS: readonly ConclusionKey[] = ["effects_social", "effects_tech", "effects_econ", "effects_other"];

/** Each form's required items, by the form's name in the «Форма отчёта» list. */
export const REQUIRED_ITEMS: Readonly<Record<string, readonly RequiredItem[]>> = {
  "Кировский район Ленинградской области": [
    { item: "4.1. Эффекты от ИОД МИП", fields: EFFECTS },
    { item: "4.2. Практическая значимость инновационных решений", fields: ["significance"] },
    { item: "5.1. Срок действия МИП", fields: ["extension"] },
    { item: "5.2. Основные задачи и направления ИОД МИП", fields: ["next_tasks"] },
  ],
  Новокузнецк: [
    { item: "1) наличие органа управления инновационной деятельностью", fields: ["management_body"] },
    { item: "Описание эффектов", fields: EFFECTS },
  ],
};

const DEFAULT_FORM = "Кировский район Ленинградской области";

function checkRequiredItems(ctx: RuleContext): void {
  if (ctx.reportType !== "final" || !ctx.workbook.kv.conclusions.present) return;
  const form = enumValue(fieldCell(ctx, "settings", "report_form"), "reportForm") ?? DEFAULT_FORM;
  for (const required of REQUIRED_ITEMS[form] ?? []) {
    if (required.fields.some((key) => fieldText(ctx, "conclusions", key) !== "")) continue;
    const labels = required.fields.map((key) => `«${fieldOf("conclusions", key).label}»`);
    const where = { item: required.item, form, tab: CONCLUSIONS.title };
    const said =
      labels.length === 1
        ? say("FORM_ITEM_EMPTY", "one", { ...where, field: labels[0]! })
        : say("FORM_ITEM_EMPTY", "several", { ...where, fields: labels.join(", ") });
    emitField(ctx, "conclusions", required.fields[0]!, said);
  }
}

export const formItemsFamily: RuleFamily = {
  name: "form-items",
  reads: ["general", "conclusions", "settings"],
  ids: ["FORM_ITEM_EMPTY"],
  check: checkRequiredItems,
};
