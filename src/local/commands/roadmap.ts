/**
 * `mip roadmap ФАЙЛ.xlsx [--json] [--out РАСПОРЯЖЕНИЕ.docx]` — checks the committee's roadmap
 * workbook like `mip validate` (exit 0 no errors, 1 errors, 2 unusable input or nothing could be
 * written) and writes the order with its appendix as .docx (a draft while errors remain).
 *
 * `mip roadmap ФАЙЛ.xlsx ПАПКА_ИЛИ_ФАЙЛЫ… --execution [--date ДД.ММ.ГГГГ] [--out ОТЧЁТ.docx]
 * [--matrix МАТРИЦА.xlsx]` — the execution over the schools' workbooks: «Отчёт об исполнении
 * дорожной карты» (.docx) and the matrix «Исполнение дорожной карты» (.xlsx). Exit 0 written,
 * 2 unusable roadmap, no school workbooks, or nothing could be written. A school's file that
 * cannot be read is named and skipped.
 */
import { basename, dirname, join, resolve } from "node:path";
import type { WorkbookGrid } from "../../core/grid.js";
import type { Issue } from "../../core/issues.js";
import { safeFileName } from "../../core/report/naming.js";
import {
  type RoadmapValidation,
  type SchoolLinks,
  EXECUTION_TITLE,
  ORDER_TITLE,
  ROADMAP_TITLE,
  buildExecutionDoc,
  buildOrderDoc,
  computeExecution,
  roadmapLinksOf,
  schoolMatcher,
  validateRoadmap,
} from "../../core/roadmap/index.js";
import { countWithNoun } from "../../core/russian.js";
import { SEVERITY_NOUNS } from "../../core/severity.js";
import { formatRuDate } from "../../core/terms/dates.js";
import type { IsoDate } from "../../core/terms/types.js";
import { validateWorkbook } from "../../core/validate.js";
import { findTabByTitle } from "../../core/workbook.js";
import { formatPercent } from "../../core/percent.js";
import { UsageError, parseCommandArgs, parseRuDateArg } from "../args.js";
import { renderDocx } from "../docx.js";
import { writeFailure, writeNewFile } from "../files.js";
import { fileLabel, loadMipWorkbook, loadXlsx } from "../load.js";
import { usageOf } from "../help.js";
import { withDocxExtension } from "../report-file.js";
import { type Painter, painter } from "../style.js";
import { jsonSafe, terminalSafe } from "../terminal.js";
import { UnusableInputError } from "../xlsx-read.js";
import { writeExecutionMatrix } from "../roadmap-xlsx.js";
import { collectInputs } from "./summary.js";
import { MAX_LINES_PER_TAB, countsInWords, issueJson } from "./validate.js";

export const ROADMAP_USAGE = usageOf("roadmap");

