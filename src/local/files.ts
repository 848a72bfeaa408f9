/** Writing output files without ever replacing an existing one. */
import { mkdir, stat, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { firstFreeName } from "../core/report/naming.js";
import { existsSync } from "node:fs";

/** «x.xlsx» → «x (2).xlsx» … the first name not taken. */
export function freePath(path: string, taken: (candidate: string) => boolean = existsSync): string {
  const ext = extname(path);
  const stem = join(dirname(path), basename(path, ext));
  return firstFreeName(stem, (candidate) => taken(`${candidate}${ext}`)) + ext;
}

/** Writes to the first free name derived from `path` (exclusive create); returns where it went. */
export async function writeNewFile(path: string, data: Buffer | string): Promise<string> {
  for (;;) {
    const target = freePath(path);
    try {
      await writeFile(target, data, { flag: "wx" });
      return target;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

/**
 * Creates a folder and its missing parents one level at a time. Node's own
 * `mkdir(…, { recursive: true })` never returns under a pseudo-filesystem such as /proc;
 * a plain mkdir fails there at once, and the failure is reported like any other.
 */
export async function makeFolder(path: string): Promise<void> {
  const missing: string[] = [];
  let current = path;
  for (;;) {
    const found = await stat(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return null;
      throw error;
    });
    if (found) {
      if (found.isDirectory()) break;
      throw Object.assign(new Error(`${current} is not a folder`), { code: "ENOTDIR" });
    }
    missing.push(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of missing.reverse()) {
    try {
      await mkdir(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

/** A Russian reason for a failed write. */
export function writeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "такой папки нет";
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return "нет прав на запись";
  if (code === "EISDIR") return "это папка";
  if (code === "ENOTDIR") return "на этом месте файл, а не папка";
  if (code === "ENOSPC") return "на диске нет места";
  if (code === "EEXIST") return "файл уже существует";
  return "ошибка записи";
}
