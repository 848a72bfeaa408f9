import ExcelJS from "exceljs";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ENUMS, TABS } from "../../src/core/schema.js";
import { headersOf } from "../../src/core/schema-lookup.js";
import { TEMPLATE_LAYOUT } from "../../src/core/template.js";
import { ensureBuilt, hasStackTrace, mip, tempDir } from "./helpers.js";

beforeAll(() => ensureBuilt());

async function open(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

describe("mip template", () => {
  it("writes mip-template.xlsx whose tabs, headers, frozen rows and dropdowns match the schema", async () => {
    const dir = tempDir();
    const run = mip(["template"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("mip-template.xlsx");
    const wb = await open(join(dir, "mip-template.xlsx"));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(TABS.map((t) => t.title));
    for (const tab of TABS) {
      const ws = wb.getWorksheet(tab.title)!;
      expect(headersOf(tab).map((_, i) => ws.getCell(1, i + 1).value)).toEqual([...headersOf(tab)]);
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    }
    const plan = wb.getWorksheet("План-факт")!;
    const validations = (plan as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
      .dataValidations.model;
    const statusColumn = TEMPLATE_LAYOUT.find((l) => l.key === "plan")!.dropdowns[0]!.column;
    const status = validations[plan.getCell(2, statusColumn + 1).address]!;
    expect(status.formulae[0]).toBe(`"${ENUMS.planStatus.join(",")}"`);
    expect(status.errorStyle).toBe("warning");
    const general = wb.getWorksheet("Общие сведения")!;
    expect(general.getCell("A2").value).toBe("Вид отчёта");
  });

  it("never replaces an existing file unless --force is given", () => {
    const dir = tempDir();
    const path = join(dir, "mip-template.xlsx");
    writeFileSync(path, "заполненная таблица");
    const refused = mip(["template"], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/уже существует/);
    expect(refused.stderr).toMatch(/--force/);
    expect(readFileSync(path, "utf8")).toBe("заполненная таблица");
    const forced = mip(["template", "--force"], dir);
    expect(forced.code).toBe(0);
    expect(readFileSync(path).subarray(0, 2).toString()).toBe("PK");
  });

  it("--sample --out writes the sample project, adding .xlsx when missing", async () => {
    const dir = tempDir();
    const run = mip(["template", "--sample", "--out", "пример"], dir);
    expect(run.code).toBe(0);
    const wb = await open(join(dir, "пример.xlsx"));
    const mentoring = wb.getWorksheet("Наставничество")!;
    expect(mentoring.rowCount).toBeGreaterThan(20);
    expect(mentoring.getCell("D2").value).toBe("Русский язык");
    const check = mip(["validate", "пример.xlsx"], dir);
    expect(check.code).toBe(1);
  });

  it("exits 2 with a Russian sentence when it cannot write", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "folder.xlsx"));
    for (const args of [
      ["template", "--out", "no/such/dir/t.xlsx"],
      ["template", "--out", "folder.xlsx"],
    ]) {
      const run = mip(args, dir);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(/Не удалось записать|уже существует/);
      expect(hasStackTrace(run.stderr)).toBe(false);
    }
    expect(existsSync(join(dir, "no"))).toBe(false);
  });
});
