/** `mip summary` on a folder of real .xlsx files: states, JSON contract, dashboard .xlsx with no formulas, справка, never overwriting. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { captureOutput } from "../helpers/capture-output.js";
import { SUMMARY_HEADERS } from "../../src/core/committee/index.js";
import { sampleGrid } from "../../src/demo/sample.js";
import { run } from "../../src/local/commands/summary.js";
import { writeSheets, writeWorkbookGrid } from "../../src/local/xlsx-write.js";
import { MALICIOUS, pairRow, schoolGrid } from "./fixtures.js";

let dir: string;
let folder: string;
let out: string[];
let err: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "mip-summary-"));
  folder = join(dir, "schools");
  mkdirSync(join(folder, "район"), { recursive: true });
  writeFileSync(join(folder, "01-sample.xlsx"), await writeWorkbookGrid(sampleGrid()));
  writeFileSync(
    join(folder, "02-malicious.xlsx"),
    await writeWorkbookGrid(
      schoolGrid({
        shortName: MALICIOUS[0],
        reportType: MALICIOUS[1],
        topic: MALICIOUS[2],
        rows: {
          Наставничество: [pairRow("1", MALICIOUS[3], "Химия", "Орлова Мария Ивановна", "Не состоялась", MALICIOUS[4])],
        },
      }),
    ),
  );
  writeFileSync(join(folder, "03-corrupt.xlsx"), Buffer.from("PK\u0003\u0004 this is not a zip at all"));
  writeFileSync(
    join(folder, "04-foreign.xlsx"),
    await writeSheets([
      {
        title: "Бюджет",
        rows: [
          ["Статья", "Сумма"],
          ["Мел", 100],
        ],
      },
    ]),
  );
  writeFileSync(
    join(folder, "район", "05-old.xlsx"),
    await writeWorkbookGrid(schoolGrid({ shortName: "МОУ «Старая СОШ»", templateVersion: "0" })),
  );
  writeFileSync(join(folder, "~$01-sample.xlsx"), "lock file");
  writeFileSync(join(folder, "notes.txt"), "not a workbook");
});

beforeEach(() => {
  out = [];
  err = [];
  captureOutput(
    (text) => out.push(text),
    (text) => err.push(text),
  );
});

afterEach(() => vi.restoreAllMocks());

interface SummaryJson {
  schools: {
    file: string;
    organisation: string;
    state: string;
    reportType: string | null;
    summary: { errors: number } | null;
    metrics: { planRows: number } | null;
  }[];
  totals: { schools: number; read: number; unreadable: number };
}

describe("mip summary", () => {
  it("reads a folder recursively, gives each file a state and prints the JSON contract", async () => {
    const code = await run([folder, "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(out.join("")) as SummaryJson;
    expect(json.schools.map((s) => [s.file.split(/[\\/]/).pop(), s.state])).toEqual([
      ["01-sample.xlsx", "ОК"],
      ["02-malicious.xlsx", "ОК"],
      ["03-corrupt.xlsx", expect.stringMatching(/^Ошибка чтения: /)],
      ["04-foreign.xlsx", "Не шаблон МИП"],
      ["05-old.xlsx", "Старая версия шаблона"],
    ]);
    for (const s of json.schools)
      expect(Object.keys(s)).toEqual(["file", "organisation", "state", "reportType", "summary", "metrics"]);
    expect(json.schools[0]?.summary?.errors).toBeTypeOf("number");
    expect(json.schools[0]?.metrics?.planRows).toBeGreaterThan(0);
    expect(json.schools[1]?.organisation).toBe(MALICIOUS[0]);
    expect(json.schools[2]?.summary).toBeNull();
    expect(json.totals).toMatchObject({ schools: 5, read: 3, unreadable: 2 });
  });

  it("shows progress as plain lines when stderr is not a terminal", async () => {
    await run([folder]);
    expect(err.join("")).toContain("Свод: читаю 5 файлов…");
    expect(err.join("")).not.toContain("\r");
    expect(out.join("")).toContain("Итого: 5 файлов, прочитано 3");
  });

  it("writes the dashboard .xlsx: contract headers, one coloured row per file, school text never a formula", async () => {
    const target = join(dir, "svod.xlsx");
    expect(await run([folder, "--out", target])).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(target) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Свод")!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...SUMMARY_HEADERS]);
    expect(sheet.rowCount).toBe(1 + 5 + 1);
    const texts: string[] = [];
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type === ExcelJS.ValueType.String || cell.type === ExcelJS.ValueType.Number).toBe(true);
        expect(cell.formula).toBeUndefined();
        if (typeof cell.value === "string") texts.push(cell.value);
      }),
    );
    expect(texts).toContain(MALICIOUS[0]);
    expect(texts).toContain(MALICIOUS[1]);
    // The raw XML holds no <f> (formula) element at all.
    const xml = await (await JSZip.loadAsync(readFileSync(target))).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).not.toMatch(/<f[ >]/);
    const fills = [2, 3, 4].map((r) => (sheet.getRow(r).getCell(1).fill as ExcelJS.FillPattern).fgColor?.argb);
    expect(fills[2]).toBe("FFE0E0E0");
    expect(fills[0]).toMatch(/^FF(F4CCCC|FCE8B2|D9EAD3)$/);
    // The total row says that pairs and people are counted without repeats, as the справка does.
    expect(sheet.getRow(sheet.rowCount).getCell(1).value).toBe("Итого: 5 (пары и люди без повторов)");
  });

  it("never writes over an existing file", async () => {
    const target = join(dir, "taken.xlsx");
    writeFileSync(target, "mine");
    expect(await run([folder, "--out", target])).toBe(0);
    expect(readFileSync(target, "utf8")).toBe("mine");
    expect(existsSync(join(dir, "taken (2).xlsx"))).toBe(true);
  });

  it("writes the «Сводка по МИП» .docx with --docx, the check's findings in its appendix", async () => {
    const target = join(dir, "spravka.docx");
    expect(await run([folder, "--docx", target])).toBe(0);
    const xml = await (await JSZip.loadAsync(readFileSync(target))).file("word/document.xml")!.async("string");
    const text = xml.replace(/<[^>]+>/g, "");
    expect(text).toContain("СВОДКА ПО МИП");
    expect(text).toContain("Приложение. Итоги проверки таблиц МИП");
    expect(text.indexOf("Организации, в таблицах которых остаются ошибки")).toBeGreaterThan(
      text.indexOf("Приложение."),
    );
    expect(text).toContain("Не шаблон МИП");
    expect(text).toContain(MALICIOUS[4].replace(/"/g, "&quot;"));
  });

  it("exits 2 with a Russian sentence when there is no input", async () => {
    const empty = mkdtempSync(join(dir, "empty-"));
    expect(await run([empty])).toBe(2);
    expect(err.join("")).toContain("Нет ни одного файла .xlsx для свода");
    expect(await run([join(dir, "nope")])).toBe(2);
    expect(err.join("")).toContain("не найден");
    expect(await run([])).toBe(2);
    expect(await run(["--bogus"])).toBe(2);
    expect(err.join("")).not.toMatch(/at .*\.ts:\d+/);
  });
});
