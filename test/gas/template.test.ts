import { describe, expect, it } from "vitest";
import { cellText } from "../../src/core/grid.js";
import { TABS } from "../../src/core/schema.js";
import { TEMPLATE_LAYOUT, TEMPLATE_VERSION, charsToPixels } from "../../src/core/template.js";
import { validateWorkbook } from "../../src/core/validate.js";
import { readXlsx } from "../../src/local/xlsx-read.js";
import { writeTemplate } from "../../src/local/xlsx-write.js";
import { CallCounter, spreadsheetFromGrid } from "./fake/index.js";
import { layoutOf, mapTab, sampleGrid } from "./fixtures.js";
import { cellAt, lastAlert, note, sheetValues, titles } from "./inspect.js";
import { createGasEnvironment } from "./load-bundle.js";

const TEMPLATE_TITLES = TEMPLATE_LAYOUT.map((l) => l.title);

describe("«Создать / обновить шаблон» on an empty spreadsheet", () => {
  const env = createGasEnvironment({ now: "2022-12-20" });
  env.fns.menuSetupTemplate!();
  const ss = env.fake.spreadsheet;

  it("gives exactly the schema's tabs, in order (the blank «Лист1» goes)", () => {
    expect(titles(ss)).toEqual(TEMPLATE_TITLES);
    expect(titles(ss)).toEqual(TABS.map((t) => t.title));
  });

  it("writes the same headers and key-value rows as `mip template` (TEMPLATE_LAYOUT)", () => {
    for (const layout of TEMPLATE_LAYOUT) {
      const values = sheetValues(ss._sheet(layout.title));
      expect(values[0], layout.title).toEqual(layout.headers);
      expect(
        values.slice(1).map((r) => r.map((v) => String(v))),
        layout.title,
      ).toEqual(layout.body.map((r) => [...r]));
    }
  });

  it("holds the same tabs and cells as the .xlsx of `mip template`, and validates the same way", async () => {
    const xlsx = await readXlsx(await writeTemplate(), "mip-template.xlsx");
    expect(titles(ss)).toEqual(xlsx.tabs.map((t) => t.title));
    for (const tab of xlsx.tabs) {
      const local = tab.rows.map((r) => r.map((c) => cellText(c)));
      const sheets = sheetValues(ss._sheet(tab.title)).map((r) => r.map((v) => cellText(v as string)));
      const width = Math.max(...local.map((r) => r.length), ...sheets.map((r) => r.length));
      const pad = (rows: string[][]) =>
        rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? "")).filter((r) => r.some((v) => v !== ""));
      expect(pad(sheets), tab.title).toEqual(pad(local));
    }
    const fromSheets = env
      .call<{ issues: { rule: string; sheet: string; cell: string | null }[] }>("sidebarGetState")
      .issues.map((i) => `${i.rule} ${i.sheet} ${i.cell}`);
    const fromXlsx = validateWorkbook(xlsx, { today: "2022-12-20" }).issues.map(
      (i) => `${i.rule} ${i.sheet} ${i.cell}`,
    );
    expect(fromSheets).toEqual(fromXlsx);
  });

  it("makes bold, frozen, protected-with-warning headers, widths and hints as notes", () => {
    for (const layout of TEMPLATE_LAYOUT) {
      const sheet = ss._sheet(layout.title);
      expect(sheet._frozenRows).toBe(1);
      layout.headers.forEach((_, i) => expect(sheet._peek(1, i + 1).fontWeight).toBe("bold"));
      layout.widths.forEach((w, i) => expect(sheet._widths.get(i + 1)).toBe(charsToPixels(w)));
      for (const n of layout.notes) expect(sheet._peek(1, n.column + 1).note).toBe(n.text);
      expect(sheet._protections).toHaveLength(1);
      expect(sheet._protections[0]!.isWarningOnly()).toBe(true);
      expect(sheet._protections[0]!._range._a1()).toBe(`A1:${String.fromCharCode(64 + layout.headers.length)}1`);
    }
  });

  it("adds dropdowns that warn instead of rejecting, over the layout's rows", () => {
    let checked = 0;
    for (const layout of TEMPLATE_LAYOUT) {
      const sheet = ss._sheet(layout.title);
      for (const d of layout.dropdowns) {
        for (const row of [d.fromRow, d.toRow]) {
          const v = sheet._peek(row, d.column + 1).validation;
          expect(v, `${layout.title} row ${row}`).not.toBeNull();
          expect(v!.getAllowInvalid()).toBe(true);
          expect(v!._values).toEqual(d.values);
          checked++;
        }
        // The row below has no list unless it is the next enum field's (Ориентация, then Форма отчёта).
        const next = layout.dropdowns.some((o) => o.column === d.column && o.fromRow === d.toRow + 1);
        if (!next) expect(sheet._peek(d.toRow + 1, d.column + 1).validation).toBeNull();
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("keeps hierarchical numbers as text («2.1» must not turn into a date)", () => {
    expect(ss._sheet("План-факт")._peek(2, 1).numberFormat).toBe("@");
  });

  it("records the template version as developer metadata", () => {
    expect(ss._metadata.map((m) => m._json())).toContainEqual({
      key: "mip.templateVersion",
      value: TEMPLATE_VERSION,
      visibility: "DOCUMENT",
    });
  });

  it("also records it as a named range, which Google's .xlsx download keeps (metadata it drops)", () => {
    expect(ss._snapshot().namedRanges).toEqual([`MIP_TEMPLATE_V${TEMPLATE_VERSION}=Общие сведения!A1`]);
  });

  it("running it again changes nothing at all", () => {
    const before = env.fake.snapshot();
    env.fns.menuSetupTemplate!();
    expect(env.fake.snapshot()).toEqual(before);
    expect(lastAlert(env.fake)).toMatch(/ничего менять не понадобилось/);
  });

  it("replaces the named range of an older version (and keeps the user's own named ranges)", () => {
    const general = ss._sheet("Общие сведения");
    ss.removeNamedRange(`MIP_TEMPLATE_V${TEMPLATE_VERSION}`);
    ss.setNamedRange("MIP_TEMPLATE_V0", general.getRange(1, 1));
    ss.setNamedRange("Budget", general.getRange(2, 2));
    env.fns.menuSetupTemplate!();
    expect(ss._snapshot().namedRanges.sort()).toEqual(
      ["Budget=Общие сведения!B2", `MIP_TEMPLATE_V${TEMPLATE_VERSION}=Общие сведения!A1`].sort(),
    );
  });
});

describe("«Создать / обновить шаблон» on a workbook with the user's data", () => {
  // The sample project, with: «Кадры» and «Настройки» deleted, the user's own tab in the middle,
  // a renamed header with data below it, a user column at the right, and «Сайт» missing in «Общие сведения».
  let grid = sampleGrid();
  grid = { ...grid, tabs: grid.tabs.filter((t) => t.title !== "Кадры" && t.title !== "Настройки") };
  const at = grid.tabs.findIndex((t) => t.title === "Организации");
  grid = {
    ...grid,
    tabs: [...grid.tabs.slice(0, at), { title: "Мои заметки", rows: [["Не забыть", 42]] }, ...grid.tabs.slice(at)],
  };
  grid = mapTab(grid, "Задачи", (tab) => ({
    ...tab,
    rows: tab.rows.map((r, i) => (i === 0 ? ["№", "Задачи проекта", "Мой столбец"] : [...r, i === 1 ? "своё" : null])),
  }));
  grid = mapTab(grid, "Общие сведения", (tab) => ({ ...tab, rows: tab.rows.filter((r) => r[0] !== "Сайт") }));

  const counter = new CallCounter();
  const ss = spreadsheetFromGrid(grid, counter);
  ss._sheet("Задачи").getRange("B3").setNote("Моё примечание");
  ss._sheet("Задачи").getRange("B3").setBackground("#00ff00");
  const before = new Map(ss._sheets.map((s) => [s._name, sheetValues(s)]));
  const env = createGasEnvironment({ spreadsheet: ss, counter });
  env.fns.menuSetupTemplate!();

  it("keeps every tab, adds the missing ones in template order", () => {
    const now = titles(ss);
    for (const title of before.keys()) expect(now).toContain(title);
    expect(now.filter((t) => TEMPLATE_TITLES.includes(t))).toEqual(TEMPLATE_TITLES);
    expect(now.indexOf("Кадры")).toBe(now.indexOf("Повышение квалификации") + 1);
    expect(now.at(-1)).toBe("Настройки");
    expect(now.indexOf("Мои заметки")).toBe(now.indexOf("Организации") - 1);
  });

  it("keeps every value the user typed (only the renamed header cell is restored)", () => {
    for (const [title, values] of before) {
      const after = sheetValues(ss._sheet(title));
      values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (title === "Задачи" && r === 0 && c === 1) return;
          expect(after[r]?.[c], `${title} R${r + 1}C${c + 1}`).toEqual(v);
        }),
      );
    }
  });

  it("restores the renamed header and keeps the old text in the note; the data below stays", () => {
    const tasks = ss._sheet("Задачи");
    expect(tasks._peek(1, 2).value).toBe(layoutOf("Задачи").headers[1]);
    expect(note(tasks, "B1")).toMatch(/Прежний заголовок: «Задачи проекта»/);
    expect(tasks._peek(1, 3).value).toBe("Мой столбец");
    expect(cellAt(tasks, "B3").data.note).toBe("Моё примечание");
    expect(cellAt(tasks, "B3").data.background).toBe("#00ff00");
    expect(lastAlert(env.fake)).toMatch(/Задачи проекта/);
  });

  it("appends a missing key-value label at the end of the tab, with its default and hint", () => {
    const general = sheetValues(ss._sheet("Общие сведения"));
    const last = general.at(-1)!;
    expect(last[0]).toBe("Сайт");
    expect(general.filter((r) => r[0] === "Сайт")).toHaveLength(1);
    expect(lastAlert(env.fake)).toMatch(/Общие сведения»: Сайт/);
  });

  it("then validates with no template findings", () => {
    const state = env.call<{ issues: { rule: string }[] }>("sidebarGetState");
    expect(state.issues.filter((i) => i.rule.startsWith("TPL_"))).toEqual([]);
  });

  it("a second run changes nothing", () => {
    const snapshot = env.fake.snapshot();
    env.fns.menuSetupTemplate!();
    expect(env.fake.snapshot()).toEqual(snapshot);
  });
});

describe("moved columns", () => {
  it("are not rewritten: moving headers would mislabel the user's data, so the user is told", () => {
    const grid = mapTab(sampleGrid(), "Задачи", (tab) => ({
      ...tab,
      rows: tab.rows.map((r) => [r[1] ?? null, r[0] ?? null]),
    }));
    const counter = new CallCounter();
    const ss = spreadsheetFromGrid(grid, counter);
    const before = sheetValues(ss._sheet("Задачи"));
    const env = createGasEnvironment({ spreadsheet: ss, counter });
    env.fns.menuSetupTemplate!();
    expect(sheetValues(ss._sheet("Задачи"))).toEqual(before);
    expect(lastAlert(env.fake)).toMatch(/Верните порядок столбцов вручную/);
    expect(cellText(before[0]![0] as string)).toBe("Задача");
  });
});
