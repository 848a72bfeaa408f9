/**
 * `mip template [--out FILE] [--sample] [--force]` — writes the template as .xlsx.
 * An existing file is never replaced unless --force is given (exit 2 with a Russian
 * sentence otherwise): a template written over a filled-in workbook would lose a year's work.
 */
import { extname } from "node:path";
import { TEMPLATE_VERSION } from "../../core/schema.js";
import { UsageError, parseCommandArgs } from "../args.js";
import { WriteError, replaceFile, writeExclusive } from "../files.js";
import { writeTemplate } from "../xlsx-write.js";

export const TEMPLATE_USAGE = `Использование: mip template [--out ФАЙЛ.xlsx] [--sample] [--force]

Записывает шаблон таблицы МИП (.xlsx): все вкладки, заголовки, закреплённая первая строка,
ширина столбцов, выпадающие списки и подсказки.
  --out ФАЙЛ   куда записать (по умолчанию mip-template.xlsx)
  --sample     заполнить шаблон примером проекта (вымышленные имена)
  --force      заменить существующий файл (без него существующий файл не трогается)
Коды выхода: 0 — записано, 2 — записать нельзя.`;

export const DEFAULT_TEMPLATE_FILE = "mip-template.xlsx";

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    out: { type: "string", short: "o" },
    sample: { type: "boolean" },
    force: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    process.stdout.write(`${TEMPLATE_USAGE}\n`);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`Лишний аргумент «${positionals[0]}». Имя файла задаётся так: mip template --out ФАЙЛ.xlsx`);
  let out = values.out ?? DEFAULT_TEMPLATE_FILE;
  if (out.trim() === "") throw new UsageError("После --out укажите имя файла.");
  if (extname(out).toLowerCase() !== ".xlsx") out = `${out}.xlsx`;
  const bytes = await writeTemplate({ sample: Boolean(values.sample) });
  try {
    // Whole or not at all: with --force the old file is replaced only once the new one is complete.
    if (values.force) await replaceFile(out, bytes);
    else await writeExclusive(out, bytes);
  } catch (error) {
    if (!(error instanceof WriteError)) throw error;
    if (error.code === "EEXIST")
      process.stderr.write(`Файл «${out}» уже существует и не тронут. Укажите другое имя (--out) или добавьте --force, чтобы заменить его.\n`);
    else process.stderr.write(`Не удалось записать «${out}»: ${error.reason}. Файл не изменён.\n`);
    return 2;
  }
  const what = values.sample ? "Шаблон с примером проекта" : "Шаблон";
  process.stdout.write(`${what} (версия ${TEMPLATE_VERSION}) записан: ${out}\n`);
  return 0;
}
