/**
 * `mip survey` and `mip spravka --survey` through the real binary, on the demo's answers written as .xlsx.
 * About 6 s of binary runs: `npm test` runs it, `npm run test:unit` leaves it.
 * @module-tag slow
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { sampleGrid } from "../../src/demo/sample.js";
import { sampleSurveyFiles } from "../../src/demo/sample-survey.js";
import { LEADERS_SET, LOW_RESULTS_SET, TIMESTAMP_TITLE } from "../../src/core/survey/questions.js";
import { writeSheets, writeWorkbookGrid } from "../../src/local/xlsx-write.js";
import { loadXlsx } from "../../src/local/load.js";
import { ensureBuilt, hasStackTrace, mip, tempDir } from "../cli/helpers.js";
import { docxText } from "../helpers/docx-text.js";

let dir: string;

beforeAll(async () => {
  ensureBuilt();
  dir = tempDir("mip-survey-");
  writeFileSync(join(dir, "project.xlsx"), await writeWorkbookGrid(sampleGrid()));
  const [low, leaders] = sampleSurveyFiles();
  writeFileSync(join(dir, "low.xlsx"), await writeSheets([low!.tab]));
  writeFileSync(join(dir, "leaders.xlsx"), await writeSheets([leaders!.tab]));
  const score = 1 + LOW_RESULTS_SET.questions.findIndex((q) => q.id === "support_score");
  const bad = low!.tab.rows.map((r, i) => (i === 2 ? r.map((c, j) => (j === score ? "отлично" : c)) : r));
  writeFileSync(join(dir, "bad.xlsx"), await writeSheets([{ title: "Ответы на форму (1)", rows: bad }]));
  writeFileSync(join(dir, "broken.xlsx"), "not a zip");
}, 120_000);

describe("mip survey", () => {
  it("writes the questionnaire and answers sheets in the Form's layout, never over a file", async () => {
    const run = mip(["survey", "--out", "анкета.xlsx"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("Анкета мониторинга записана:");
    const grid = await loadXlsx(join(dir, "анкета.xlsx"));
    expect(grid.tabs.map((t) => t.title)).toEqual([
      "Анкета — школы с НОР",
      "Ответы — школы с НОР",
      "Анкета — школы-лидеры",
      "Ответы — школы-лидеры",
    ]);
    expect(grid.tabs[1]!.rows[0]).toEqual([TIMESTAMP_TITLE, ...LOW_RESULTS_SET.questions.map((q) => q.title)]);
    expect(grid.tabs[3]!.rows[0]).toEqual([TIMESTAMP_TITLE, ...LEADERS_SET.questions.map((q) => q.title)]);
    const support = grid.tabs[0]!.rows.find(
      (r) => r[1] === LOW_RESULTS_SET.questions.find((q) => q.id === "support_score")!.title,
    );
    expect(support?.slice(2, 5)).toEqual(["Оценка от 1 до 5", "1; 2; 3; 4; 5", "4.13"]);
    // With the project: the organisation column offers its «Организации» of the group; no list
    // is written for options with commas inside (Excel would split them).
    const withProject = mip(["survey", "project.xlsx", "--out", "с проектом.xlsx"], dir);
    expect(withProject.code, withProject.stderr).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(join(dir, "с проектом.xlsx")));
    const answers = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    expect(answers).toContain("МОУ «Лесновская СОШ»,МОУ «Берёзовская ООШ»");
    expect(answers).not.toContain("Скорее да, чем нет");
    expect(mip(["survey", "нет такого.xlsx"], dir).code).toBe(2);
    const again = mip(["survey", "--out", "анкета.xlsx"], dir);
    expect(again.stdout).toContain("уже существует — он не тронут");
    expect(again.stdout).toContain("анкета (2).xlsx");
  });
});

describe("mip spravka --survey", () => {
  it("writes sections 4 and 5 from the answers and says what it counted", async () => {
    const run = mip(["spravka", "project.xlsx", "--survey", "low.xlsx", "leaders.xlsx", "--out", "справка.docx"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(hasStackTrace(run.stdout + run.stderr)).toBe(false);
    expect(run.stdout).toContain("Анкета мониторинга (школы с НОР): учтены ответы организаций — 5 из 5.");
    expect(run.stdout).toContain("Анкета мониторинга (школы-лидеры): учтены ответы организаций — 3 из 3.");
    expect(run.stdout).toContain("В ответах анкеты 2 предупреждения:");
    const text = await docxText(join(dir, "справка.docx"));
    expect(text).toContain("В муниципальном мониторинге приняли участие все пять школ с НОР.");
    expect(text).toContain(
      "5.3. Эффективность проекта: средняя оценка — 3,67 при максимальной 5 (две оценки — 4, одна оценка — 3).",
    );
    expect(text).not.toContain("ЧЕРНОВИК");
  });

  it("makes a draft when the answers hold errors, names unreadable files, and a bare --survey is a usage error", async () => {
    const run = mip(["spravka", "project.xlsx", "--survey", "bad.xlsx", "broken.xlsx", "--out", "черновик.docx"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("справка составлена как черновик");
    expect(run.stdout).toContain("«отлично» не читается");
    expect(run.stdout).toContain("Не прочитан файл ответов: Файл «broken.xlsx»");
    const text = await docxText(join(dir, "черновик.docx"));
    expect(text).toContain("ЧЕРНОВИК");
    expect(text).toContain("Приложение. Замечания к ответам анкеты мониторинга");
    const bare = mip(["spravka", "project.xlsx", "--survey"], dir);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain("После --survey укажите файлы ответов анкеты");
  });
});

describe("mip demo", () => {
  it("writes the monitoring's answers and its справка has sections 4 and 5 written from them", async () => {
    const out = join(dir, "demo");
    const demo = mip(["demo", "--out", out], dir);
    expect(demo.code, demo.stderr).toBe(0);
    for (const file of sampleSurveyFiles())
      expect(demo.stdout).toContain(`Ответы анкеты мониторинга: ${join(out, file.fileName)}`);
    expect(demo.stdout).toContain("Анкета мониторинга (школы с НОР): учтены ответы организаций — 5 из 5.");
    const text = await docxText(join(out, "Справка о реализации проекта.docx"));
    expect(text).toContain("В муниципальном мониторинге приняли участие все пять школ с НОР.");
    expect(text).toContain("В муниципальном мониторинге приняли участие все три школы-лидера.");
    expect(text).toMatch(/4\.16\. Были высказаны следующие предложения:/u);
  });
});
