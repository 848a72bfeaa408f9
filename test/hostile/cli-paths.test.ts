/**
 * The built `mip` with awkward names and places, and with content meant to act on what it
 * writes: dangling links as output names, escape sequences in names and arguments, names
 * of 255 bytes, a leading dash, a FIFO, two writers at once, formula and field payloads,
 * tabs that look like the template's, cells longer than Excel allows.
 *
 * @module-tag slow
 */
import { spawn } from "node:child_process";
import { existsSync, lstatSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import type { WorkbookGrid } from "../../src/core/grid.js";
import { TEMPLATE_VERSION } from "../../src/core/schema.js";
import { sampleGrid } from "../../src/demo/sample.js";
import { writeWorkbookGrid } from "../../src/local/xlsx-write.js";
import { BIN, ensureBuilt, hasStackTrace, mip, tempDir } from "../cli/helpers.js";
import { editTab } from "./corpus.js";

let dir: string;

beforeAll(async () => {
  ensureBuilt();
  dir = tempDir("mip-hostile-paths-");
  writeFileSync(join(dir, "sample.xlsx"), await writeWorkbookGrid(sampleGrid()));
}, 120_000);

const temporaries = (folder: string): string[] => readdirSync(folder).filter((f) => f.startsWith(".mip-"));

/** A folder of its own holding a copy of the sample under `name`. */
function folderWith(name: string, bytes: Uint8Array = readFileSync(join(dir, "sample.xlsx"))): string {
  const folder = tempDir("mip-hostile-one-");
  writeFileSync(join(folder, name), bytes);
  return folder;
}

describe("output names", () => {
  it.each([
    ["report", "report.docx"],
    ["summary", "svod.xlsx"],
  ])("mip %s --out naming a dangling symbolic link writes the next free name and leaves the link", (command, out) => {
    const folder = folderWith("school.xlsx");
    symlinkSync(join(folder, "nowhere", "target"), join(folder, out));
    const run = mip([command, "school.xlsx", "--out", out], folder);
    expect(run.code).toBe(0);
    const written = out.replace(/\.(\w+)$/, " (2).$1");
    expect(existsSync(join(folder, written))).toBe(true);
    expect(lstatSync(join(folder, out)).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(folder, out))).toBe(join(folder, "nowhere", "target"));
    expect(temporaries(folder)).toEqual([]);
  });

  it("escape sequences in a file name and in --report-date never reach the terminal raw", () => {
    const name = "\u001b]0;взлом\u0007\u001b[2J.xlsx";
    const folder = folderWith(name);
    for (const args of [
      ["validate", name],
      ["validate", "нет-такого-\u001b[31m.xlsx"],
      ["validate", name, "--report-date", "\u001b[2J01.01.2022"],
      ["report", name, "--out", "\u001b[1mотчёт.docx"],
      ["template", "--upgrade", "\u001b]8;;http://x\u0007.xlsx"],
    ]) {
      const run = mip(args, folder);
      // eslint-disable-next-line no-control-regex -- the characters that must not be there
      expect(run.stdout + run.stderr, args.join(" ")).not.toMatch(/[\u0007\u001b\u009b]/u);
      expect(hasStackTrace(run.stderr)).toBe(false);
    }
    expect(mip(["validate", name, "--report-date", "\u001b[2J01.01.2022"], folder).stderr).toContain("\\u{1B}[2J");
  });

  it("a 255-byte Cyrillic file name: validate, report and the upgrade's default name all fit", async () => {
    const stem = "ш".repeat(125);
    const name = `${stem}.xlsx`;
    expect(Buffer.byteLength(name)).toBe(255);
    // An older version, so the upgrade writes its default name (a current workbook gets no copy).
    const folder = folderWith(name, await writeWorkbookGrid({ ...sampleGrid(), templateVersion: "1" }));
    expect(mip(["validate", name], folder).code).toBe(1);
    expect(mip(["report", name], folder).code).toBe(0);
    const up = mip(["template", "--upgrade", name], folder);
    expect(up.code).toBe(0);
    const made = readdirSync(folder).filter((f) => f !== name);
    expect(made.some((f) => f.endsWith(`(шаблон ${TEMPLATE_VERSION}).xlsx`))).toBe(true);
    for (const f of made) expect(Buffer.byteLength(f), f).toBeLessThanOrEqual(255);
    expect(temporaries(folder)).toEqual([]);
  });

  it("a name with a line break is read, and the terminal shows it on one line", () => {
    const name = "школа\nвторая строка.xlsx";
    const folder = folderWith(name);
    const run = mip(["validate", name], folder);
    expect(run.code).toBe(1);
    expect(run.stdout.split("\n")[0]).toContain("школа\\nвторая строка.xlsx");
  });

  it("a name with a leading dash gets a hint, and ./-name is read", () => {
    const folder = folderWith("-школа.xlsx");
    const run = mip(["validate", "-школа.xlsx"], folder);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^Неизвестный параметр «-школа\.xlsx»\. Если это имя файла, напишите \.\/-школа\.xlsx/);
    expect(mip(["validate", "./-школа.xlsx"], folder).code).toBe(1);
    expect(mip(["validate", "--", "-школа.xlsx"], folder).code).toBe(1);
  });

  it("a FIFO is refused by every command instead of blocking it; in a folder it is a row of the summary", () => {
    const folder = folderWith("good.xlsx");
    execFileSync("mkfifo", [join(folder, "pipe.xlsx")]);
    for (const args of [
      ["validate", "pipe.xlsx"],
      ["report", "pipe.xlsx"],
      ["template", "--upgrade", "pipe.xlsx"],
    ]) {
      const run = mip(args, folder);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(/не обычный файл/);
    }
    const summary = mip(["summary", ".", "--json", "--out", "svod.xlsx"], folder);
    expect(summary.code).toBe(0);
    const schools = JSON.parse(summary.stdout).schools as { file: string; state: string }[];
    expect(schools.find((s) => s.file.endsWith("pipe.xlsx"))?.state).toMatch(/не обычный файл/);
    expect(schools.find((s) => s.file.endsWith("good.xlsx"))?.state).toBe("ОК");
  });
});

