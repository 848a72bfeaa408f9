import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sampleGrid } from "../../src/demo/sample.js";
import { TEMPLATE_VERSION } from "../../src/core/schema.js";
import { cleanSample, editTab, writeForeign, writeGrid, writeWithRefError } from "./fixtures.js";
import { ensureBuilt, hasStackTrace, mip, tempDir } from "./helpers.js";

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = tempDir();
});

const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

interface JsonOut {
  file: string;
  templateVersion: string | null;
  summary: { errors: number; warnings: number; infos: number; completeness: number };
  metrics: Record<string, unknown>;
  issues: {
    rule: string;
    severity: string;
    sheet: string;
    row: number | null;
    column: string | null;
    cell: string | null;
    message: string;
  }[];
}

function json(args: string[]): { code: number; out: JsonOut } {
  const run = mip(["validate", ...args, "--json"], dir);
  return { code: run.code, out: JSON.parse(run.stdout) as JsonOut };
}

describe("mip validate", () => {
  it("prints the sample's findings grouped by tab with Russian plurals, exit 1, and leaves the file untouched", async () => {
    const file = await writeGrid(dir, "sample.xlsx", sampleGrid());
    const before = sha(file);
    const run = mip(["validate", "sample.xlsx"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("Найдено: 2 ошибки, 2 предупреждения.");
    expect(run.stdout).toMatch(/«План-факт» — 1 ошибка\n/);
    expect(run.stdout).toMatch(/«Наставничество» — 1 ошибка, 1 предупреждение\n/);
    const headings = run.stdout.split("\n").filter((line) => /^«[^»]+» — /.test(line));
    expect(headings.map((h) => h.split(" — ")[0])).toEqual(["«Общие сведения»", "«План-факт»", "«Наставничество»"]);
    expect(run.stdout).not.toContain("\u001b[");
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe(
      "Исправьте ошибки и проверьте таблицу снова: mip validate sample.xlsx",
    );
    expect(run.stderr).toBe("");
    expect(sha(file)).toBe(before);
  });

  it("--json follows the CLI contract", async () => {
    await writeGrid(dir, "sample-json.xlsx", sampleGrid());
    const { code, out } = json(["sample-json.xlsx"]);
    expect(code).toBe(1);
    expect(Object.keys(out)).toEqual(["file", "templateVersion", "summary", "metrics", "issues"]);
    expect(out.file).toBe("sample-json.xlsx");
    expect(out.templateVersion).toBe(TEMPLATE_VERSION);
    expect(Object.keys(out.summary)).toEqual(["errors", "warnings", "infos", "completeness"]);
    expect(out.summary.errors).toBe(out.issues.filter((i) => i.severity === "error").length);
    for (const key of [
      "planRows",
      "planDone",
      "planExecution",
      "deviations",
      "pairsActive",
      "mentors",
      "mentees",
      "participantsTotal",
      "eventsByLevel",
    ])
      expect(out.metrics, key).toHaveProperty(key);
    expect(out.metrics.planRows).toBe(14);
    expect(out.metrics.participantsTotal).toBe(372);
    for (const issue of out.issues)
      expect(Object.keys(issue)).toEqual(["rule", "severity", "sheet", "row", "column", "cell", "message"]);
    expect(out.issues.find((i) => i.rule === "PLAN_DEVIATION_ACTION_MISSING")).toMatchObject({
      sheet: "План-факт",
      row: 6,
      column: "Управленческие действия",
      cell: "L6",
    });
  });

  it("exits 0 for a workbook without errors", async () => {
    await writeGrid(dir, "clean.xlsx", cleanSample());
    const run = mip(["validate", "clean.xlsx"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Ошибок нет");
  });

  it("--report-date moves the report date (more plan rows become due)", async () => {
    await writeGrid(dir, "dated.xlsx", cleanSample());
    const asWritten = json(["dated.xlsx"]).out;
    const later = json(["dated.xlsx", "--report-date", "01.03.2023"]).out;
    expect(later.metrics.planDue as number).toBeGreaterThan(asWritten.metrics.planDue as number);
    const bad = mip(["validate", "dated.xlsx", "--report-date", "31.02.2023"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("31.02.2023");
  });

  it("reports missing tabs, renamed headers and #REF! cells as template errors", async () => {
    const missing = sampleGrid();
    await writeGrid(dir, "missing.xlsx", {
      ...missing,
      tabs: missing.tabs.filter((t) => t.title !== "Кадры" && t.title !== "Документы"),
    });
    const m = json(["missing.xlsx"]);
    expect(m.code).toBe(1);
    expect(m.out.issues.filter((i) => i.rule === "TPL_SHEET_MISSING").map((i) => [i.sheet, i.row, i.cell])).toEqual([
      ["Кадры", null, null],
      ["Документы", null, null],
    ]);

    await writeGrid(
      dir,
      "renamed.xlsx",
      editTab(cleanSample(), "План-факт", (rows) => (rows[0]![3] = "Сроки")),
    );
    const r = json(["renamed.xlsx"]);
    expect(r.code).toBe(1);
    expect(r.out.issues.find((i) => i.rule === "TPL_HEADER_MISMATCH")).toMatchObject({
      sheet: "План-факт",
      cell: "D1",
    });

    await writeWithRefError(dir);
    const e = json(["ref-error.xlsx"]);
    expect(e.code).toBe(1);
    const refIssue = e.out.issues.find((i) => i.rule === "TPL_CELL_ERROR")!;
    expect(refIssue).toMatchObject({ sheet: "План-факт", cell: "I3" });
    expect(refIssue.message).toContain("#REF!");
  });

  it("copes with a 50,000-character cell, formula-looking text and emoji", async () => {
    const long = "Мероприятие ".repeat(5000).slice(0, 50_000);
    const grid = editTab(cleanSample(), "План-факт", (rows) => {
      rows[1]![6] = long;
      rows[2]![4] = '=HYPERLINK("http://evil.example","жми")';
      rows[3]![4] = "+cmd|' /C calc'!A0";
      rows[4]![2] = "Совещание наставников 👩‍🏫🎓";
      rows[7]![7] = "Выполнено 👍"; // not in the dropdown list → TPL_ENUM_INVALID, quoted as typed
    });
    const file = await writeGrid(dir, "odd.xlsx", grid);
    const before = sha(file);
    const run = mip(["validate", "odd.xlsx", "--json"], dir);
    expect([0, 1]).toContain(run.code);
    expect(run.stderr).toBe("");
    const out = JSON.parse(run.stdout) as JsonOut;
    const enumIssue = out.issues.find((i) => i.cell === "H8")!;
    expect(enumIssue.message).toContain("«Выполнено 👍»");
    for (const issue of out.issues) expect(issue.message.length).toBeLessThan(1000);
    expect(sha(file)).toBe(before);
    const text = mip(["validate", "odd.xlsx"], dir);
    expect(text.stdout.length).toBeLessThan(20_000);
  });

  it("shows at most 100 findings per tab in text, all of them in --json", async () => {
    const grid = editTab(cleanSample(), "Участники", (rows) => {
      for (let i = 0; i < 150; i++) rows.push(["Непонятная категория " + i, 1, null]);
    });
    await writeGrid(dir, "many.xlsx", grid);
    const text = mip(["validate", "many.xlsx"], dir);
    expect(text.code).toBe(1);
    const enumLines = text.stdout.split("\n").filter((line) => line.includes("Непонятная категория"));
    expect(enumLines).toHaveLength(100);
    expect(text.stdout).toMatch(/… и ещё 50 находок на этой вкладке/);
    const all = json(["many.xlsx"]).out.issues.filter(
      (i) => i.sheet === "Участники" && i.message.includes("Непонятная категория"),
    );
    expect(all).toHaveLength(150);
  });
});

describe("mip validate on unusable input", () => {
  const cases: [string, () => Promise<string> | string, RegExp][] = [
    [
      "a text file named .xlsx",
      () => {
        writeFileSync(join(dir, "notes.xlsx"), "Это не таблица\n");
        return "notes.xlsx";
      },
      /не таблица \.xlsx/,
    ],
    [
      "a corrupt zip",
      () => {
        writeFileSync(join(dir, "broken.xlsx"), Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(200, 7)]));
        return "broken.xlsx";
      },
      /повреждён/,
    ],
    ["a missing file", () => "nowhere.xlsx", /не найден/],
    ["a directory", () => ".", /папка/],
    ["a foreign workbook", async () => (await writeForeign(dir)).split("/").pop()!, /не таблица МИП/],
  ];
  for (const [what, make, message] of cases) {
    it(`exits 2 with one Russian sentence for ${what}`, async () => {
      const file = await make();
      const run = mip(["validate", file], dir);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(hasStackTrace(run.stderr)).toBe(false);
    });
  }

  it("exits 2 on a wrong command line", () => {
    for (const args of [["validate"], ["validate", "a.xlsx", "b.xlsx"], ["validate", "a.xlsx", "--bogus"]]) {
      const run = mip(args, dir);
      expect(run.code, args.join(" ")).toBe(2);
      // Two sentences, each with its full stop.
      expect(run.stderr).toMatch(/[.!?…] Справка: mip help validate\n$/);
      expect(hasStackTrace(run.stderr)).toBe(false);
    }
  });
});
