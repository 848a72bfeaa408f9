/**
 * `mip demo [--out DIR]` — the whole product in one go on the sample project: the sample
 * workbook, its validation, its report (.docx), a second school's workbook and report in the
 * form «Новокузнецк», a committee summary (.xlsx and .docx) over three invented schools'
 * workbooks, the monitoring questionnaire's invented answers (Google Forms' responses layout)
 * and the справка о реализации проекта (.docx) written with them, all in DIR
 * (default ./demo-out). Existing files are never replaced: new ones get «(2)», «(3)» …
 *
 * The report and the summary are made by calling the `mip report` and `mip summary`
 * commands' run() with ordinary arguments, so the demo follows whatever those commands do.
 */
import { stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { sampleGrid, sampleReportDate, sampleSchools } from "../../demo/sample.js";
import { NOVOKUZNETSK_WORKBOOK, novokuznetskSampleGrid } from "../../demo/sample-novokuznetsk.js";
import { sampleSurveyFiles } from "../../demo/sample-survey.js";
import { validateWorkbook } from "../../core/validate.js";
import { UsageError, parseCommandArgs } from "../args.js";
import { WriteError, freePath, makeFolder, writeFailure, writeNewFile } from "../files.js";
import { plain } from "../style.js";
import { writeSheets, writeWorkbookGrid } from "../xlsx-write.js";
import { countsInWords, formatValidation } from "./validate.js";
import { ROADMAP_SAMPLE_DATE, roadmapSampleGrid } from "../../demo/roadmap-sample.js";
import { formatRuDate } from "../../core/terms/dates.js";
import { writeRoadmapWorkbook } from "../roadmap-xlsx.js";
import { usageOf } from "../help.js";
import { shellCommand } from "../shell-quote.js";

export const DEMO_USAGE = usageOf("demo");

export const DEFAULT_DEMO_DIR = "demo-out";
export const DEMO_WORKBOOK = "Пример МИП — сетевое наставничество.xlsx";
export const DEMO_ROADMAP = "Дорожная карта комитета.xlsx";

type CommandRun = (args: string[]) => Promise<number>;

/** Runs another command's module; a missing or failing one is reported, never fatal. */
async function runHook(load: () => Promise<{ run?: CommandRun }>, args: string[]): Promise<number> {
  try {
    const mod = await load();
    return mod.run ? await mod.run(args) : 2;
  } catch {
    return 2;
  }
}

/** The flags the parser accepts; test/cli/help.test.ts checks them against the help table. */
export const DEMO_OPTIONS = {
  out: { type: "string", short: "o" },
  help: { type: "boolean", short: "h" },
} as const;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, DEMO_OPTIONS);
  if (values.help) {
    process.stdout.write(`${DEMO_USAGE}\n`);
    return 0;
  }
  if (positionals.length > 0)
    throw new UsageError(`Лишний аргумент «${positionals[0]}». Папка задаётся так: mip demo --out ПАПКА`);
  const dir = resolve(values.out ?? DEFAULT_DEMO_DIR);
  const existing = await stat(dir).catch(() => null);
  if (existing && !existing.isDirectory()) {
    process.stderr.write(`«${dir}» — это файл, а нужна папка для примера.\n`);
    return 2;
  }
  const say = (text: string) => process.stdout.write(`${text}\n`);
  let workbookPath: string;
  let novokuznetskPath: string;
  let checkPath: string;
  let schoolsDir: string;
  const surveyPaths: string[] = [];
  let roadmapPath: string;
  const grid = sampleGrid();
  const result = validateWorkbook(grid, { today: sampleReportDate });
  try {
    await makeFolder(dir);
    workbookPath = await writeNewFile(join(dir, DEMO_WORKBOOK), await writeWorkbookGrid(grid));
    checkPath = await writeNewFile(
      join(dir, "Пример МИП — проверка.txt"),
      formatValidation(result, DEMO_WORKBOOK, plain),
    );
    novokuznetskPath = await writeNewFile(
      join(dir, NOVOKUZNETSK_WORKBOOK),
      await writeWorkbookGrid(novokuznetskSampleGrid()),
    );
    // Three invented schools for the committee summary; a fresh folder each run, never mixed with older files.
    schoolsDir = freePath(join(dir, "Таблицы школ"));
    await makeFolder(schoolsDir);
    for (const school of sampleSchools())
      await writeNewFile(join(schoolsDir, school.fileName), await writeWorkbookGrid(school.grid));
    // The monitoring's answers as Google Forms' responses spreadsheets, downloaded as .xlsx.
    for (const file of sampleSurveyFiles())
      surveyPaths.push(await writeNewFile(join(dir, file.fileName), await writeSheets([{ ...file.tab, wrap: true }])));
    roadmapPath = await writeNewFile(join(dir, DEMO_ROADMAP), await writeRoadmapWorkbook(roadmapSampleGrid()));
  } catch (error) {
    // Only a failed write is a write failure; anything else is an internal error (cli.ts says so).
    if (!(error instanceof WriteError) && typeof (error as NodeJS.ErrnoException)?.code !== "string") throw error;
    process.stderr.write(`Не удалось записать пример в «${dir}»: ${writeFailure(error)}.\n`);
    return 2;
  }
  say(`Пример проекта записан в папку ${dir}`);
  say(`  Таблица:  ${workbookPath}`);
  say(`  Проверка: ${checkPath} (${countsInWords(result.summary)})`);
  say(`  Таблица по форме «Новокузнецк»: ${novokuznetskPath}`);
  say(`  Таблицы трёх школ для сводки: ${schoolsDir}`);
  for (const path of surveyPaths) say(`  Ответы анкеты мониторинга: ${path}`);

  say("");
  say("Отчёт (mip report):");
  const reportCode = await runHook(() => import("./report.js"), [workbookPath]);
  if (reportCode !== 0) say("  отчёт пока не сформирован.");

  say("");
  say("Отчёт по форме «Новокузнецк» (mip report):");
  const otherCode = await runHook(() => import("./report.js"), [novokuznetskPath]);
  if (otherCode !== 0) say("  отчёт пока не сформирован.");

  say("");
  say("Сводка комитета (mip summary):");
  const summaryCode = await runHook(
    () => import("./summary.js"),
    [schoolsDir, "--out", join(dir, "Сводка комитета.xlsx"), "--docx", join(dir, "Сводка по МИП.docx")],
  );
  if (summaryCode !== 0) say("  сводка пока не сформирована.");

  // The справка о реализации проекта from the network project's own workbook.
  say("");
  say("Справка о реализации проекта (mip spravka):");
  const spravkaCode = await runHook(
    () => import("./spravka.js"),
    [
      workbookPath,
      "--survey",
      ...surveyPaths,
      "--out",
      join(dir, "Справка о реализации проекта.docx"),
      "--roadmap",
      roadmapPath,
    ],
  );
  if (spravkaCode !== 0) say("  справка пока не составлена.");

  // The committee's roadmap: its order with the appendix, and its execution over the schools' workbooks.
  say("");
  say("Дорожная карта комитета (mip roadmap):");
  const orderCode = await runHook(
    () => import("./roadmap.js"),
    [roadmapPath, "--out", join(dir, "Распоряжение о дорожной карте.docx")],
  );
  if (orderCode === 2) say("  распоряжение пока не записано.");
  const executionCode = await runHook(
    () => import("./roadmap.js"),
    [
      roadmapPath,
      schoolsDir,
      "--execution",
      "--date",
      formatRuDate(ROADMAP_SAMPLE_DATE),
      "--out",
      join(dir, "Отчёт об исполнении дорожной карты.docx"),
      "--matrix",
      join(dir, "Исполнение дорожной карты.xlsx"),
    ],
  );
  if (executionCode !== 0) say("  исполнение дорожной карты пока не посчитано.");

  say("");
  say(
    `Дальше: откройте таблицу, исправьте найденное и проверьте снова: ${shellCommand("mip", "validate", workbookPath)}`,
  );
  return 0;
}
