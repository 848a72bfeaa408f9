/**
 * `mip spravka PROJECT.xlsx [SCHOOLS…] [--out FILE.docx] [--date ДД.ММ.ГГГГ] [--strict]` — the
 * справка о реализации муниципального проекта as .docx, from the project's workbook and the
 * participating organisations' workbooks (files or folders). Exit codes like `mip report`:
 * 0 written, 1 --strict and the project's workbook has errors (nothing written), 2 unusable
 * input or cannot write. A participant's file that cannot be read is named and skipped.
 */
import { basename, dirname, join, resolve } from "node:path";
import { safeFileName } from "../../core/report/naming.js";
import { countWithNoun } from "../../core/russian.js";
import { ERRORS } from "../../core/severity.js";
import { type Candidate, type CommitteeOrder, buildSpravka, selectSources } from "../../core/spravka/index.js";
import { committeeOrderOf, readRoadmap } from "../../core/roadmap/index.js";
import type { IsoDate } from "../../core/terms/types.js";
import { validateWorkbook } from "../../core/validate.js";
import { type NotArguments, parseCommandLine, parseRuDateArg } from "../args.js";
import { renderDocx } from "../docx.js";
import { writeFailure, writeNewFile } from "../files.js";
import { fileLabel, loadMipWorkbook, loadXlsx } from "../load.js";
import { withDocxExtension } from "../report-file.js";
import { UnusableInputError } from "../xlsx-read.js";
import { collectInputs } from "./summary.js";
import { aggregateSurvey } from "../../core/survey/aggregate.js";
import { readSurveyFiles, takeSurveyArgs } from "../survey-files.js";
import { surveyReport } from "../survey-report.js";
import { usageOf } from "../help.js";
import { shellCommand } from "../shell-quote.js";

export const SPRAVKA_USAGE = usageOf("spravka");

interface SpravkaArgs {
  readonly project: string;
  /** Responses files of the monitoring questionnaire (--survey). */
  readonly survey: readonly string[];
  readonly schools: readonly string[];
  readonly out: string | null;
  readonly date: IsoDate | null;
  readonly strict: boolean;
  readonly roadmap: string | null;
}

