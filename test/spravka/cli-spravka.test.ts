/**
 * `mip spravka` through the real binary: usage, exit codes, never overwriting, the demo's справка against
 * `mip validate --json`.
 * About 6 s of binary runs: `npm test` runs it, `npm run test:unit` leaves it.
 * @module-tag slow
 */
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sampleGrid, sampleSchools } from "../../src/demo/sample.js";
import { writeWorkbookGrid } from "../../src/local/xlsx-write.js";
import { ensureBuilt, hasStackTrace, mip, tempDir } from "../cli/helpers.js";
import { docxText } from "../helpers/docx-text.js";

let dir: string;

beforeAll(async () => {
  ensureBuilt();
  dir = tempDir("mip-spravka-");
  writeFileSync(join(dir, "project.xlsx"), await writeWorkbookGrid(sampleGrid()));
  const [, tidy, late] = sampleSchools();
  writeFileSync(join(dir, "school4.xlsx"), await writeWorkbookGrid(tidy!.grid));
  writeFileSync(join(dir, "late.xlsx"), await writeWorkbookGrid(late!.grid));
  writeFileSync(join(dir, "broken.xlsx"), "not a zip");
}, 120_000);

describe("mip spravka", () => {
  it("prints its Russian usage and exits 2 without a project", () => {
    const run = mip(["spravka"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Укажите таблицу проекта");
    expect(run.stderr).toContain("Использование: mip spravka ПРОЕКТ.xlsx");
    const help = mip(["spravka", "--help"], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Коды выхода: 0 — справка записана, 1 — строгий режим и есть ошибки");
    expect(mip(["help"], dir).stdout).toContain("mip spravka ПРОЕКТ.xlsx");
  });

  it("writes the справка next to the project, with the participants it could use and why the others were left out", async () => {
    const run = mip(["spravka", "project.xlsx", "school4.xlsx", "late.xlsx", "broken.xlsx"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(hasStackTrace(run.stdout + run.stderr)).toBe(false);
    const path = join(dir, "Справка о реализации проекта — МОУ ДО «Центр развития образования» — 20.12.2022.docx");
    expect(run.stdout).toContain(`Справка записана: ${path}`);
    expect(run.stdout).toContain("Учтены таблицы участников: МОУ «СОШ № 4».");
    expect(run.stdout).toContain("Не учтена «late.xlsx»: отчётный период «2019-2020 учебный год», а у проекта «2022».");
    // An unreadable participant is a skipped input: stderr (docs/CLI.md, «Output streams»).
    expect(run.stderr).toContain("Не прочитана: Файл «broken.xlsx»");
    expect(run.stdout).toContain("В таблице проекта 2 ошибки");
    const text = await docxText(path);
    expect(text).toContain("СПРАВКА О РЕАЛИЗАЦИИ МУНИЦИПАЛЬНОГО ПРОЕКТА");
    expect(text).toContain("таблицы организаций-участников за тот же период: МОУ «СОШ № 4»");
    // Never over an existing file.
    const again = mip(["spravka", "project.xlsx"], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("уже существует — он не тронут");
    expect(readdirSync(dir).filter((f) => f.startsWith("Справка о реализации проекта"))).toHaveLength(2);
  });

  it("--strict with errors in the project writes nothing and exits 1; an unreadable project exits 2", () => {
    const run = mip(["spravka", "project.xlsx", "--strict", "--out", "strict.docx"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Справка не составлена: в таблице проекта 2 ошибки");
    expect(existsSync(join(dir, "strict.docx"))).toBe(false);
    const broken = mip(["spravka", "broken.xlsx"], dir);
    expect(broken.code).toBe(2);
    expect(hasStackTrace(broken.stderr)).toBe(false);
    expect(mip(["spravka", "project.xlsx", "--date", "31.02.2023"], dir).code).toBe(2);
  });

  it("the demo makes the network project's справка, and its figures are those of `mip validate --json`", async () => {
    const out = join(dir, "demo");
    const demo = mip(["demo", "--out", out], dir);
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain("Справка о реализации проекта (mip spravka):");
    const workbook = join(out, "Пример МИП — сетевое наставничество.xlsx");
    const json = JSON.parse(mip(["validate", workbook, "--json"], dir).stdout) as { metrics: Record<string, number> };
    const text = await docxText(join(out, "Справка о реализации проекта.docx"));
    expect(text).toContain(
      `наставников — ${json.metrics.mentors}, наставляемых — ${json.metrics.mentees} из пяти организаций`,
    );
    // The misspelt mentee organisation is an error: left out of the count here as in the check.
    expect(json.metrics.menteeOrgs).toBe(5);
    expect(json.metrics.pairsActive).toBe(18);
    expect(text).toContain("работали восемнадцать наставнических пар");
    expect(json.metrics.pairsNotHeld).toBe(3);
    expect(text).toContain("Не состоялись три наставнические пары");
    // The committee digest's document of the same demo is the «Сводка по МИП».
    expect(existsSync(join(out, "Сводка по МИП.docx"))).toBe(true);
  }, 120_000);
});
