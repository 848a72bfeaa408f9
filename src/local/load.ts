/**
 * Opening a workbook file for a command: every way it can fail becomes an
 * UnusableInputError with one Russian sentence (the CLI prints it and exits 2).
 */
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import type { WorkbookGrid } from "../core/grid.js";
import { looksLikeMipWorkbook } from "../core/workbook.js";
import { UnusableInputError, readXlsx } from "./xlsx-read.js";
import { NotRegularFileError, readRegularFile } from "./read-regular.js";

/** Larger files are not school workbooks; refusing early keeps memory bounded. */
export const MAX_INPUT_BYTES = 200 * 1024 * 1024;

/** «Файл «school.xlsx»» — how messages name the input. */
export function fileLabel(path: string): string {
  return `Файл «${basename(path)}»`;
}

/** Reads any .xlsx into a grid (no check that it is a МИП workbook). */
export async function loadXlsx(path: string): Promise<WorkbookGrid> {
  const label = fileLabel(path);
  const info = await stat(path).catch(() => null);
  if (!info) throw new UnusableInputError(`${label} не найден. Проверьте путь к таблице.`);
  if (info.isDirectory()) throw new UnusableInputError(`«${path}» — это папка, а нужен файл таблицы .xlsx.`);
  if (!info.isFile()) throw new UnusableInputError(`${label} — не обычный файл.`);
  if (info.size > MAX_INPUT_BYTES)
    throw new UnusableInputError(`${label} слишком большой для таблицы МИП (больше 200 МБ).`);
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(path);
  } catch (error) {
    if (error instanceof NotRegularFileError) throw new UnusableInputError(`${label} — не обычный файл.`);
    throw new UnusableInputError(`${label} не удалось открыть: нет прав на чтение.`);
  }
  return readXlsx(bytes, label);
}

/** Reads a workbook and makes sure it is a МИП workbook (has tabs of the template). */
export async function loadMipWorkbook(path: string): Promise<WorkbookGrid> {
  const grid = await loadXlsx(path);
  if (!looksLikeMipWorkbook(grid))
    throw new UnusableInputError(
      `${fileLabel(path)} — не таблица МИП: в нём нет вкладок шаблона («Общие ` +
        `сведения», «План-факт» …). Создайте таблицу командой mip template.`,
    );
  return grid;
}
