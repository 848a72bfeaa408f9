/**
 * The sample as a version-1 workbook, for the upgrade tests of the add-on and of
 * `mip template --upgrade`: the columns and labels version 2 added are taken out, and a column of
 * the user's own («Примечание») stands where version 2 puts «Уровень» in «Мероприятия МИП».
 */
import { type Cell, type WorkbookGrid, cellText } from "../../src/core/grid.js";
import { type FieldDef, TABS } from "../../src/core/schema.js";
import { sampleGrid } from "../../src/demo/sample.js";

/** Key-value fields added by template version 2 (columns carry `since` in the schema). */
const V2_FIELDS = [
  "current_stage",
  "social_partners",
  "normative_analysis",
  "consequences",
  "product_bank",
  "report_form",
];

const V2_LABELS = new Set(
  TABS.flatMap((t) => (t.type === "keyValue" ? (t.fields as readonly FieldDef[]) : []))
    .filter((f) => V2_FIELDS.includes(f.key))
    .map((f) => f.label),
);

export function versionOneGrid(): WorkbookGrid {
  const tabs = sampleGrid().tabs.map((tab) => {
    const def = TABS.find((t) => t.title === tab.title)!;
    if (def.type === "keyValue") return { ...tab, rows: tab.rows.filter((r) => !V2_LABELS.has(String(r[0]))) };
    const keep = def.columns.map((c, i) => (c.since ? -1 : i)).filter((i) => i >= 0);
    let rows: Cell[][] = tab.rows.map((r) => keep.map((i) => r[i] ?? null));
    if (tab.title === "Мероприятия МИП") rows = rows.map((r, i) => [...r, i === 0 ? "Примечание" : `заметка ${i}`]);
    return { ...tab, rows };
  });
  return { tabs, templateVersion: "1" };
}

/**
 * Every non-empty value of every tab as «tab | header | row | value», found by header (tables)
 * or label (key-value tabs), not by position: what an upgrade must keep.
 */
export function valuesByHeader(tabs: readonly { title: string; rows: readonly (readonly unknown[])[] }[]): Set<string> {
  const out = new Set<string>();
  for (const tab of tabs) {
    const def = TABS.find((t) => t.title === tab.title);
    const header = tab.rows[0] ?? [];
    tab.rows.slice(1).forEach((row, r) =>
      row.forEach((cell, c) => {
        const value = cellText(cell as Cell);
        if (value === "") return;
        const key =
          def?.type === "keyValue" ? `${cellText(row[0] as Cell)} #${c}` : `${cellText(header[c] as Cell)} @${r}`;
        out.add(`${tab.title} | ${key} | ${value}`);
      }),
    );
  }
  return out;
}

/**
 * The sample as a workbook of an older version that already had version 2's columns: the
 * columns later versions added are taken out, and a column of the user's own («Мой столбец»)
 * stands at the right end of `userTab`, where a later version puts its column.
 */
function olderGrid(version: "2" | "3", userTab: string): WorkbookGrid {
  const tabs = sampleGrid().tabs.map((tab) => {
    const def = TABS.find((t) => t.title === tab.title)!;
    if (def.type === "keyValue") return tab;
    const keep = def.columns
      .map((c, i) => (c.since && c.since !== "2" && (version === "2" || c.since !== "3") ? -1 : i))
      .filter((i) => i >= 0);
    let rows: Cell[][] = tab.rows.map((r) => keep.map((i) => r[i] ?? null));
    if (tab.title === userTab) rows = rows.map((r, i) => [...r, i === 0 ? "Мой столбец" : `пометка ${i}`]);
    return { ...tab, rows };
  });
  return { tabs, templateVersion: version };
}

/** Version 2: without «Пункт дорожной карты» (version 3) and «Кем издан» (version 4); the user's column in «План-факт». */
export function versionTwoGrid(): WorkbookGrid {
  return olderGrid("2", "План-факт");
}

/** Version 3: without «Кем издан» (version 4); the user's column in «Документы», where «Кем издан» goes. */
export function versionThreeGrid(): WorkbookGrid {
  return olderGrid("3", "Документы");
}
