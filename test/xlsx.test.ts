import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterEach, describe, expect, it } from "vitest";
import { type Cell, type WorkbookGrid, dateCell, errorCell } from "../src/core/grid.js";
import { blankTemplateGrid, sampleGrid } from "../src/demo/sample.js";
import { ENUMS, TABS, TEMPLATE_VERSION } from "../src/core/schema.js";
import { headersOf } from "../src/core/schema-lookup.js";
import { TABLE_VALIDATION_ROWS, TEMPLATE_LAYOUT } from "../src/core/template.js";
import { UnusableInputError, readXlsx, toCell } from "../src/local/xlsx-read.js";
import { EXCEL_MAX_CELL_CHARS, writeSheets, writeTemplate, writeWorkbookGrid } from "../src/local/xlsx-write.js";

/** Rows without trailing empty cells, "" as null: the shape the reader returns. */
function normalise(grid: WorkbookGrid): { title: string; rows: Cell[][] }[] {
  return grid.tabs.map((tab) => {
    const rows = tab.rows.map((row) => {
      const cells = row.map((c) => (c === "" ? null : c));
      while (cells.length && cells[cells.length - 1] === null) cells.pop();
      return cells;
    });
    while (rows.length && rows[rows.length - 1]!.length === 0) rows.pop();
    return { title: tab.title, rows };
  });
}

