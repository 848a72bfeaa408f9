/**
 * `mip survey [ПРОЕКТ.xlsx] [--out АНКЕТА.xlsx]` — the monitoring questionnaire as .xlsx, for a
 * project that collects the answers without Google Forms: the questions of both groups and
 * answers sheets in the Form's layout, ready for `mip spravka … --survey`; with the project's
 * workbook, the organisation column offers its «Организации» of each group. An existing file
 * is never replaced.
 */
import { extname, resolve } from "node:path";
import { parseCommandLine } from "../args.js";
import { writeFailure, writeNewFile } from "../files.js";
import { surveyWorkbook } from "../survey-xlsx.js";
import { groupOrganisations } from "../../core/survey/aggregate.js";
import type { QuestionSet } from "../../core/survey/questions.js";
import { validateWorkbook } from "../../core/validate.js";
import { usageOf } from "../help.js";
import { fileLabel, loadMipWorkbook } from "../load.js";
import { UnusableInputError } from "../xlsx-read.js";

export const SURVEY_USAGE = usageOf("survey");

/** The flags the parser accepts; test/cli/help.test.ts checks them against the help table. */
export const SURVEY_OPTIONS = {
  out: { type: "string", short: "o" },
  help: { type: "boolean", short: "h" },
} as const;

export const DEFAULT_SURVEY_FILE = "Анкета мониторинга.xlsx";

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandLine(args, SURVEY_OPTIONS);
  if ("help" in parsed) {
    process.stdout.write(`${SURVEY_USAGE}\n`);
    return 0;
  }
  if ("error" in parsed) {
    process.stderr.write(`${parsed.error}\n${SURVEY_USAGE}\n`);
    return 2;
  }
  if (parsed.positionals.length > 1) {
    process.stderr.write(
      `Лишний аргумент «${parsed.positionals[1]}». Файл задаётся так: mip survey --out АНКЕТА.xlsx\n`,
    );
    return 2;
  }
  let organisations: (set: QuestionSet) => string[] = () => [];
  const project = parsed.positionals[0];
  if (project !== undefined) {
    try {
      const rows = validateWorkbook(await loadMipWorkbook(project)).workbook.tables.orgs.rows;
      organisations = (set) => groupOrganisations(rows, set);
    } catch (error) {
      process.stderr.write(
        `${error instanceof UnusableInputError ? error.message : `${fileLabel(project)} не удалось прочитать.`}\n`,
      );
      return 2;
    }
  }
  let out = parsed.values.out ?? DEFAULT_SURVEY_FILE;
  if (out.trim() === "") {
    process.stderr.write("После --out укажите имя файла.\n");
    return 2;
  }
  if (extname(out).toLowerCase() !== ".xlsx") out = `${out}.xlsx`;
  const wanted = resolve(out);
  let written: string;
  try {
    written = await writeNewFile(wanted, await surveyWorkbook(organisations));
  } catch (error) {
    process.stderr.write(
      `Не удалось записать анкету (${writeFailure(error)}). Укажите другое место: --out ПАПКА/анкета.xlsx\n`,
    );
    return 2;
  }
  if (written !== wanted) process.stdout.write(`Файл «${wanted}» уже существует — он не тронут.\n`);
  process.stdout.write(`Анкета мониторинга записана: ${written}\n`);
  return 0;
}
