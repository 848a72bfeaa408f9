/**
 * `mip template --upgrade OLD.xlsx`: a version-1 workbook (no v2 columns and labels, a column
 * and a tab of the user's own, a coloured cell) becomes a NEW version-2 file in which every
 * old value is kept under its header, the user's column and tab and fill survive, and the
 * validator finds no template errors; the old file is not changed.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { type Cell, type WorkbookGrid, cellText } from "../../src/core/grid.js";
import { sampleGrid } from "../../src/demo/sample.js";
import { type FieldDef, TABS, TEMPLATE_VERSION } from "../../src/core/schema.js";
import { validateWorkbook } from "../../src/core/validate.js";
import { readXlsx } from "../../src/local/xlsx-read.js";
import { upgradeXlsx } from "../../src/local/xlsx-upgrade.js";
import { VERSION_NAME, writeSheets } from "../../src/local/xlsx-write.js";
import { ensureBuilt, mip, tempDir } from "./helpers.js";

const V2_LABELS = new Set(
  TABS.flatMap((t) => (t.type === "keyValue" ? (t.fields as readonly FieldDef[]) : []))
    .filter((f) =>
      [
        "current_stage",
        "social_partners",
        "normative_analysis",
        "consequences",
        "product_bank",
        "report_form",
      ].includes(f.key),
    )
    .map((f) => f.label),
);

/** The sample as a version-1 workbook: v2 columns and labels removed, a user's column «Примечание» where v2 puts «Уровень». */
function versionOneGrid(): WorkbookGrid {
  const tabs = sampleGrid().tabs.map((tab) => {
    const def = TABS.find((t) => t.title === tab.title)!;
    if (def.type === "keyValue") return { ...tab, rows: tab.rows.filter((r) => !V2_LABELS.has(String(r[0]))) };
    const keep = def.columns.map((c, i) => (c.since ? -1 : i)).filter((i) => i >= 0);
    let rows: Cell[][] = tab.rows.map((r) => keep.map((i) => r[i] ?? null));
    if (tab.title === "Мероприятия МИП") rows = rows.map((r, i) => [...r, i === 0 ? "Примечание" : `заметка ${i}`]);
    return { ...tab, rows };
  });
  return { tabs: [...tabs, { title: "Мои заметки", rows: [["Что"], ["Позвонить в комитет"]] }], templateVersion: "1" };
}

async function versionOneFile(): Promise<Buffer> {
  const grid = versionOneGrid();
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

/** Every non-empty value of every tab as «tab | header | row | value», found by header, not position. */
function valuesByHeader(grid: WorkbookGrid): Set<string> {
  const out = new Set<string>();
  for (const tab of grid.tabs) {
    const def = TABS.find((t) => t.title === tab.title);
    const header = tab.rows[0] ?? [];
    tab.rows.slice(1).forEach((row, r) =>
      row.forEach((cell, c) => {
        const value = cellText(cell);
        if (value === "") return;
        // Key-value tabs: found by their label; tables: by their header.
        const key = def?.type === "keyValue" ? `${cellText(row[0])} #${c}` : `${cellText(header[c])} @${r}`;
        out.add(`${tab.title} | ${key} | ${value}`);
      }),
    );
  }
  return out;
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

    const before = valuesByHeader(oldGrid);
    const after = valuesByHeader(upgraded);
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
      "Примечание",
    ]);
    expect(cellText(events.rows[1]![6])).toBe("заметка 1");
    expect(upgraded.tabs.map((t) => t.title)).toContain("Мои заметки");
    const labels = upgraded.tabs.find((t) => t.title === "Настройки")!.rows.map((r) => cellText(r[0]));
    expect(labels).toContain("Форма отчёта");
    expect(changes.some((c) => c.includes("вставлен столбец «Уровень»"))).toBe(true);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect((wb.getWorksheet("Мероприятия МИП")!.getCell("G2").fill as ExcelJS.FillPattern).fgColor?.argb).toBe(
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
