/**
 * «Создать / обновить шаблон» on a version-1 workbook: the version-2 columns and labels are
 * added, a column of the user's own standing where a new column belongs moves right whole
 * (a blank column is inserted before it), and every value the user typed stays, found by
 * its header.
 */
import { describe, expect, it } from "vitest";
import { type Cell, type WorkbookGrid, cellText } from "../../src/core/grid.js";
import { type FieldDef, TABS, TEMPLATE_VERSION } from "../../src/core/schema.js";
import { CallCounter, spreadsheetFromGrid } from "./fake/index.js";
import { sampleGrid } from "./fixtures.js";
import { lastAlert, sheetValues } from "./inspect.js";
import { createGasEnvironment } from "./load-bundle.js";

const NEW_FIELDS = [
  "current_stage",
  "social_partners",
  "normative_analysis",
  "consequences",
  "product_bank",
  "report_form",
];
const V2_LABELS = new Set(
  TABS.flatMap((t) => (t.type === "keyValue" ? (t.fields as readonly FieldDef[]) : []))
    .filter((f) => NEW_FIELDS.includes(f.key))
    .map((f) => f.label),
);

function versionOneGrid(): WorkbookGrid {
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

/** «tab | header-or-label | row | value» for every value typed. */
function values(rowsByTab: Map<string, unknown[][]>): Set<string> {
  const out = new Set<string>();
  for (const [title, rows] of rowsByTab) {
    const kv = TABS.find((t) => t.title === title)?.type === "keyValue";
    rows.slice(1).forEach((row, r) =>
      row.forEach((v, c) => {
        const text = cellText(v as string);
        if (text !== "")
          out.add(
            `${title} | ${kv ? cellText(row[0] as string) : cellText(rows[0]![c] as string)} | ${kv ? c : r} | ${text}`,
          );
      }),
    );
  }
  return out;
}

describe("«Создать / обновить шаблон» on a version-1 workbook", () => {
  const counter = new CallCounter();
  const ss = spreadsheetFromGrid(versionOneGrid(), counter);
  const before = values(new Map(ss._sheets.map((s) => [s._name, sheetValues(s)])));
  const env = createGasEnvironment({ spreadsheet: ss, counter });
  env.fns.menuSetupTemplate!();
  const after = values(new Map(ss._sheets.map((s) => [s._name, sheetValues(s)])));

  it("keeps every value under its header or label", () => {
    expect(before.size).toBeGreaterThan(300);
    expect([...before].filter((v) => !after.has(v))).toEqual([]);
  });

  it("inserts «Уровень» before the user's column, which moves right with its data", () => {
    const events = sheetValues(ss._sheet("Мероприятия МИП"));
    expect(events[0]!.slice(0, 7)).toEqual([
      "Вид мероприятия",
      "Название",
      "Дата",
      "Количество присутствующих",
      "Представленный продукт",
      "Уровень",
      "Примечание",
    ]);
    expect(events[1]![6]).toBe("заметка 1");
    expect(ss._sheet("Мероприятия МИП")._peek(2, 6).validation?._values).toContain("Районный");
    expect(sheetValues(ss._sheet("Кадры"))[0]![3]).toBe("Входит в орган управления");
    expect(lastAlert(env.fake)).toMatch(/Мероприятия МИП»: столбец «Уровень»/);
  });

  it("adds the new labels (Форма отчёта among them) and records version 2; the check then finds no template errors", () => {
    expect(sheetValues(ss._sheet("Настройки")).map((r) => r[0])).toContain("Форма отчёта");
    expect(ss._metadata.map((m) => m._json())).toContainEqual({
      key: "mip.templateVersion",
      value: TEMPLATE_VERSION,
      visibility: "DOCUMENT",
    });
    const state = env.call<{ issues: { rule: string }[] }>("sidebarGetState");
    expect(state.issues.filter((i) => i.rule.startsWith("TPL_"))).toEqual([]);
  });

  it("a second run changes nothing", () => {
    const snapshot = env.fake.snapshot();
    env.fns.menuSetupTemplate!();
    expect(env.fake.snapshot()).toEqual(snapshot);
  });
});