/** The flags parseCommandLine reads (after takeSurveyArgs has taken the --survey files out). */
const SPRAVKA_PARSED_OPTIONS = {
  out: { type: "string", short: "o" },
  date: { type: "string" },
  strict: { type: "boolean" },
  roadmap: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/**
 * Every flag spravka accepts; test/cli/help.test.ts checks them against the help table.
 * `survey` is read by takeSurveyArgs, not parseArgs: one or more files after the flag.
 */
export const SPRAVKA_OPTIONS = {
  ...SPRAVKA_PARSED_OPTIONS,
  survey: { type: "string", multiple: true },
} as const;

export function parseSpravkaArgs(args: readonly string[]): SpravkaArgs | NotArguments {
  // --survey takes every file up to the next flag, which parseArgs cannot: it is taken out first.
  const survey = takeSurveyArgs(args);
  if (survey.flagged && survey.files.length === 0)
    return { error: "После --survey укажите файлы ответов анкеты (.xlsx)." };
  const parsed = parseCommandLine(survey.rest, SPRAVKA_PARSED_OPTIONS);
  if ("error" in parsed || "help" in parsed) return parsed;
  const [project, ...schools] = parsed.positionals;
  if (project === undefined) return { error: "Укажите таблицу проекта: mip spravka ПРОЕКТ.xlsx" };
  if (parsed.values.out !== undefined && parsed.values.out.trim() === "")
    return { error: "После --out укажите имя файла справки." };
  let date: IsoDate | null = null;
  if (parsed.values.date !== undefined) {
    try {
      date = parseRuDateArg(parsed.values.date, "--date");
    } catch (error) {
      return { error: (error as Error).message };
    }
  }
  return {
    project,
    schools,
    survey: survey.files,
    out: parsed.values.out ?? null,
    date,
    strict: parsed.values.strict ?? false,
    roadmap: parsed.values.roadmap ?? null,
  };
}

const say = (text: string) => process.stdout.write(`${text}\n`);
const complain = (text: string) => process.stderr.write(`${text}\n`);

/** Reads the participants' workbooks; one that cannot be read is named, never fatal. */
async function readParticipants(
  paths: readonly string[],
  exclude: string,
  today: IsoDate,
): Promise<{ candidates: Candidate[]; failed: string[] }> {
  const { files, missing } = await collectInputs(paths, new Set([resolve(exclude)]));
  const failed = missing.map((path) => `«${path}» не найден`);
  const candidates: Candidate[] = [];
  for (const entry of files) {
    if (entry.problem || typeof entry.path !== "string") {
      failed.push(`«${entry.shown}»: ${entry.problem ?? "имя файла не читается"}`);
      continue;
    }
    try {
      const grid = await loadMipWorkbook(entry.path);
      candidates.push({ label: basename(entry.shown), result: validateWorkbook(grid, { today }) });
    } catch (error) {
      failed.push(
        error instanceof UnusableInputError ? error.message : `${fileLabel(entry.path)} не удалось прочитать`,
      );
    }
  }
  return { candidates, failed };
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseSpravkaArgs(args);
  if ("help" in parsed) {
    say(SPRAVKA_USAGE);
    return 0;
  }
  if ("error" in parsed) {
    complain(parsed.error);
    complain(SPRAVKA_USAGE);
    return 2;
  }
  let grid;
  try {
    grid = await loadMipWorkbook(parsed.project);
  } catch (error) {
    complain(
      error instanceof UnusableInputError ? error.message : `${fileLabel(parsed.project)} не удалось прочитать.`,
    );
    return 2;
  }
  const project = validateWorkbook(grid, parsed.date ? { today: parsed.date } : {});
  const errors = project.issues.filter((i) => i.severity === "error").length;
  if (parsed.strict && errors > 0) {
    complain(
      `Справка не составлена: в таблице проекта ${countWithNoun(errors, ERRORS)}, ` +
        `а включён строгий режим (--strict). Список: ${shellCommand("mip", "validate", parsed.project)}`,
    );
    return 1;
  }
  const today = parsed.date ?? project.context.reportDate;
  const { candidates, failed } = await readParticipants(parsed.schools, parsed.project, today);
  const sources = selectSources(project, candidates);
  const answers = parsed.survey.length > 0 ? await readSurveyFiles(parsed.survey) : null;
  const survey = answers ? aggregateSurvey(project.workbook.tables.orgs.rows, answers.sheets) : null;
  let committeeOrders: CommitteeOrder[] = [];
  if (parsed.roadmap !== null) {
    try {
      const order = committeeOrderOf(readRoadmap(await loadXlsx(parsed.roadmap)).roadmap);
      if (order) committeeOrders = [order];
      else say(`  В дорожной карте «${parsed.roadmap}» нет даты, номера или заголовка распоряжения — оно не названо.`);
    } catch (error) {
      complain(
        error instanceof UnusableInputError ? error.message : `${fileLabel(parsed.roadmap)} не удалось прочитать.`,
      );
      return 2;
    }
  }
  const model = buildSpravka(sources, { ...(parsed.date ? { date: parsed.date } : {}), committeeOrders }, survey);
  const wanted = withDocxExtension(
    parsed.out === null
      ? join(dirname(resolve(parsed.project)), `${safeFileName(model.title)}.docx`)
      : resolve(parsed.out),
  );
  let path: string;
  try {
    path = await writeNewFile(wanted, await renderDocx(model));
  } catch (error) {
    complain(`Не удалось записать справку (${writeFailure(error)}). Укажите другое место: --out ПАПКА/справка.docx`);
    return 2;
  }
  if (path !== wanted) say(`Файл «${wanted}» уже существует — он не тронут.`);
  say(`Справка записана: ${path}`);
  if (sources.schools.length > 0) say(`  Учтены таблицы участников: ${sources.schools.map((s) => s.name).join(", ")}.`);
  for (const left of sources.leftOut) say(`  Не учтена «${left.label}»: ${left.reason}.`);
  for (const reason of failed) complain(`  Не прочитана: ${reason.replace(/\.$/, "")}.`);
  if (answers && survey) for (const line of surveyReport(survey, answers.failed)) say(`  ${line}`);
  if (errors > 0)
    say(
      `  В таблице проекта ${countWithNoun(errors, ERRORS)}: значения с ошибками ` +
        `в справку не вошли — исправьте их. Список: ${shellCommand("mip", "validate", parsed.project)}`,
    );
  return 0;
}