/** Runs `mip` without waiting (two writers at once). */
function mipAsync(args: readonly string[], cwd: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      stdio: "ignore",
      env: { ...process.env, MIP_DEBUG: "" },
    });
    child.on("close", (code) => resolve(code ?? -1));
  });
}

describe("two writers at once", () => {
  it("two reports to the same name both land whole, under two names", async () => {
    const folder = folderWith("school.xlsx");
    const codes = await Promise.all([
      mipAsync(["report", "school.xlsx", "--out", "same.docx"], folder),
      mipAsync(["report", "school.xlsx", "--out", "same.docx"], folder),
      mipAsync(["summary", "school.xlsx", "--out", "same.xlsx"], folder),
      mipAsync(["summary", "school.xlsx", "--out", "same.xlsx"], folder),
    ]);
    expect(codes).toEqual([0, 0, 0, 0]);
    const files = readdirSync(folder).sort();
    expect(files).toEqual(["same (2).docx", "same (2).xlsx", "same.docx", "same.xlsx", "school.xlsx"]);
    for (const f of files)
      expect(Object.keys((await JSZip.loadAsync(readFileSync(join(folder, f)))).files).length).toBeGreaterThan(3);
  });
});

/** Texts that a spreadsheet or a word processor would run if they were written as code. */
const PAYLOADS = [
  '=HYPERLINK("http://evil.example","клик")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  '{ DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc.exe" }',
] as const;

function payloadGrid(): WorkbookGrid {
  let grid = editTab(sampleGrid(), "Общие сведения", (rows) => {
    rows.find((r) => r[0] === "Сокращённое наименование")![1] = PAYLOADS[0];
    rows.find((r) => r[0] === "Тема")![1] = PAYLOADS[5];
  });
  grid = editTab(grid, "Затруднения", (rows) => {
    PAYLOADS.forEach((p, i) => (rows[i + 1] = [p, p, p]));
  });
  return editTab(grid, "План-факт", (rows) => {
    PAYLOADS.forEach((p, i) => rows[i + 1] && (rows[i + 1]![4] = p));
  });
}

describe("formula and field payloads", () => {
  it("reach the .docx report and the summary's .xlsx as text: no formula, no field, no DDE", async () => {
    const folder = folderWith("payload.xlsx", await writeWorkbookGrid(payloadGrid()));
    expect(mip(["report", "payload.xlsx", "--out", "report.docx"], folder).code).toBe(0);
    expect(mip(["summary", "payload.xlsx", "--out", "svod.xlsx", "--docx", "svodka.docx"], folder).code).toBe(0);
    for (const file of ["report.docx", "svodka.docx"]) {
      const zip = await JSZip.loadAsync(readFileSync(join(folder, file)));
      const body = await zip.file("word/document.xml")!.async("string");
      expect(body, file).not.toMatch(/<w:fldSimple|<w:instrText|<w:fldChar|ddeLink|<w:hyperlink[^>]*evil/);
      const text = body.replace(/<[^>]+>/g, "");
      expect(text, file).toContain(file === "report.docx" ? "DDEAUTO" : "=HYPERLINK(");
    }
    const svod = await JSZip.loadAsync(readFileSync(join(folder, "svod.xlsx")));
    const sheets = Object.keys(svod.files).filter((n) => n.startsWith("xl/worksheets/") && n.endsWith(".xml"));
    expect(sheets.length).toBeGreaterThan(0);
    for (const name of sheets) expect(await svod.file(name)!.async("string"), name).not.toMatch(/<f[ >]/);
    const strings = (await svod.file("xl/sharedStrings.xml")?.async("string")) ?? "";
    expect(strings + (await Promise.all(sheets.map((n) => svod.file(n)!.async("string")))).join("")).toContain(
      "=HYPERLINK(&quot;http://evil.example&quot;",
    );
  });
});

describe("tabs that look like the template's", () => {
  it("a hidden empty tab with the exact title does not shadow the data in «Плaн-факт» (Latin «a»); the finding names both", async () => {
    const real = sampleGrid();
    const planAt = real.tabs.findIndex((t) => t.title === "План-факт");
    const plan = real.tabs[planAt]!;
    const tabs = [...real.tabs];
    tabs.splice(planAt, 1, { title: "Плaн-факт", rows: plan.rows }, { title: "План-факт", rows: [plan.rows[0]!] });
    // An older version, so the upgrade below writes a file (a current workbook gets no copy).
    const zip = await JSZip.loadAsync(await writeWorkbookGrid({ ...real, tabs, templateVersion: "1" }));
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    const hidden = workbook.replace(/(name="План-факт" state=")visible"/, '$1hidden"');
    expect(hidden).not.toBe(workbook);
    zip.file("xl/workbook.xml", hidden);
    const folder = folderWith("shadow.xlsx", await zip.generateAsync({ type: "nodebuffer" }));
    const run = mip(["validate", "shadow.xlsx", "--json"], folder);
    const json = JSON.parse(run.stdout);
    expect(json.metrics.planRows).toBe(14);
    const finding = json.issues.find((i: { rule: string }) => i.rule === "TPL_SHEET_NAME");
    expect(finding.severity).toBe("error");
    expect(finding.message).toContain("«Плaн-факт» (14 заполненных строк), «План-факт» (пустая)");
    // The report is a draft that says so.
    expect(mip(["report", "shadow.xlsx", "--out", "r.docx"], folder).stdout).toMatch(/черновик/);
    // The upgrade works on the same tab the check reads; the data stays readable.
    expect(mip(["template", "--upgrade", "shadow.xlsx", "--out", "up.xlsx"], folder).code).toBe(0);
    expect(JSON.parse(mip(["validate", "up.xlsx", "--json"], folder).stdout).metrics.planRows).toBe(14);
  });

  it("a title with a Latin look-alike letter is read, with a finding", async () => {
    const grid = sampleGrid();
    const tabs = grid.tabs.map((t) => (t.title === "План-факт" ? { ...t, title: "Плaн-факт" } : t));
    const folder = folderWith("latin.xlsx", await writeWorkbookGrid({ ...grid, tabs }));
    const json = JSON.parse(mip(["validate", "latin.xlsx", "--json"], folder).stdout);
    expect(json.metrics.planRows).toBe(14);
    expect(json.issues.map((i: { rule: string }) => i.rule)).toContain("TPL_SHEET_NAME");
    expect(json.issues.map((i: { rule: string }) => i.rule)).not.toContain("TPL_SHEET_MISSING");
  });
});

describe("cells beyond Excel's limits", () => {
  it("template --upgrade refuses a cell over 32,767 characters, naming it, and writes nothing", async () => {
    const grid = editTab(sampleGrid(), "Затруднения", (rows) => {
      rows[1]![0] = "ж".repeat(40_000);
    });
    const bytes = await writeWorkbookGrid(grid);
    // The writer itself caps cells; put the long text back into the file as another program would.
    const zip = await JSZip.loadAsync(bytes);
    const strings = await zip.file("xl/sharedStrings.xml")!.async("string");
    const capped = /ж{1000,}…?/.exec(strings)![0];
    zip.file("xl/sharedStrings.xml", strings.replace(capped, "ж".repeat(40_000)));
    const folder = folderWith("long-cell.xlsx", await zip.generateAsync({ type: "nodebuffer" }));
    const run = mip(["template", "--upgrade", "long-cell.xlsx"], folder);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(
      /^Файл «long-cell\.xlsx»: в ячейке A2 вкладки «Затруднения» 40\s000 знаков, а ячейка Excel вмещает не больше 32\s767/,
    );
    expect(readdirSync(folder)).toEqual(["long-cell.xlsx"]);
  });
});

describe("many findings", () => {
  it("a draft report of thousands of errors lists the first 500 and counts the rest", async () => {
    const grid = editTab(sampleGrid(), "План-факт", (rows) => {
      const model = rows[1]!;
      for (let i = 0; i < 3000; i++)
        rows.push(model.map((c, col) => (col === 0 ? `9.${i}` : col === 7 ? "Статус?" : c)));
    });
    const folder = folderWith("many.xlsx", await writeWorkbookGrid(grid));
    const run = mip(["report", "many.xlsx", "--out", "many.docx"], folder);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /Это черновик: в таблице 300\d ошиб\S+\. Первые 500 перечислены в приложении к отчёту, все — в проверке таблицы/,
    );
    const body = await (
      await JSZip.loadAsync(readFileSync(join(folder, "many.docx")))
    )
      .file("word/document.xml")!
      .async("string");
    const text = body.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(text).toMatch(/Показаны первые 500 из 300\d ошибок/);
  });
});
