/** Workbooks for CLI tests, written as real .xlsx files (invented names only). */
import ExcelJS from "exceljs";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Cell, TabGrid, WorkbookGrid } from "../../src/core/grid.js";
import { sampleGrid } from "../../src/demo/sample.js";
import { writeWorkbookGrid } from "../../src/local/xlsx-write.js";

export async function writeGrid(dir: string, name: string, grid: WorkbookGrid): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await writeWorkbookGrid(grid));
  return path;
}

/** The sample with one tab's rows changed by `edit` (rows are copied). */
export function editTab(grid: WorkbookGrid, title: string, edit: (rows: Cell[][]) => void): WorkbookGrid {
  return {
    ...grid,
    tabs: grid.tabs.map((tab): TabGrid => {
      if (tab.title !== title) return tab;
      const rows = tab.rows.map((r) => [...r]);
      edit(rows);
      return { title: tab.title, rows };
    }),
  };
}

/** The sample with its two deliberate errors fixed: validates with exit code 0. */
export function cleanSample(): WorkbookGrid {
  let grid = editTab(sampleGrid(), "План-факт", (rows) => {
    rows[5]![11] = "Выезды перенесены на апрель – май, график согласован со школами";
  });
  grid = editTab(grid, "Наставничество", (rows) => {
    for (const row of rows) if (row[5] === "МОУ «Лесоновская СОШ»") row[5] = "МОУ «Лесновская СОШ»";
  });
  return grid;
}

/** A workbook with one plan cell holding a #REF! formula error, written by exceljs itself. */
export async function writeWithRefError(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeWorkbookGrid(cleanSample())) as unknown as ArrayBuffer);
  wb.getWorksheet("План-факт")!.getCell("I3").value = { formula: "#REF!*2", result: { error: "#REF!" } };
  const path = join(dir, "ref-error.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}

/** A spreadsheet that has nothing to do with МИП. */
export async function writeForeign(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Лист1");
  ws.addRow(["Товар", "Цена"]);
  ws.addRow(["Тетрадь", 25]);
  const path = join(dir, "foreign.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}
