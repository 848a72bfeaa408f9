/** A workbook of template version 1 upgraded by «Создать / обновить шаблон» (bundle + fake): the справка's tabs appear, no value is lost. */
import { describe, expect, it } from "vitest";
import type { WorkbookGrid } from "../../src/core/grid.js";
import { sampleGrid } from "../../src/core/sample.js";
import { MONITORING, RECOMMENDATIONS, SPRAVKA, TABS } from "../../src/core/schema.js";
import { CallCounter, spreadsheetFromGrid } from "../gas/fake/index.js";
import { sheetValues, titles } from "../gas/inspect.js";
import { createGasEnvironment } from "../gas/load-bundle.js";

const NEW: string[] = [MONITORING.title, RECOMMENDATIONS.title, SPRAVKA.title];

describe("template version 1 → 2", () => {
  const older: WorkbookGrid = { tabs: sampleGrid().tabs.filter((t) => !NEW.includes(t.title)), templateVersion: "1" };
  const counter = new CallCounter();
  const ss = spreadsheetFromGrid(older, counter);
  const before = new Map(ss._sheets.map((s) => [s._name, sheetValues(s)]));
  const env = createGasEnvironment({ spreadsheet: ss, counter, now: "2022-12-20" });
  env.fns.menuSetupTemplate!();

  it("adds «Мониторинг», «Рекомендации», «Справка о проекте» before «Настройки», in template order", () => {
    expect(titles(ss)).toEqual(TABS.map((t) => t.title));
    expect(sheetValues(ss._sheet(MONITORING.title))[0]).toEqual(MONITORING.columns.map((c) => c.header));
    expect(
      sheetValues(ss._sheet(SPRAVKA.title))
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(SPRAVKA.fields.map((f) => f.label));
  });

  it("keeps every value of every older tab", () => {
    for (const [title, values] of before) expect(sheetValues(ss._sheet(title)), title).toEqual(values);
  });

  it("then validates without template findings", () => {
    const state = env.call<{ issues: { rule: string }[] }>("sidebarGetState");
    expect(state.issues.filter((i) => i.rule.startsWith("TPL_"))).toEqual([]);
  });
});
