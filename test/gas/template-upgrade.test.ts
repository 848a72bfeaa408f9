/**
 * «Создать / обновить шаблон» on a version-1 workbook: the version-2 columns and labels are
 * added, a column of the user's own standing where a new column belongs moves right whole
 * (a blank column is inserted before it), and every value the user typed stays, found by
 * its header.
 */
import { describe, expect, it } from "vitest";
import { TEMPLATE_VERSION } from "../../src/core/schema.js";
import { CallCounter, spreadsheetFromGrid } from "./fake/index.js";
import { lastAlert, sheetValues } from "./inspect.js";
import { createGasEnvironment } from "./load-bundle.js";
import { valuesByHeader, versionOneGrid, versionThreeGrid, versionTwoGrid } from "../helpers/version-one.js";

describe("«Создать / обновить шаблон» on a version-1 workbook", () => {
  const counter = new CallCounter();
  const ss = spreadsheetFromGrid(versionOneGrid(), counter);
  const before = valuesByHeader(ss._sheets.map((s) => ({ title: s._name, rows: sheetValues(s) })));
  const env = createGasEnvironment({ spreadsheet: ss, counter });
  env.fns.menuSetupTemplate!();
  const after = valuesByHeader(ss._sheets.map((s) => ({ title: s._name, rows: sheetValues(s) })));

  it("keeps every value under its header or label", () => {
    expect(before.size).toBeGreaterThan(300);
    expect([...before].filter((v) => !after.has(v))).toEqual([]);
  });

  it("inserts «Уровень» before the user's column, which moves right with its data", () => {
    const events = sheetValues(ss._sheet("Мероприятия МИП"));
    expect(events[0]!.slice(0, 8)).toEqual([
      "Вид мероприятия",
      "Название",
      "Дата",
      "Количество присутствующих",
      "Представленный продукт",
      "Уровень",
      "Пункт дорожной карты",
      "Примечание",
    ]);
    expect(events[1]![7]).toBe("заметка 1");
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

describe("«Создать / обновить шаблон» on a version-2 workbook", () => {
  const counter = new CallCounter();
  const ss = spreadsheetFromGrid(versionTwoGrid(), counter);
  const before = valuesByHeader(ss._sheets.map((s) => ({ title: s._name, rows: sheetValues(s) })));
  const env = createGasEnvironment({ spreadsheet: ss, counter });
  env.fns.menuSetupTemplate!();

  it("adds «Пункт дорожной карты» at the right end of «План-факт» and «Мероприятия МИП», keeping every value", () => {
    const after = valuesByHeader(ss._sheets.map((s) => ({ title: s._name, rows: sheetValues(s) })));
    expect([...before].filter((v) => !after.has(v))).toEqual([]);
    const plan = sheetValues(ss._sheet("План-факт"));
    expect(plan[0]!.slice(12, 15)).toEqual(["Подтверждающий документ", "Пункт дорожной карты", "Мой столбец"]);
    expect(plan[1]![14]).toBe("пометка 1");
    expect(sheetValues(ss._sheet("Мероприятия МИП"))[0]![6]).toBe("Пункт дорожной карты");
    expect(sheetValues(ss._sheet("Документы"))[0]![5]).toBe("Кем издан");
    expect(ss._metadata.map((m) => m._json())).toContainEqual({
      key: "mip.templateVersion",
      value: TEMPLATE_VERSION,
      visibility: "DOCUMENT",
    });
    const state = env.call<{ issues: { rule: string }[] }>("sidebarGetState");
    expect(state.issues.filter((i) => i.rule.startsWith("TPL_"))).toEqual([]);
  });
});

describe("«Создать / обновить шаблон» on a version-3 workbook", () => {
  const counter = new CallCounter();
  const ss = spreadsheetFromGrid(versionThreeGrid(), counter);
  const before = valuesByHeader(ss._sheets.map((s) => ({ title: s._name, rows: sheetValues(s) })));
  const env = createGasEnvironment({ spreadsheet: ss, counter });
  env.fns.menuSetupTemplate!();

  it("inserts «Кем издан» at the right end of «Документы»; the user's column moves right whole, every value kept", () => {
    const after = valuesByHeader(ss._sheets.map((s) => ({ title: s._name, rows: sheetValues(s) })));
    expect([...before].filter((v) => !after.has(v))).toEqual([]);
    const docs = sheetValues(ss._sheet("Документы"));
    expect(docs[0]!.slice(4, 7)).toEqual(["Обоснование применения", "Кем издан", "Мой столбец"]);
    expect(docs[1]!.slice(5, 7)).toEqual(["", "пометка 1"]);
    expect(lastAlert(env.fake)).toMatch(/Документы»: столбец «Кем издан»/);
    expect(ss._metadata.map((m) => m._json())).toContainEqual({
      key: "mip.templateVersion",
      value: "4",
      visibility: "DOCUMENT",
    });
    const state = env.call<{ issues: { rule: string }[] }>("sidebarGetState");
    expect(state.issues.filter((i) => i.rule.startsWith("TPL_"))).toEqual([]);
  });
});
