/**
 * Every server function the sidebar may call (src/sidebar-calls.ts), called on the built bundle with
 * what a browser console could send through google.script.run: wrong types, huge strings,
 * `__proto__` keys, NaN and negative numbers, another spreadsheet's id, cells outside the sheet.
 * Each answers with a Russian sentence (never Google's English or a stack trace) and changes
 * nothing; the same calls with proper arguments still work.
 */
import { describe, expect, it } from "vitest";
import { SERVER_FUNCTIONS } from "../../src/sidebar-calls.js";
import { sampleGrid } from "../../src/demo/sample.js";
import { createGasEnvironment } from "../gas/load-bundle.js";

const NOW = "2022-12-20";
const OTHER_SPREADSHEET = "1otherSpreadsheetIdabcdefghijklmnopqrstuvwxyz0";

/** Values JSON can carry that no server function expects. */
const HOSTILE_VALUES: readonly unknown[] = [
  OTHER_SPREADSHEET,
  "x".repeat(1_000_000),
  JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'),
  Number.NaN,
  -1,
  1e308,
  [],
  [["План-факт", "A1"]],
  true,
  { sheet: "План-факт", cell: "A1" },
];

const russianSentence = /^[А-ЯЁ«][^\n]*[.»]$/u;

/** The call's error message, or null when it did not throw. */
function failure(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

describe("sidebar server functions with hostile arguments", () => {
  it.each(SERVER_FUNCTIONS.filter((name) => name !== "sidebarSelectCell"))(
    "%s refuses every extra argument with a Russian sentence",
    (name) => {
      const env = createGasEnvironment({ grid: sampleGrid(), now: NOW });
      for (const value of HOSTILE_VALUES) {
        const message = failure(() => env.call(name, value));
        expect(message, `${name}(${String(value).slice(0, 40)})`).toMatch(russianSentence);
        expect(message).toMatch(/^Панель передала данные функции, которая их не принимает/);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      // Called properly, it still answers.
      expect(failure(() => env.call(name))).toBeNull();
    },
  );

  it("sidebarSelectCell refuses every wrong sheet or cell and moves no selection", () => {
    const env = createGasEnvironment({ grid: sampleGrid(), now: NOW });
    env.call("sidebarSelectCell", "Задачи", "B2");
    const cases: readonly (readonly unknown[])[] = [
      ...HOSTILE_VALUES.map((v) => [v, "A1"]),
      // NaN travels as null (JSON), which means «no cell»: it is left to the test below.
      ...HOSTILE_VALUES.filter((v) => (typeof v !== "string" || v.length > 10) && !Number.isNaN(v)).map((v) => [
        "План-факт",
        v,
      ]),
      ["План-факт", "A0"],
      ["План-факт", "1A"],
      ["План-факт", "A1:B2"],
      ["План-факт", "=A1"],
      ["План-факт", "<script>alert(1)</script>"],
      ["", "A1"],
      ["План-факт"],
      ["План-факт", "A1", OTHER_SPREADSHEET],
      [],
    ];
    for (const args of cases) {
      const message = failure(() => env.call("sidebarSelectCell", ...args));
      expect(message, JSON.stringify(args).slice(0, 80)).toMatch(russianSentence);
      // A well-formed title of a tab that is not there (another spreadsheet's id) is answered as such.
      expect(message).toMatch(/^Панель передала|^Вкладки «[^»]+» нет в таблице/);
      expect(env.fake.spreadsheet._activeSheet?._name).toBe("Задачи");
      expect(env.fake.spreadsheet._activeRange?._a1()).toBe("B2");
    }
  });

  it("NaN for the cell arrives as null (JSON) and selects the tab", () => {
    const env = createGasEnvironment({ grid: sampleGrid(), now: NOW });
    expect(failure(() => env.call("sidebarSelectCell", "Этапы", Number.NaN))).toBeNull();
    expect(env.fake.spreadsheet._activeSheet?._name).toBe("Этапы");
  });

  it("a cell beyond the sheet's grid is named in Russian; one inside it is selected", () => {
    const env = createGasEnvironment({ grid: sampleGrid(), now: NOW });
    const sheet = env.fake.spreadsheet._sheet("План-факт");
    const rows = env.counter.paused(() => sheet.getMaxRows());
    const message = failure(() => env.call("sidebarSelectCell", "План-факт", `B${rows + 1}`));
    expect(message).toMatch(new RegExp(`^Ячейки B${rows + 1} нет на вкладке «План-факт»: в ней \\d+ строк`));
    expect(failure(() => env.call("sidebarSelectCell", "План-факт", "ZZZ1"))).toMatch(/^Ячейки ZZZ1 нет на вкладке/);
    expect(failure(() => env.call("sidebarSelectCell", "План-факт", `b${rows}`))).toBeNull();
    expect(env.fake.spreadsheet._activeRange?._a1()).toBe(`B${rows}`);
  });

  it("a tab that is not there is named in Russian, with markup shown as text", () => {
    const env = createGasEnvironment({ grid: sampleGrid(), now: NOW });
    const message = failure(() => env.call("sidebarSelectCell", "<img src=x onerror=alert(1)>", null));
    expect(message).toBe(
      "Вкладки «<img src=x onerror=alert(1)>» нет в таблице. Выполните «МИП → Создать / обновить шаблон».",
    );
  });
});