async function excel(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function openWithExcelJs(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe("xlsx round trip", () => {
  it("sampleGrid → xlsx → read gives the same grid and the template version", async () => {
    const grid = sampleGrid();
    const back = await readXlsx(await writeWorkbookGrid(grid));
    expect(back.templateVersion).toBe(TEMPLATE_VERSION);
    expect(normalise(back)).toEqual(normalise(grid));
  });

  it("keeps calendar dates whatever the local time zone", async () => {
    const grid: WorkbookGrid = {
      tabs: [
        {
          title: "Даты",
          rows: [["Дата"], [dateCell("2022-03-05")], [dateCell("2021-01-01")], [dateCell("2022-12-31")]],
        },
      ],
    };
    for (const tz of ["Pacific/Kiritimati", "America/Los_Angeles", "Europe/Moscow"]) {
      process.env.TZ = tz;
      const back = await readXlsx(await writeWorkbookGrid(grid));
      expect(back.tabs[0]!.rows.slice(1).map((r) => r[0])).toEqual([
        dateCell("2022-03-05"),
        dateCell("2021-01-01"),
        dateCell("2022-12-31"),
      ]);
    }
  });

  it("writes dates as real date cells formatted dd.mm.yyyy", async () => {
    const wb = await openWithExcelJs(await writeWorkbookGrid(sampleGrid()));
    const cell = wb.getWorksheet("Документы")!.getCell("B2");
    expect(cell.value).toBeInstanceOf(Date);
    expect((cell.value as Date).toISOString().slice(0, 10)).toBe("2021-01-25");
    expect(cell.numFmt).toBe("dd.mm.yyyy");
  });
});

describe("reading cells", () => {
  it("reads formulas' cached results, errors, rich text, hyperlinks and booleans", async () => {
    const bytes = await excel((wb) => {
      const ws = wb.addWorksheet("Лист");
      ws.getCell("A1").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
      ws.getCell("B1").value = { formula: "Z99", result: { error: "#REF!" } } as ExcelJS.CellFormulaValue;
      ws.getCell("C1").value = { formula: "2+3", result: 5 };
      ws.getCell("D1").value = { formula: "NOW()" } as ExcelJS.CellFormulaValue;
      ws.getCell("E1").value = { formula: '"a"&"b"', result: "ab" };
      ws.getCell("A2").value = { richText: [{ text: "Сетевое " }, { font: { bold: true }, text: "наставничество" }] };
      ws.getCell("B2").value = { text: "сайт школы", hyperlink: "https://example.ru" };
      ws.getCell("C2").value = true;
      ws.getCell("D2").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
      ws.getCell("E2").value = { formula: "DATE(2022,3,5)", result: new Date(Date.UTC(2022, 2, 5)) };
    });
    const grid = await readXlsx(bytes);
    const [row1, row2] = grid.tabs[0]!.rows;
    expect(row1).toEqual([errorCell("#DIV/0!"), errorCell("#REF!"), 5, null, "ab"]);
    expect(row2).toEqual(["Сетевое наставничество", "сайт школы", true, errorCell("#N/A"), dateCell("2022-03-05")]);
  });

  it("keeps merged values in the master cell only and row numbers across empty rows", async () => {
    const bytes = await excel((wb) => {
      const ws = wb.addWorksheet("Лист");
      ws.getCell("A1").value = "Заголовок";
      ws.getCell("A3").value = "Этап 1";
      ws.mergeCells("A3:A5");
      ws.getCell("B5").value = "строка 5";
    });
    const rows = (await readXlsx(bytes)).tabs[0]!.rows;
    expect(rows[0]).toEqual(["Заголовок"]);
    expect(rows[1]).toEqual([]);
    expect(rows[2]).toEqual(["Этап 1"]);
    expect(rows[3] ?? []).toEqual([]);
    expect(rows[4]).toEqual([null, "строка 5"]);
  });

  it("reads a 50,000-character cell and emoji intact", async () => {
    const long = "Очень длинный текст. ".repeat(2500).slice(0, 50_000);
    const bytes = await excel((wb) => {
      const ws = wb.addWorksheet("Лист");
      ws.getCell("A1").value = long;
      ws.getCell("A2").value = "Наставник 👩‍🏫 и ученики 🎓";
    });
    const rows = (await readXlsx(bytes)).tabs[0]!.rows;
    expect((rows[0]![0] as string).length).toBe(50_000);
    expect(rows[1]![0]).toBe("Наставник 👩‍🏫 и ученики 🎓");
  });

  it("maps odd library cells without throwing", () => {
    expect(toCell(undefined)).toBeNull();
    expect(toCell({ t: "d", v: new Date(Number.NaN) })).toBeNull();
    expect(toCell({ t: "n", v: Number.POSITIVE_INFINITY })).toBeNull();
    expect(toCell({ t: "e", v: 0x17 })).toEqual({ kind: "error", code: "#REF!" });
    expect(toCell({ t: "z" } as never)).toBeNull();
    // A date format with float noise from a formula: still the typed day.
    expect(toCell({ t: "n", v: 44915.99999999, z: "dd.mm.yyyy" })).toEqual({ kind: "date", iso: "2022-12-21" });
    expect(toCell({ t: "n", v: 44915.25, z: "dd.mm.yyyy" })).toEqual({ kind: "date", iso: "2022-12-20" });
  });

  it("reads the version of a workbook downloaded from Google Sheets (the add-on's named range)", async () => {
    const bytes = await excel((wb) => {
      wb.addWorksheet("Общие сведения").getCell("A1").value = "Поле";
      wb.definedNames.add("'Общие сведения'!$A$1", "MIP_TEMPLATE_V1");
    });
    expect((await readXlsx(bytes)).templateVersion).toBe("1");
  });

  it("reports no version for a workbook that was not made by mip", async () => {
    const bytes = await excel((wb) => wb.addWorksheet("Лист1"));
    expect((await readXlsx(bytes)).templateVersion).toBeNull();
  });
});

describe("unusable input", () => {
  const cases: [string, () => Promise<Buffer>, RegExp][] = [
    ["an empty file", async () => Buffer.alloc(0), /пуст/],
    ["a text file", async () => Buffer.from("ФИО;Школа\nИванов;СОШ № 4\n"), /не таблица \.xlsx/],
    [
      "an old .xls / encrypted file",
      async () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      /\.xls/,
    ],
    ["a truncated zip", async () => (await writeTemplate()).subarray(0, 300), /повреждён/],
    [
      "a Word document",
      async () => {
        const zip = new JSZip();
        zip.file("word/document.xml", "<w:document/>");
        return zip.generateAsync({ type: "nodebuffer" });
      },
      /документ Word/,
    ],
    [
      "a zip of something else",
      async () => {
        const zip = new JSZip();
        zip.file("photo.txt", "не таблица");
        return zip.generateAsync({ type: "nodebuffer" });
      },
      /не таблица \.xlsx/,
    ],
  ];
  for (const [what, make, message] of cases) {
    it(`rejects ${what} with a Russian sentence`, async () => {
      const attempt = readXlsx(await make(), "Файл «x.xlsx»");
      await expect(attempt).rejects.toBeInstanceOf(UnusableInputError);
      await expect(attempt).rejects.toThrow(message);
    });
  }
});

describe("the written template", () => {
  it("has every tab, header row, frozen row, widths, notes and warning dropdowns from the schema", async () => {
    const wb = await openWithExcelJs(await writeTemplate());
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(TABS.map((t) => t.title));
    for (const layout of TEMPLATE_LAYOUT) {
      const ws = wb.getWorksheet(layout.title)!;
      const tab = TABS.find((t) => t.title === layout.title)!;
      const headerCells = headersOf(tab).map((_, i) => ws.getCell(1, i + 1));
      expect(headerCells.map((c) => c.value)).toEqual([...headersOf(tab)]);
      expect(headerCells.every((c) => c.font?.bold === true)).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      // exceljs omits a width of exactly 9 (its default) and reads it back as undefined.
      layout.widths.forEach((w, i) => expect(ws.getColumn(i + 1).width ?? 9).toBe(w));
      for (const note of layout.notes)
        expect(JSON.stringify(ws.getCell(1, note.column + 1).note)).toContain(note.text.slice(0, 20));
      const validations = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
        .dataValidations.model;
      for (const dd of layout.dropdowns) {
        for (const row of [dd.fromRow, dd.toRow]) {
          const v = validations[ws.getCell(row, dd.column + 1).address];
          expect(v, `${layout.title} ${dd.enumName} row ${row}`).toBeDefined();
          expect(v!.type).toBe("list");
          expect(v!.errorStyle).toBe("warning");
          expect(v!.formulae[0]).toBe(`"${ENUMS[dd.enumName].join(",")}"`);
        }
      }
      if (layout.kind === "keyValue") {
        layout.body.forEach((row, i) => {
          expect(ws.getCell(i + 2, 1).value).toBe(row[0]);
          expect(ws.getCell(i + 2, 2).value ?? "").toBe(row[1]);
        });
      }
    }
    // Table dropdowns reach the documented number of rows (the plan's status column).
    const plan = TEMPLATE_LAYOUT.find((l) => l.key === "plan")!;
    expect(plan.dropdowns[0]!.toRow).toBe(TABLE_VALIDATION_ROWS + 1);
  });

  it("every dropdown list fits Excel's 255-character limit", () => {
    for (const values of Object.values(ENUMS)) expect(`"${values.join(",")}"`.length).toBeLessThanOrEqual(255);
  });

  it("reads back as the blank template grid", async () => {
    const back = await readXlsx(await writeTemplate());
    expect(normalise(back)).toEqual(normalise(blankTemplateGrid()));
  });
});

describe("writeSheets", () => {
  it("stores formula-looking text as plain strings, never as formulas", async () => {
    const risky = ['=HYPERLINK("http://evil.example","жми")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "=1+1"];
    const bytes = await writeSheets([{ title: "Свод", rows: [["Текст"], ...risky.map((r) => [r])] }]);
    const sheetXml = await (await JSZip.loadAsync(bytes)).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheetXml).not.toContain("<f>");
    const wb = await openWithExcelJs(bytes);
    const ws = wb.getWorksheet("Свод")!;
    risky.forEach((text, i) => {
      expect(ws.getCell(i + 2, 1).type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(i + 2, 1).value).toBe(text);
    });
  });

  it("cuts text longer than Excel allows and cleans sheet titles", async () => {
    const bytes = await writeSheets([
      { title: "Свод: школы/итоги [2022] и ещё очень длинное имя", rows: [["x".repeat(40_000)]] },
    ]);
    const wb = await openWithExcelJs(bytes);
    const ws = wb.worksheets[0]!;
    expect(ws.name.length).toBeLessThanOrEqual(31);
    expect(ws.name).not.toMatch(/[[\]:*?/\\]/);
    expect((ws.getCell("A1").value as string).length).toBe(EXCEL_MAX_CELL_CHARS);
  });
});
