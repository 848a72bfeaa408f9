import { TABS } from "../../src/core/schema.js";
import { describe, expect, it } from "vitest";
import type { SidebarState } from "../../src/api.js";
import { errorCell, isDateCell } from "../../src/core/grid.js";
import { validateWorkbook } from "../../src/core/validate.js";
import { CallCounter, spreadsheetFromGrid } from "./fake/index.js";
import { NOW, mapTab, sampleGrid, sampleReportDate } from "./fixtures.js";
import { createGasEnvironment } from "./load-bundle.js";

const strip = (issues: readonly { rule: string; sheet: string; cell: string | null; message: string }[]) =>
  issues.map((i) => `${i.rule} ${i.sheet}!${i.cell ?? "-"} ${i.message}`);

describe("reading the spreadsheet", () => {
  for (const timeZone of ["Europe/Moscow", "America/Los_Angeles", "Pacific/Kiritimati"]) {
    it(`gives the validator what the .xlsx reader gives (dates as calendar dates in ${timeZone})`, () => {
      const grid = sampleGrid();
      expect(grid.tabs.some((t) => t.rows.some((r) => r.some((c) => isDateCell(c))))).toBe(true);
      const counter = new CallCounter();
      const env = createGasEnvironment({
        spreadsheet: spreadsheetFromGrid(grid, counter, undefined, timeZone),
        counter,
        now: NOW,
        timeZone,
      });
      const state = env.call<SidebarState>("sidebarGetState");
      const direct = validateWorkbook(grid, { today: sampleReportDate });
      expect(strip(state.issues)).toEqual(strip(direct.issues));
      expect(state.completeness).toBe(direct.summary.completeness);
    });
  }

  it("turns error cells into TPL_CELL_ERROR at their cell", () => {
    const grid = mapTab(sampleGrid(), "Участники", (tab) => ({
      ...tab,
      rows: tab.rows.map((r, i) => (i === 1 ? [r[0] ?? null, errorCell("#REF!"), ...r.slice(2)] : r)),
    }));
    const env = createGasEnvironment({ grid, now: NOW });
    const state = env.call<SidebarState>("sidebarGetState");
    expect(state.issues).toContainEqual(
      expect.objectContaining({ rule: "TPL_CELL_ERROR", sheet: "Участники", cell: "B2" }),
    );
  });

  it("reads each template tab with one getSheetValues, whatever the number of rows", () => {
    const calls = (rows: number) => {
      const grid = mapTab(sampleGrid(), "План-факт", (tab) => ({
        ...tab,
        rows: [tab.rows[0]!, ...Array.from({ length: rows }, (_, i) => [String(i + 1), ...tab.rows[1]!.slice(1)])],
      }));
      const env = createGasEnvironment({ grid, now: NOW });
      env.counter.reset();
      env.call("sidebarGetState");
      return env.counter.snapshot();
    };
    const small = calls(10);
    const large = calls(2000);
    expect(large).toEqual(small);
    // One call per template tab (getSheetValues(1, 1, -1, -1)), no range asked for first.
    expect(small["Sheet.getSheetValues"]).toBe(TABS.length);
    expect(small["Sheet.getDataRange"]).toBeUndefined();
    expect(small["Range.getValues"]).toBeUndefined();
    expect(small["Range.getDisplayValues"]).toBeUndefined();
  });

  it("«Проверить» asks each tab its name once: the marking takes the titles the check read", () => {
    const env = createGasEnvironment({ grid: sampleGrid(), now: NOW });
    env.counter.reset();
    env.call("sidebarValidate");
    expect(env.counter.count("Sheet.getName")).toBe(env.fake.spreadsheet._sheets.length);
    expect(env.counter.count("Spreadsheet.getSheets")).toBe(1);
  });
});

describe("sidebar server functions", () => {
  it("return plain JSON state with tabs, counts and findings", () => {
    const env = createGasEnvironment({ grid: sampleGrid(), now: NOW });
    const state = env.call<SidebarState>("sidebarGetState");
    expect(state.organisation).not.toBe("");
    expect(state.tabs.map((t) => t.title)[0]).toBe("Общие сведения");
    expect(state.counts.errors).toBe(state.issues.filter((i) => i.severity === "error").length);
    expect(state.tabs.find((t) => t.title === "План-факт")!.state).toBe("errors");
    // sidebarGetState does not mark; sidebarValidate does.
    expect(env.fake.spreadsheet._sheet("План-факт")._rules).toHaveLength(0);
    env.call("sidebarValidate");
    expect(env.fake.spreadsheet._sheet("План-факт")._rules.length).toBeGreaterThan(0);
  });

  it("select the finding's cell, or the tab when no cell is meant", () => {
    const env = createGasEnvironment({ grid: sampleGrid(), now: NOW });
    env.call("sidebarSelectCell", "Наставничество", "E7");
    expect(env.fake.spreadsheet._activeSheet?._name).toBe("Наставничество");
    expect(env.fake.spreadsheet._activeRange?._a1()).toBe("E7");
    env.call("sidebarSelectCell", "Задачи", null);
    expect(env.fake.spreadsheet._activeSheet?._name).toBe("Задачи");
  });

  it("fail with a Russian sentence, never a stack trace", () => {
    const env = createGasEnvironment({ grid: sampleGrid(), now: NOW });
    expect(() => env.call("sidebarSelectCell", "Нет такой", "A1")).toThrow(/^Вкладки «Нет такой» нет в таблице/);
    const empty = createGasEnvironment({ now: NOW });
    expect(() => empty.call("sidebarValidate")).toThrow(/нет вкладок шаблона МИП/);
    // Opening the panel on a fresh spreadsheet shows every tab as missing rather than failing.
    const fresh = empty.call<SidebarState>("sidebarGetState");
    expect(fresh.tabs.every((t) => t.state === "missing")).toBe(true);
    empty.fns.menuValidate!();
    expect(empty.fake.ui._alerts.at(-1)!.prompt).toMatch(/Создать \/ обновить шаблон/);
    expect(empty.fake.ui._alerts.at(-1)!.prompt).not.toMatch(/at .*\.js:\d+/);
  });
});
