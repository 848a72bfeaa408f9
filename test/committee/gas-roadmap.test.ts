/**
 * The committee's roadmap in Sheets (the built committee bundle on the Apps Script fake): the
 * menu items, the tabs, the execution tab rebuilt by «Обновить свод» from the rows the refresh
 * already reads (no extra call per school), overdue cells coloured, and the order and the
 * execution report as Google Docs.
 */
import { describe, expect, it } from "vitest";
import { type Cell, cellText } from "../../src/core/grid.js";
import {
  ROADMAP_HEADERS,
  computeExecution,
  executionGrid,
  roadmapLinksOf,
  validateRoadmap,
} from "../../src/core/roadmap/index.js";
import { validateWorkbook } from "../../src/core/validate.js";
import { roadmapSampleGrid } from "../../src/demo/roadmap-sample.js";
import { sampleSchools } from "../../src/demo/sample.js";
import { documentStructure } from "../gas/fake/index.js";
import { type CommitteeEnv, type SchoolSheet, committeeEnv } from "./gas-env.js";

const id = (n: number) => `1roadmap${String(n).padStart(4, "0")}abcdefghijklmnopqrstuvwxyz`;
const TODAY = "2022-12-20";

/** The demo's three school workbooks, each under its own short name in Реестр. */
function schools(): SchoolSheet[] {
  return sampleSchools().map((s, n) => {
    const general = s.grid.tabs.find((t) => t.title === "Общие сведения")!.rows;
    const name = cellText(general.find((r) => r[0] === "Сокращённое наименование")![1] as Cell);
    return { id: id(n), organisation: name, grid: s.grid };
  });
}

/** Copies the sample roadmap's «Дорожная карта» and «Распоряжение» into the committee's spreadsheet. */
function addRoadmap(env: CommitteeEnv): void {
  env.counter.paused(() => {
    for (const tab of roadmapSampleGrid().tabs.filter((t) => t.title !== "Реестр")) {
      const sheet = env.committee._addSheet(tab.title, { rows: 100, cols: 10 });
      const width = Math.max(...tab.rows.map((r) => r.length));
      sheet
        .getRange(1, 1, tab.rows.length, width)
        .setValues(tab.rows.map((r) => Array.from({ length: width }, (_, i) => `'${cellText(r[i] ?? null)}`)));
    }
  });
}

const sheetValues = (env: CommitteeEnv, title: string): unknown[][] =>
  env.counter.paused(
    () =>
      env.committee._sheets
        .find((s) => s._name === title)
        ?.getDataRange()
        .getValues() ?? [],
  );

