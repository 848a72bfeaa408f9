/** TPL_ENUM_INVALID: a value outside its dropdown list, with the closest allowed value suggested. */
import { closest } from "../fold.js";
import { quote } from "../issues.js";
import { type EnumName, type KeyValueTabKey, type TableTabKey, ENUMS, TABS } from "../schema.js";
import type { ParsedTable } from "../workbook.js";
import { emitAt, emitField, enumValue, textOf } from "./read.js";
import type { RuleContext, RuleFamily } from "./types.js";

/** «Выберите значение из списка: «Да», «Нет».» with a suggestion when one is close. */
export function enumAdvice(value: string, name: EnumName): string {
  const allowed = ENUMS[name];
  const suggestion = closest(value, allowed);
  const list = allowed.map((v) => `«${v}»`).join(", ");
  return suggestion ? `Возможно, имелось в виду «${suggestion}». Выберите значение из списка: ${list}.` : `Выберите значение из списка: ${list}.`;
}

function checkTable(ctx: RuleContext, table: ParsedTable, columns: readonly { key: string; header: string; enumName: EnumName }[]): void {
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
      emitAt(ctx, table, row, col.key as never, "TPL_ENUM_INVALID", `В строке ${row.row} в столбце «${col.header}» значение ${quote(value)} не из списка. ${tip}`);
    }
  }
}

export const templateFamily: RuleFamily = {
  name: "template",
  reads: TABS.map((t) => t.key),
  ids: ["TPL_ENUM_INVALID"],
  check(ctx) {
    for (const tab of TABS) {
      if (tab.type === "table") {
        const columns = tab.columns.flatMap((c) => ("enumName" in c && c.enumName ? [{ key: c.key, header: c.header, enumName: c.enumName }] : []));
        if (columns.length > 0) checkTable(ctx, ctx.workbook.tables[tab.key as TableTabKey] as ParsedTable, columns);
      } else {
        for (const field of tab.fields) {
          if (!("enumName" in field) || !field.enumName) continue;
          const key = tab.key as KeyValueTabKey;
          const cell = ctx.workbook.kv[key].fields[field.key as never] as { value: Parameters<typeof textOf>[0] } | undefined;
          const value = textOf(cell?.value ?? null);
          if (value === "" || enumValue(cell?.value ?? null, field.enumName) !== null) continue;
          emitField(ctx, key, field.key as never, {
            rule: "TPL_ENUM_INVALID",
            message: `В поле «${field.label}» значение ${quote(value)} не из списка. ${enumAdvice(value, field.enumName)}`,
          });
        }
      }
    }
  },
};
