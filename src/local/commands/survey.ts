/**
 * `mip survey [--out АНКЕТА.xlsx]` — the monitoring questionnaire as .xlsx, for a project that
 * collects the answers without Google Forms: the questions of both groups and answers sheets
 * in the Form's layout, ready for `mip spravka … --survey`. An existing file is never replaced.
 */
import { extname, resolve } from "node:path";
import { parseCommandLine } from "../args.js";
import { writeFailure, writeNewFile } from "../files.js";
import { surveyWorkbook } from "../survey-xlsx.js";

export const SURVEY_USAGE = `Использование: mip survey [--out АНКЕТА.xlsx]

Записывает анкету муниципального мониторинга (.xlsx): вопросы для школ с НОР и для
школ-лидеров — вид ответа, варианты, пункт справки, который пишет ответ, — и листы ответов
в том же виде, что таблица ответов Google Формы («Отметка времени», затем столбец на вопрос).
Заполненный файл передайте справке: mip spravka ПРОЕКТ.xlsx --survey АНКЕТА.xlsx
  --out ФАЙЛ   куда записать (по умолчанию «Анкета мониторинга.xlsx»). Существующий файл
               не перезаписывается: анкета получит имя «… (2).xlsx».
Коды выхода: 0 — записано, 2 — записать нельзя.`;

export const DEFAULT_SURVEY_FILE = "Анкета мониторинга.xlsx";

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandLine(args, {
    out: { type: "string", short: "o" },
    help: { type: "boolean", short: "h" },
  });
  if ("help" in parsed) {
    process.stdout.write(`${SURVEY_USAGE}\n`);
    return 0;
  }
  if ("error" in parsed) {
    process.stderr.write(`${parsed.error}\n${SURVEY_USAGE}\n`);
    return 2;
  }
  if (parsed.positionals.length > 0) {
    process.stderr.write(
      `Лишний аргумент «${parsed.positionals[0]}». Файл задаётся так: mip survey --out АНКЕТА.xlsx\n`,
    );
    return 2;
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
    written = await writeNewFile(wanted, await surveyWorkbook());
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