describe("the committee's roadmap in Sheets", () => {
  it("has its menu items and creates its tabs with the contract columns once", () => {
    const env = committeeEnv([]);
    env.run("onOpen", { authMode: "NONE" });
    const menu = JSON.stringify(env.counter.paused(() => env.fake.ui));
    expect(menu).toContain("Создать вкладки «Дорожная карта» и «Распоряжение»");
    expect(menu).toContain("Распоряжение с дорожной картой");
    expect(menu).toContain("Отчёт об исполнении дорожной карты");
    env.run("committeeRoadmapSetup");
    env.run("committeeRoadmapSetup");
    expect(sheetValues(env, "Дорожная карта")[0]).toEqual([...ROADMAP_HEADERS]);
    expect(sheetValues(env, "Распоряжение").map((r) => r[0])).toContain("Номер распоряжения");
    expect(env.committee._sheets.filter((s) => s._name === "Дорожная карта")).toHaveLength(1);
    // «24.02» typed into «Дата» stays text, not a date of this year.
    const formats = env.counter.paused(() =>
      env.committee._sheet("Дорожная карта").getRange(2, 1, 5, 3).getNumberFormats(),
    );
    expect(formats.map((r) => [r[0], r[2]])).toEqual(Array.from({ length: 5 }, () => ["@", "@"]));
  });

  it("«Обновить свод» rebuilds «Исполнение дорожной карты» from the rows it reads: no extra call per school", () => {
    const without = committeeEnv(schools());
    without.counter.reset();
    without.run("committeeRefresh");
    const env = committeeEnv(schools());
    addRoadmap(env);
    env.counter.reset();
    env.run("committeeRefresh");
    for (const call of ["Sheets.Spreadsheets.get", "Sheets.Spreadsheets.Values.batchGet", "SpreadsheetApp.openById"])
      expect(env.counter.count(call), call).toBe(without.counter.count(call));

    // The same matrix the core computes from the schools' workbooks.
    const checked = validateRoadmap(roadmapSampleGrid());
    const expected = computeExecution(
      { ...checked.roadmap, schools: schools().map((s) => s.organisation) },
      schools().map((s) => {
        const result = validateWorkbook(s.grid!, { today: TODAY });
        return {
          school: s.organisation,
          links: roadmapLinksOf(result.workbook, result.context.reportDate, result.context.period),
        };
      }),
      TODAY,
    );
    const tab = sheetValues(env, "Исполнение дорожной карты");
    expect(tab.map((r) => r.map(String))).toEqual(executionGrid(expected));
    expect(tab[1]!.slice(4)).toEqual(["Выполнено", "Выполнено", "Просрочено"]);

    // Overdue cells stand out; the tab is written with one setValues and one setBackgrounds.
    const sheet = env.counter.paused(() => env.committee._sheets.find((s) => s._name === "Исполнение дорожной карты")!);
    const colours = env.counter.paused(() => sheet.getRange(1, 1, tab.length, tab[0]!.length).getBackgrounds());
    tab.forEach((row, r) =>
      row.forEach((value, c) => {
        if (r > 0 && value === "Просрочено") expect(colours[r]![c]).toBe("#f4c7c3");
        if (r > 0 && value === "Выполнено") expect(colours[r]![c]).toBe("#d9ead3");
      }),
    );
    // A second run with nothing changed reads no school again and writes the same matrix.
    env.counter.reset();
    env.run("committeeRefresh");
    expect(env.counter.count("Sheets.Spreadsheets.Values.batchGet")).toBe(0);
    expect(sheetValues(env, "Исполнение дорожной карты")).toEqual(tab);
  });

  it("a registry wider than a new sheet's 26 columns: the tab grows to hold every school", () => {
    const grid = sampleSchools()[1]!.grid;
    const many: SchoolSheet[] = Array.from({ length: 30 }, (_, n) => ({
      id: id(100 + n),
      organisation: `МОУ «Школа ${n + 1}»`,
      grid,
    }));
    const env = committeeEnv(many);
    addRoadmap(env);
    env.run("committeeRefresh");
    const tab = sheetValues(env, "Исполнение дорожной карты");
    expect(tab[0]).toHaveLength(34);
    expect(tab[0]![33]).toBe("МОУ «Школа 30»");
    expect(tab).toHaveLength(31);
  });

  it("makes the order with its appendix and the execution report as Google Docs", () => {
    const env = committeeEnv(schools());
    addRoadmap(env);
    env.run("committeeRefresh");
    const order = env.run("committeeMakeRoadmapOrder") as { name: string };
    expect(order.name).toBe("Распоряжение № 57 — дорожная карта на 2022 год");
    const report = env.run("committeeMakeRoadmapReport") as { name: string };
    expect(report.name).toBe("Отчёт об исполнении дорожной карты — 20.12.2022");
    const docs = [...env.fake.documentApp._documents.values()];
    const text = (n: number) =>
      env.counter
        .paused(() => documentStructure(docs[n]!))
        .map((e) => ("text" in e ? e.text : "rows" in e ? e.rows.flat().join(" | ") : ""))
        .join("\n");
    // The appendix turns landscape: the Docs API pass makes its page break a section break that flips the page.
    const body = docs[0]!._body;
    const turned = [...body._sectionBreaks.entries()].filter(([, style]) => style.flipPageOrientation);
    expect(turned.map(([p]) => p._node.text)).toEqual(["Приложение 1"]);
    const orderText = text(0);
    expect(orderText).toContain("РАСПОРЯЖЕНИЕ");
    expect(orderText).toContain("от 04 марта 2022 года № 57");
    expect(orderText).toContain("Приложение 1");
    expect(orderText).toContain("Участие в Форуме педагогических идей и инновационных практик");
    const reportText = text(1);
    expect(reportText).toContain("по состоянию на 20.12.2022");
    expect(reportText).toContain("Совещание педагогов-наставников");
  });

  it("without a roadmap, the menu item says what to do", () => {
    const env = committeeEnv([]);
    expect(env.run("committeeMakeRoadmapOrder")).toBeNull();
    expect(JSON.stringify(env.counter.paused(() => env.fake.ui))).toContain("Нет вкладки «Дорожная карта»");
  });
});
