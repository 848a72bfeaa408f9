/** TPL_ENUM_INVALID: a value outside its dropdown list, with the closest allowed value suggested. */
import { closest } from "../fold.js";
import { say } from "../issues.js";
import {
  type EnumName,
  type KeyValueTabKey,
  type TabDef,
  type TabKey,
  type TableTabKey,
  ENUMS,
  TABS,
} from "../schema.js";
import type { ParsedTable } from "../workbook.js";
import { emitAt, emitField, enumValue, fieldCell, textOf } from "./read.js";
import type { RuleContext, RuleFamily } from "./types.js";

/** «Выберите значение из списка: «Да», «Нет».» with a suggestion when one is close. */
function enumAdvice(value: string, name: EnumName): string {
  const allowed = ENUMS[name];
  const suggestion = closest(value, allowed);
  const list = allowed.map((v) => `«${v}»`).join(", ");
  return suggestion
    ? `Возможно, имелось в виду «${suggestion}». Выберите значение из списка: ${list}.`
    : `Выберите значение из списка: ${list}.`;
}

function checkTable(
  ctx: RuleContext,
  table: ParsedTable,
  columns: readonly { key: string; header: string; enumName: EnumName }[],
): void {
  // Suggestions are memoised: a 10,000-row plan usually repeats the same few misspellings.
  const advice = new Map<string, string>();
  for (const row of table.rows) {
    for (const col of columns) {
      const cell = (row.cells as Record<string, unknown>)[col.key] as Parameters<typeof textOf>[0];
      const value = textOf(cell);
      if (value === "" || enumValue(cell, col.enumName) !== null) continue;
      const memoKey = `${col.key}\u0000${value}`;
      let tip = advice.get(memoKey);
      if (tip === undefined) {
        tip = enumAdvice(value, col.enumName);
        advice.set(memoKey, tip);
      }
      const said = say("TPL_ENUM_INVALID", "cell", { row: row.row, header: col.header, value, advice: tip });
      emitAt(ctx, table, row, col.key as never, said);
    }
  }
}

function checkTab(ctx: RuleContext, tab: TabDef): void {
  if (tab.type === "table") {
    const columns = tab.columns.flatMap((c) =>
      c.enumName ? [{ key: c.key, header: c.header, enumName: c.enumName }] : [],
    );
    checkTable(ctx, ctx.workbook.tables[tab.key as TableTabKey] as ParsedTable, columns);
    return;
  }
  const key = tab.key as KeyValueTabKey;
  for (const field of tab.fields) {
    if (!field.enumName) continue;
    const cell = fieldCell(ctx, key, field.key as never);
    const value = textOf(cell);
    if (value === "" || enumValue(cell, field.enumName) !== null) continue;
    const advice = enumAdvice(value, field.enumName);
    emitField(ctx, key, field.key as never, say("TPL_ENUM_INVALID", "field", { label: field.label, value, advice }));
  }
}

const hasDropdowns = (tab: TabDef): boolean =>
  tab.type === "table" ? tab.columns.some((c) => c.enumName) : tab.fields.some((f) => f.enumName);

/** One family per tab with dropdowns, so a live re-check of a tab reads only that tab. */
export const templateFamilies: readonly RuleFamily[] = (TABS as readonly TabDef[]).filter(hasDropdowns).map((tab) => ({
  name: `template:${tab.key}`,
  reads: [tab.key as TabKey],
  ids: ["TPL_ENUM_INVALID"],
  check(ctx: RuleContext) {
    checkTab(ctx, tab);
  },
}));
