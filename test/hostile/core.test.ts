/** Core readers and writers on hostile values: numbers other programs write, keys from cells, tab titles, streamed JSON. */
import { describe, expect, it } from "vitest";
import { readCount, readIntOrMore, readQuantity } from "../../src/core/numbers.js";
import { tabTitleKey } from "../../src/core/tab-title.js";
import { validateWorkbook } from "../../src/core/validate.js";
import { say } from "../../src/core/issues.js";
import { MetricsSchema } from "../../src/core/metrics.js";
import { sampleGrid } from "../../src/demo/sample.js";
import { writeJsonStreamed } from "../../src/local/json-out.js";
import { countCells } from "../../src/local/zip-entries.js";
import { buildReportModel } from "../../src/core/report/build.js";
import { draftErrorsNote } from "../../src/core/report/draft-note.js";
import { editTab } from "./corpus.js";

describe("numbers as other programs and people write them", () => {
  it.each(["2 тыс.", "2 тысячи", "1,5 млн", "3 млрд", "3k", "2тыс"])(
    "«%s» is not a number, and the reason says how to write it",
    (text) => {
      for (const result of [readCount(text), readQuantity(text), readIntOrMore(text)]) {
        expect(result?.ok).toBe(false);
        expect(result && !result.ok && result.reason).toMatch(/не число: напишите его цифрами полностью/);
      }
    },
  );

  it.each([
    ["1\u00a0200", 1200],
    ["1\u202f200", 1200],
    ["1\u2009200", 1200],
    ["1\u2007200", 1200],
    ["12 человек", 12],
    ["3 класса", 3],
  ])("«%s» reads as %d", (text, value) => {
    expect(readCount(text)).toEqual({ ok: true, value, fromText: true });
  });

  it.each(["−5", "٧", "７", "१२", "½"])("«%s» is a finding, never a value", (text) => {
    expect(readCount(text)?.ok).toBe(false);
  });
});

describe("text from cells used as keys", () => {
  it("subjects named like Object.prototype's members are counted like any other", () => {
    const names = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"];
    const grid = editTab(sampleGrid(), "Наставничество", (rows) => {
      for (let i = 1; i < rows.length; i++) rows[i]![3] = names[i % names.length]!;
    });
    const { metrics } = validateWorkbook(grid, { reportDate: "2022-12-20" });
    const counts = Object.entries(metrics.pairsBySubject);
    expect(counts.map(([name]) => name).sort()).toEqual([...names].sort());
    for (const [, n] of counts) expect(Number.isInteger(n)).toBe(true);
    expect(counts.reduce((sum, [, n]) => sum + n, 0)).toBe(metrics.pairsTotal - metrics.pairsNotHeld);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Stored in a digest and read back through its schema, every subject is still there.
    const back = MetricsSchema.parse(JSON.parse(JSON.stringify(metrics)));
    expect(Object.entries(back.pairsBySubject).sort()).toEqual(counts.sort());
  });
});

describe("tab titles", () => {
  it("case, spaces and Latin look-alike letters fold to one key; other titles stay apart", () => {
    const key = tabTitleKey("План-факт");
    for (const title of ["план-факт ", "ПЛАН-ФАКТ", "Плaн-фaкт", "Пл\u0430н-факт", " План-факт"])
      expect(tabTitleKey(title)).toBe(key);
    for (const title of ["План факт", "План-факт2", "Plan-fact"]) expect(tabTitleKey(title)).not.toBe(key);
  });
});

describe("streamed JSON", () => {
  it.each([0, 1, 999, 1000, 1001, 2500])("with %d items is byte for byte JSON.stringify(value, null, 2)", (n) => {
    const value = {
      file: "школа\u202e.xlsx",
      summary: { errors: n, nested: { deep: [1, 2] } },
      issues: Array.from({ length: n }, (_, i) => ({ rule: "X", row: i, cell: null, message: `«${i}»\n\u0007` })),
      after: "конец",
    };
    let out = "";
    writeJsonStreamed((text) => (out += text), value, "issues");
    const whole = `${JSON.stringify(value, null, 2).replace(/\u202e/g, "\\u202e")}\n`;
    expect(out).toBe(whole);
    expect(JSON.parse(out)).toEqual(value);
  });
});

describe("a thousand tabs", () => {
  it("a thousand copies of a template tab give one finding of one sentence; a thousand foreign tabs are extra tabs", () => {
    const grid = sampleGrid();
    const plan = grid.tabs.find((t) => t.title === "План-факт")!;
    const copies = Array.from({ length: 1000 }, (_, i) => ({
      title: `план-факт${" ".repeat(i + 1)}`,
      rows: [plan.rows[0]!],
    }));
    const foreign = Array.from({ length: 1000 }, (_, i) => ({ title: `Лист${i + 1}`, rows: [["x"]] }));
    const result = validateWorkbook(
      { ...grid, tabs: [...grid.tabs, ...copies, ...foreign] },
      { reportDate: "2022-12-20" },
    );
    const findings = result.issues.filter((i) => i.rule === "TPL_SHEET_NAME");
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(
      /^Вкладке шаблона «План-факт» отвечают 1001 вкладка: «План-факт» \(14 заполненных строк\), .* и ещё 996\. Прочитана «План-факт»/,
    );
    expect(findings[0]!.message.length).toBeLessThan(600);
    expect(result.metrics.planRows).toBe(14);
    expect(result.workbook.extraTabs).toHaveLength(1000);
  });
});

describe("cell count before parsing", () => {
  it("counts cell elements with or without a prefix, never other tags, and stops past its limit", () => {
    const xml = Buffer.from('<x:row><x:c r="A1"/><c/><c>1</c><col/><cx/><ns2:c\t/></x:row></x:c><x:cols/>');
    expect(countCells(xml)).toBe(4);
    expect(countCells(Buffer.from("<c/>".repeat(100) + "<p:c/>".repeat(100)), 10)).toBe(11);
  });
});

describe("a draft of 100,000 errors", () => {
  it("its appendix lists the first 500 and counts the rest", () => {
    const result = validateWorkbook(sampleGrid(), { reportDate: "2022-12-20" });
    const errors = Array.from({ length: 100_000 }, (_, i) => ({
      rule: "PLAN_STATUS_MISSING" as const,
      severity: "error" as const,
      sheet: "План-факт",
      row: i + 2,
      column: "Статус",
      cell: `H${i + 2}`,
      message: say("PLAN_STATUS_MISSING", { row: i + 2 }).message,
    }));
    const model = buildReportModel(result, errors);
    const blocks = JSON.stringify(model.blocks);
    expect(blocks).toContain("В строке 501 не указан статус.");
    expect(blocks).not.toContain("В строке 502 не указан статус.");
    expect(blocks).toContain("Показаны первые 500 из 100000 ошибок.");
    expect(draftErrorsNote(100_000)).toBe(
      "в таблице 100000 ошибок. Первые 500 перечислены в приложении к отчёту, все — в проверке таблицы; исправьте их и сформируйте отчёт заново.",
    );
    expect(draftErrorsNote(3)).toMatch(/^в таблице 3 ошибки\. Они перечислены в приложении/);
  });
});