/** The flags the parser accepts; test/cli/help.test.ts checks them against the help table. */
export const ROADMAP_OPTIONS = {
  json: { type: "boolean" },
  out: { type: "string", short: "o" },
  execution: { type: "boolean" },
  date: { type: "string" },
  matrix: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** «предупреждение», the longest label, sets the column as in mip validate. */
const LABEL_WIDTH = Math.max(...Object.values(SEVERITY_NOUNS).map((nouns) => nouns[0].length));

const say = (text: string) => process.stdout.write(`${text}\n`);
const complain = (text: string) => process.stderr.write(`${text}\n`);

/** Reads the roadmap workbook; one without «Дорожная карта» is unusable input. */
async function loadRoadmap(path: string): Promise<WorkbookGrid> {
  const grid = await loadXlsx(path);
  if (!findTabByTitle(grid, ROADMAP_TITLE))
    throw new UnusableInputError(
      `${fileLabel(path)} — не дорожная карта: в нём нет вкладки «${ROADMAP_TITLE}». ` +
        `Пустую дорожную карту создаёт mip template --roadmap.`,
    );
  return grid;
}

function issueLine(issue: Issue, p: Painter): string {
  const paint = issue.severity === "error" ? p.red : issue.severity === "warning" ? p.yellow : p.blue;
  const label = SEVERITY_NOUNS[issue.severity][0];
  const where = issue.cell ?? (issue.row !== null ? `стр. ${issue.row}` : "");
  return `  ${paint(label.padEnd(LABEL_WIDTH))} ${p.dim(where.padEnd(6))} ${terminalSafe(issue.message)}`;
}

/** The human-readable check, grouped by tab like `mip validate`. */
export function formatRoadmapCheck(result: RoadmapValidation, file: string, p: Painter): string {
  const m = result.metrics;
  const out = [p.bold(terminalSafe(`Проверка дорожной карты «${file}»`))];
  out.push(
    `Пунктов: ${m.items} (направлений: ${m.directions}), дат прочитано: ${m.datesRead} из ${m.items}` +
      `${m.year ? `, год ${m.year}` : ""}; школ в реестре: ${m.schools}. ` +
      `Заполненность: ${formatPercent(result.summary.completeness)}.`,
  );
  const headline = `Найдено: ${countsInWords(result.summary)}.`;
  out.push(result.summary.errors ? p.red(headline) : result.issues.length ? p.yellow(headline) : p.green(headline));
  for (const sheet of new Set([ORDER_TITLE, ROADMAP_TITLE, ...result.issues.map((i) => i.sheet)])) {
    const list = result.issues.filter((i) => i.sheet === sheet);
    if (list.length === 0) continue;
    out.push(
      "",
      p.bold(
        terminalSafe(
          `«${sheet}» — ${countsInWords({
            errors: list.filter((i) => i.severity === "error").length,
            warnings: list.filter((i) => i.severity === "warning").length,
            infos: list.filter((i) => i.severity === "info").length,
          })}`,
        ),
      ),
    );
    for (const issue of list.slice(0, MAX_LINES_PER_TAB)) out.push(issueLine(issue, p));
    if (list.length > MAX_LINES_PER_TAB)
      out.push(
        p.dim(
          `  … и ещё ${countWithNoun(list.length - MAX_LINES_PER_TAB, ["находка", "находки", "находок"])} ` +
            `(полный список: mip roadmap --json).`,
        ),
      );
  }
  return `${out.join("\n")}\n`;
}

/** The `--json` object: the fields of `mip validate --json` (docs/CLI.md). */
export function roadmapJson(result: RoadmapValidation, file: string): unknown {
  return {
    file,
    templateVersion: null,
    summary: result.summary,
    metrics: result.metrics,
    issues: result.issues.map(issueJson),
  };
}

/**
 * Writes a new file (a free name when `wanted` exists). A note about the file written goes where
 * the line naming it goes (docs/CLI.md, output streams): stdout, or stderr under --json.
 */
async function writeBeside(
  wanted: string,
  bytes: Buffer,
  what: string,
  tell: (text: string) => void,
): Promise<string | null> {
  try {
    const path = await writeNewFile(wanted, bytes);
    if (path !== wanted) tell(`Файл «${wanted}» уже существует — он не тронут.`);
    return path;
  } catch (error) {
    complain(`Не удалось записать ${what} (${writeFailure(error)}). Укажите другое место: --out ПАПКА/файл`);
    return null;
  }
}

async function checkAndWriteOrder(file: string, out: string | undefined, json: boolean): Promise<number> {
  const result = validateRoadmap(await loadRoadmap(file));
  if (json) process.stdout.write(`${jsonSafe(JSON.stringify(roadmapJson(result, file), null, 2))}\n`);
  else process.stdout.write(formatRoadmapCheck(result, file, painter(process.stdout)));
  const model = buildOrderDoc(result.roadmap, { draft: result.summary.errors > 0 });
  const wanted = withDocxExtension(
    out === undefined ? join(dirname(resolve(file)), `${safeFileName(model.title)}.docx`) : resolve(out),
  );
  // With --json stdout carries the JSON only.
  const tell = json ? complain : say;
  const path = await writeBeside(wanted, await renderDocx(model), "распоряжение", tell);
  if (path === null) return 2;
  tell(`${model.draft ? "Черновик распоряжения" : "Распоряжение"} с дорожной картой записано: ${path}`);
  return result.summary.errors > 0 ? 1 : 0;
}

interface ReadSchool {
  readonly name: string;
  readonly links: SchoolLinks["links"];
}

async function readSchools(paths: readonly string[], exclude: string, today: IsoDate) {
  const { files, missing } = await collectInputs(paths, new Set([resolve(exclude)]));
  const failed = missing.map((path) => `«${path}» не найден`);
  const schools: ReadSchool[] = [];
  for (const entry of files) {
    if (entry.problem || typeof entry.path !== "string") {
      failed.push(`«${entry.shown}»: ${entry.problem ?? "имя файла не читается"}`);
      continue;
    }
    try {
      const result = validateWorkbook(await loadMipWorkbook(entry.path), { today });
      const general = result.workbook.kv.general.fields;
      const name =
        String(general.org_short_name?.value ?? "").trim() ||
        String(general.org_full_name?.value ?? "").trim() ||
        basename(entry.shown, ".xlsx");
      schools.push({ name, links: roadmapLinksOf(result.workbook, today, result.context.period) });
    } catch (error) {
      failed.push(
        error instanceof UnusableInputError ? error.message : `${fileLabel(entry.path)} не удалось прочитать`,
      );
    }
  }
  return { schools, failed };
}

interface ExecutionArgs {
  readonly roadmap: string;
  readonly schools: readonly string[];
  readonly today: IsoDate;
  readonly out: string | undefined;
  readonly matrix: string | undefined;
}

async function execution(args: ExecutionArgs): Promise<number> {
  const grid = await loadRoadmap(args.roadmap);
  const { schools, failed } = await readSchools(args.schools, args.roadmap, args.today);
  for (const reason of failed) complain(`  Не прочитана: ${reason.replace(/\.$/, "")}.`);
  if (schools.length === 0) {
    complain("Нет ни одной таблицы школы: укажите файлы .xlsx или папки с ними после файла дорожной карты.");
    return 2;
  }
  const result = validateRoadmap(grid, { schools: schools.map((s) => s.name) });
  const matcher = schoolMatcher(result.roadmap.schools);
  const links: SchoolLinks[] = schools.map((s) => {
    const match = matcher.match(s.name);
    return { school: match.kind === "unknown" ? s.name : match.name, links: s.links };
  });
  const executed = computeExecution(result.roadmap, links, args.today);
  const draft = result.summary.errors > 0;
  const beside = (name: string, ext: string) =>
    join(dirname(resolve(args.roadmap)), `${safeFileName(`${name} — ${formatRuDate(args.today)}`)}${ext}`);
  const docPath = await writeBeside(
    withDocxExtension(
      args.out === undefined ? beside("Отчёт об исполнении дорожной карты", ".docx") : resolve(args.out),
    ),
    await renderDocx(buildExecutionDoc(result.roadmap, executed, { draft })),
    "отчёт об исполнении",
    say,
  );
  const matrixWanted =
    args.matrix === undefined
      ? beside(EXECUTION_TITLE, ".xlsx")
      : resolve(args.matrix.replace(/(?<!\.xlsx)$/i, ".xlsx"));
  const matrixPath = await writeBeside(matrixWanted, await writeExecutionMatrix(executed), "матрицу исполнения", say);
  if (docPath === null || matrixPath === null) return 2;
  // Overdue counts cells of the matrix (item × school of the roadmap), not items: said so, or
  // «3 школы, 30 пунктов, просрочено: 124» reads as a contradiction.
  const cells = executed.rows.reduce((n, r) => n + r.cells.length, 0);
  const overdue = executed.rows.reduce((n, r) => n + r.cells.filter((c) => c.state === "overdue").length, 0);
  say(
    `Исполнение дорожной карты на ${formatRuDate(args.today)}: ` +
      `${countWithNoun(schools.length, ["таблица школы прочитана", "таблицы школ прочитаны", "таблиц школ прочитано"])}, ` +
      `${countWithNoun(executed.rows.length, ["пункт", "пункта", "пунктов"])}; ` +
      `просрочено ${overdue} из ${countWithNoun(cells, ["ячейки", "ячеек", "ячеек"])} матрицы «пункт × школа».`,
  );
  say(`  Отчёт: ${docPath}`);
  say(`  Матрица: ${matrixPath}`);
  if (draft)
    say(
      `  В дорожной карте ${countsInWords(result.summary)} — отчёт помечен как черновик. Список: mip roadmap "${args.roadmap}"`,
    );
  return 0;
}

function todayIso(): IsoDate {
  const now = new Date();
  const two = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, ROADMAP_OPTIONS);
  if (values.help) {
    say(ROADMAP_USAGE);
    return 0;
  }
  const [file, ...schools] = positionals;
  if (file === undefined) throw new UsageError("Укажите файл дорожной карты: mip roadmap ФАЙЛ.xlsx");
  if (values.out !== undefined && values.out.trim() === "") throw new UsageError("После --out укажите имя файла.");
  if (!values.execution) {
    if (schools.length > 0)
      throw new UsageError(
        `Лишний аргумент «${schools[0]}». Исполнение по таблицам школ: mip roadmap ФАЙЛ.xlsx ПАПКА --execution`,
      );
    if (values.date !== undefined || values.matrix !== undefined)
      throw new UsageError("--date и --matrix нужны только вместе с --execution.");
    return checkAndWriteOrder(file, values.out, Boolean(values.json));
  }
  if (values.json) throw new UsageError("--json выводит проверку дорожной карты; с --execution он не сочетается.");
  if (schools.length === 0)
    throw new UsageError("Укажите таблицы школ (файлы или папки): mip roadmap ФАЙЛ.xlsx ПАПКА --execution");
  const today = values.date === undefined ? todayIso() : parseRuDateArg(values.date, "--date");
  return execution({ roadmap: file, schools, today, out: values.out, matrix: values.matrix });
}
