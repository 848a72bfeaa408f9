/**
 * `mip template --upgrade OLD.xlsx`: a version-1 workbook (no v2 columns and labels, a column
 * and a tab of the user's own, a coloured cell) becomes a NEW file of the current version in which every
 * old value is kept under its header, the user's column and tab and fill survive, and the
 * validator finds no template errors; the old file is not changed.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { cellText } from "../../src/core/grid.js";
import { TEMPLATE_VERSION } from "../../src/core/schema.js";
import { validateWorkbook } from "../../src/core/validate.js";
import { readXlsx } from "../../src/local/xlsx-read.js";
import { upgradeXlsx } from "../../src/local/xlsx-upgrade.js";
import { VERSION_NAME, writeSheets } from "../../src/local/xlsx-write.js";
import { ensureBuilt, mip, tempDir } from "./helpers.js";
import { valuesByHeader, versionOneGrid, versionThreeGrid, versionTwoGrid } from "../helpers/version-one.js";

async function versionOneFile(): Promise<Buffer> {
  // A tab of the user's own beside the template's.
  const base = versionOneGrid();
  const grid = { ...base, tabs: [...base.tabs, { title: "Мои заметки", rows: [["Что"], ["Позвонить в комитет"]] }] };
  const bytes = await writeSheets(
    grid.tabs.map((t) => ({ title: t.title, rows: t.rows })),
    { templateVersion: "1" },
  );
  // A format of the user's own: a yellow cell in their column.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  wb.getWorksheet("Мероприятия МИП")!.getCell("F2").fill = {
    type: "pattern",
    pattern: "solid",
    fgColor: { argb: "FFFFFF00" },
  };
  // exceljs drops the version constant on saving (Excel keeps it): put it back as Excel would have it.
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  const entry = `<definedName name="${VERSION_NAME}">"1"</definedName>`;
  zip.file(
    "xl/workbook.xml",
    xml.includes("<definedNames>")
      ? xml.replace("<definedNames>", `<definedNames>${entry}`)
      : xml.replace("</sheets>", `</sheets><definedNames>${entry}</definedNames>`),
  );
  return zip.generateAsync({ type: "nodebuffer" });
}

describe("template upgrade (xlsx)", () => {
  it("keeps every old value under its header, the user's column, tab and fill; adds the v2 columns and labels", async () => {
    const old = await versionOneFile();
    const oldGrid = await readXlsx(old);
    expect(validateWorkbook(oldGrid).issues.some((i) => i.rule === "TPL_HEADER_MISMATCH")).toBe(true);

    const { bytes, fromVersion, changes } = await upgradeXlsx(old);
    expect(fromVersion).toBe("1");
    const upgraded = await readXlsx(bytes);
    expect(upgraded.templateVersion).toBe(TEMPLATE_VERSION);

    const before = valuesByHeader(oldGrid.tabs);
    const after = valuesByHeader(upgraded.tabs);
    const lost = [...before].filter((v) => !after.has(v));
    expect(before.size).toBeGreaterThan(300);
    expect(lost).toEqual([]);

    const events = upgraded.tabs.find((t) => t.title === "Мероприятия МИП")!;
    expect(events.rows[0]!.map(cellText)).toEqual([
      "Вид мероприятия",
      "Название",
      "Дата",
      "Количество присутствующих",
      "Представленный продукт",
      "Уровень",
      "Пункт дорожной карты",
      "Примечание",
    ]);
    expect(cellText(events.rows[1]![7])).toBe("заметка 1");
    expect(upgraded.tabs.map((t) => t.title)).toContain("Мои заметки");
    const labels = upgraded.tabs.find((t) => t.title === "Настройки")!.rows.map((r) => cellText(r[0]));
    expect(labels).toContain("Форма отчёта");
    expect(changes.some((c) => c.includes("вставлен столбец «Уровень»"))).toBe(true);
    // Version 4's issuer of each document, at the right end of «Документы».
    expect(
      upgraded.tabs
        .find((t) => t.title === "Документы")!
        .rows[0]!.map(cellText)
        .at(-1),
    ).toBe("Кем издан");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect((wb.getWorksheet("Мероприятия МИП")!.getCell("H2").fill as ExcelJS.FillPattern).fgColor?.argb).toBe(
      "FFFFFF00",
    );

    const issues = validateWorkbook(upgraded).issues.filter(
      (i) => i.rule.startsWith("TPL_HEADER") || i.rule === "TPL_SHEET_MISSING",
    );
    expect(issues).toEqual([]);

    // Upgrading the upgraded file adds nothing.
    expect((await upgradeXlsx(bytes)).changes).toEqual([]);
  });
});

describe("template upgrade 2 → 4 (xlsx)", () => {
  it("inserts «Пункт дорожной карты» at the right end of «План-факт» and «Мероприятия МИП», «Кем издан» in «Документы»; the user's column moves right whole", async () => {
    const oldGrid = versionTwoGrid();
    const old = await writeSheets(
      oldGrid.tabs.map((t) => ({ title: t.title, rows: t.rows })),
      { templateVersion: "2" },
    );
    const { bytes, fromVersion, changes } = await upgradeXlsx(old);
    expect(fromVersion).toBe("2");
    const upgraded = await readXlsx(bytes);
    expect(upgraded.templateVersion).toBe(TEMPLATE_VERSION);
    expect(
      upgraded.tabs
        .find((t) => t.title === "Документы")!
        .rows[0]!.map(cellText)
        .at(-1),
    ).toBe("Кем издан");
    const before = valuesByHeader(oldGrid.tabs);
    expect([...before].filter((v) => !valuesByHeader(upgraded.tabs).has(v))).toEqual([]);
    const plan = upgraded.tabs.find((t) => t.title === "План-факт")!;
    expect(plan.rows[0]!.slice(12).map(cellText)).toEqual([
      "Подтверждающий документ",
      "Пункт дорожной карты",
      "Мой столбец",
    ]);
    expect(plan.rows.slice(1).map((r) => cellText(r[14]))).toEqual(
      oldGrid.tabs
        .find((t) => t.title === "План-факт")!
        .rows.slice(1)
        .map((r) => cellText(r[13])),
    );
    const events = upgraded.tabs.find((t) => t.title === "Мероприятия МИП")!;
    expect(cellText(events.rows[0]![6])).toBe("Пункт дорожной карты");
    expect(changes.filter((c) => c.includes("«Пункт дорожной карты»")).length).toBeGreaterThanOrEqual(2);
    expect(changes.join(" ")).toContain("План-факт");
    const issues = validateWorkbook(upgraded).issues.filter((i) => i.rule.startsWith("TPL_"));
    expect(issues).toEqual([]);
  });
});

describe("template upgrade 3 → 4 (xlsx)", () => {
  it("inserts «Кем издан» at the right end of «Документы»; the user's column there moves right whole", async () => {
    const oldGrid = versionThreeGrid();
    const old = await writeSheets(
      oldGrid.tabs.map((t) => ({ title: t.title, rows: t.rows })),
      { templateVersion: "3" },
    );
    const oldDocs = oldGrid.tabs.find((t) => t.title === "Документы")!;
    // Before the update the user's column is not read as the issuer, and the finding says what to do.
    const before = validateWorkbook(await readXlsx(old));
    expect(before.issues.filter((i) => i.rule === "TPL_HEADER_MISMATCH").map((i) => [i.cell, i.message])).toEqual([
      [
        "F1",
        "На вкладке «Документы» нет столбца «Кем издан» (его добавила версия 4 шаблона), а в ячейке F1 стоит " +
          "ваш столбец «Мой столбец». Выполните «Создать / обновить шаблон»: ваш столбец сдвинется вправо со " +
          "всеми значениями.",
      ],
    ]);
    expect(before.workbook.tables.documents.rows.map((r) => r.cells.issuer)).toEqual(
      before.workbook.tables.documents.rows.map(() => null),
    );
    const { bytes, fromVersion, changes } = await upgradeXlsx(old);
    expect(fromVersion).toBe("3");
    const upgraded = await readXlsx(bytes);
    expect(upgraded.templateVersion).toBe("4");
    expect([...valuesByHeader(oldGrid.tabs)].filter((v) => !valuesByHeader(upgraded.tabs).has(v))).toEqual([]);
    const docs = upgraded.tabs.find((t) => t.title === "Документы")!;
    expect(docs.rows[0]!.map(cellText)).toEqual([
      "Вид",
      "Дата",
      "Номер",
      "Название",
      "Обоснование применения",
      "Кем издан",
      "Мой столбец",
    ]);
    // The new column is blank; the user's notes stand one column further right, row by row.
    expect(docs.rows.slice(1).map((r) => [cellText(r[5]), cellText(r[6])])).toEqual(
      oldDocs.rows.slice(1).map((r) => ["", cellText(r[5])]),
    );
    expect(changes.join(" ")).toMatch(/Документы.*«Кем издан»|«Кем издан».*Документы/u);
    expect(validateWorkbook(upgraded).issues.filter((i) => i.rule.startsWith("TPL_"))).toEqual([]);
    expect((await upgradeXlsx(bytes)).changes).toEqual([]);
  });
});

describe("mip template --upgrade", () => {
  let dir: string;
  beforeAll(() => {
    ensureBuilt();
    dir = tempDir();
  });

  it("writes a new file next to the old one and leaves the old one byte for byte", async () => {
    const oldPath = join(dir, "школа.xlsx");
    writeFileSync(oldPath, await versionOneFile());
    const sha = () => createHash("sha256").update(readFileSync(oldPath)).digest("hex");
    const before = sha();
    const run = mip(["template", "--upgrade", "школа.xlsx"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`обновлена до версии ${TEMPLATE_VERSION}`);
    expect(run.stdout).toContain("Исходный файл не изменён");
    expect(sha()).toBe(before);
    const upgraded = await readXlsx(readFileSync(join(dir, `школа (шаблон ${TEMPLATE_VERSION}).xlsx`)));
    expect(upgraded.templateVersion).toBe(TEMPLATE_VERSION);
    // Again: a numbered name, nothing replaced.
    expect(mip(["template", "--upgrade", "школа.xlsx"], dir).stdout).toContain(`(шаблон ${TEMPLATE_VERSION}) (2).xlsx`);
  });

  it("refuses what is not a МИП workbook with one Russian sentence (exit 2)", () => {
    writeFileSync(join(dir, "not.xlsx"), "plain text");
    const run = mip(["template", "--upgrade", "not.xlsx"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/[А-Яа-я]/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(mip(["template", "--upgrade", "нет.xlsx"], dir).code).toBe(2);
  });
});
