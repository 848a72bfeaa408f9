/**
 * `mip template [--out FILE] [--sample] [--force]` — writes the template as .xlsx.
 * `mip template --upgrade OLD.xlsx [--out NEW.xlsx]` — writes OLD upgraded to this template
 * version as a new file (xlsx-upgrade.ts); OLD is only read, and NEW never replaces a file.
 * An existing file is never replaced unless --force is given (exit 2 with a Russian
 * sentence otherwise): a template written over a filled-in workbook would lose a year's work.
 */
import { NotRegularFileError, readRegularFile } from "../read-regular.js";
import { basename, dirname, extname, join } from "node:path";
import { TEMPLATE_VERSION } from "../../core/schema.js";
import { UsageError, parseCommandArgs } from "../args.js";
import {
  MAX_NAME_BYTES,
  WriteError,
  clipBytes,
  replaceFile,
  writeExclusive,
  writeFailure,
  writeNewFile,
} from "../files.js";
import { MAX_INPUT_BYTES, fileLabel } from "../load.js";
import { UnusableInputError } from "../errors.js";
import { upgradeXlsx } from "../xlsx-upgrade.js";
import { writeTemplate } from "../xlsx-write.js";
import { blankRoadmapGrid, roadmapSampleGrid } from "../../demo/roadmap-sample.js";
import { writeRoadmapWorkbook } from "../roadmap-xlsx.js";
import { usageOf } from "../help.js";

export const TEMPLATE_USAGE = usageOf("template");

/** «школа.xlsx» → «школа (шаблон 2).xlsx» next to it; a long name is cut (with «…») to fit MAX_NAME_BYTES. */
export function upgradedPath(input: string): string {
  const suffix = ` (шаблон ${TEMPLATE_VERSION}).xlsx`;
  const stem = basename(input, extname(input));
  const room = MAX_NAME_BYTES - Buffer.byteLength(suffix, "utf8");
  const short = Buffer.byteLength(stem, "utf8") <= room ? stem : `${clipBytes(stem, room - 3).trimEnd()}…`;
  return join(dirname(input), `${short}${suffix}`);
}

async function upgrade(input: string, outArg: string | undefined): Promise<number> {
  let bytes: Buffer;
  try {
    // A FIFO or a device would block a plain read forever; only a regular file is read.
    bytes = await readRegularFile(input);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof NotRegularFileError && !error.directory) {
      process.stderr.write(`«${input}» — не обычный файл, а нужен файл таблицы .xlsx.\n`);
      return 2;
    }
    process.stderr.write(
      code === "EISDIR" || (error instanceof NotRegularFileError && error.directory)
        ? `«${input}» — это папка, а нужен файл .xlsx.\n`
        : `Не удалось прочитать «${input}»: такого файла нет или нет прав на чтение.\n`,
    );
    return 2;
  }
  if (bytes.length > MAX_INPUT_BYTES) {
    process.stderr.write(`Файл «${input}» слишком большой для таблицы МИП.\n`);
    return 2;
  }
  let result;
  try {
    result = await upgradeXlsx(bytes, fileLabel(input));
  } catch (error) {
    if (error instanceof UnusableInputError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    process.stderr.write(`Файл «${input}» не удалось обновить: это не таблица .xlsx, которую можно прочитать.\n`);
    return 2;
  }
  if (result.changes.length === 0 && result.fromVersion === TEMPLATE_VERSION) {
    // A current workbook: a copy would differ in nothing, so none is made.
    process.stdout.write(
      `Таблица уже соответствует шаблону версии ${TEMPLATE_VERSION}: обновлять нечего, новый файл не записан.\n`,
    );
    return 0;
  }
  let out = outArg ?? upgradedPath(input);
  if (out.trim() === "") throw new UsageError("После --out укажите имя файла.");
  if (extname(out).toLowerCase() !== ".xlsx") out = `${out}.xlsx`;
  let written: string;
  try {
    written = await writeNewFile(out, result.bytes);
  } catch (error) {
    process.stderr.write(`Не удалось записать «${out}»: ${writeFailure(error)}.\n`);
    return 2;
  }
  const from = result.fromVersion ? `версии ${result.fromVersion}` : "без записанной версии";
  process.stdout.write(`Таблица ${from} обновлена до версии ${TEMPLATE_VERSION}: ${written}\n`);
  if (result.changes.length === 0) process.stdout.write("  Добавлять ничего не пришлось.\n");
  for (const change of result.changes) process.stdout.write(`  ${change}\n`);
  process.stdout.write(`Исходный файл не изменён: ${input}\n`);
  return 0;
}

export const DEFAULT_TEMPLATE_FILE = "mip-template.xlsx";
export const DEFAULT_ROADMAP_FILE = "mip-roadmap.xlsx";

/** The flags the parser accepts; test/cli/help.test.ts checks them against the help table. */
export const TEMPLATE_OPTIONS = {
  out: { type: "string", short: "o" },
  sample: { type: "boolean" },
  force: { type: "boolean" },
  upgrade: { type: "string" },
  roadmap: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, TEMPLATE_OPTIONS);
  if (values.help) {
    process.stdout.write(`${TEMPLATE_USAGE}\n`);
    return 0;
  }
  if (values.upgrade !== undefined) {
    if (values.upgrade.trim() === "")
      throw new UsageError("После --upgrade укажите файл таблицы: mip template --upgrade СТАРЫЙ.xlsx");
    if (positionals.length > 0)
      throw new UsageError(`Лишний аргумент «${positionals[0]}». Новый файл задаётся так: --out НОВЫЙ.xlsx`);
    if (values.sample || values.force || values.roadmap)
      throw new UsageError(
        "--upgrade не сочетается с --sample, --force и --roadmap: обновлённая таблица всегда пишется в новый файл.",
      );
    return upgrade(values.upgrade, values.out);
  }
  if (positionals.length > 0)
    throw new UsageError(`Лишний аргумент «${positionals[0]}». Имя файла задаётся так: mip template --out ФАЙЛ.xlsx`);
  let out = values.out ?? (values.roadmap ? DEFAULT_ROADMAP_FILE : DEFAULT_TEMPLATE_FILE);
  if (out.trim() === "") throw new UsageError("После --out укажите имя файла.");
  if (extname(out).toLowerCase() !== ".xlsx") out = `${out}.xlsx`;
  const bytes = values.roadmap
    ? await writeRoadmapWorkbook(values.sample ? roadmapSampleGrid() : blankRoadmapGrid())
    : await writeTemplate({ sample: Boolean(values.sample) });
  try {
    // Whole or not at all: with --force the old file is replaced only once the new one is complete.
    if (values.force) await replaceFile(out, bytes);
    else await writeExclusive(out, bytes);
  } catch (error) {
    if (!(error instanceof WriteError)) throw error;
    if (error.code === "EEXIST")
      process.stderr.write(
        `Файл «${out}» уже существует и не тронут. Укажите другое ` +
          `имя (--out) или добавьте --force, чтобы заменить его.\n`,
      );
    else process.stderr.write(`Не удалось записать «${out}»: ${error.reason}. Файл не изменён.\n`);
    return 2;
  }
  if (values.roadmap) {
    process.stdout.write(`${values.sample ? "Пример дорожной карты записан" : "Дорожная карта записана"}: ${out}\n`);
    return 0;
  }
  const what = values.sample ? "Шаблон с примером проекта" : "Шаблон";
  process.stdout.write(`${what} (версия ${TEMPLATE_VERSION}) записан: ${out}\n`);
  return 0;
}
