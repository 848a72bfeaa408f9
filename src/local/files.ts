/**
 * Writing output files whole or not at all, and never over a file unless asked.
 *
 * Every file goes to a temporary file in the same folder (same file system, so the final step
 * is a rename, which POSIX makes atomic), is flushed to disk, and only then takes its name:
 * - a new file takes a free name with link(2), which fails when the name exists, so a file
 *   made meanwhile by someone else is never replaced (the next free name «… (2)» is taken);
 * - a replacement (`mip template --force`) is a rename over the old file, which stays whole
 *   until the new one is complete.
 * A failure (disk full, no permission, name too long) removes the temporary file and is
 * raised as a WriteError with a Russian reason. File names are capped in bytes (most file
 * systems allow 255 bytes per name; a Cyrillic letter takes two).
 */
import { randomBytes } from "node:crypto";
import { lstatSync } from "node:fs";
import { link, mkdir, open, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { firstFreeName } from "../core/report/naming.js";
import { releaseTemporary, trackTemporary } from "./temporaries.js";

/** Longest file name `mip` makes, in UTF-8 bytes: 255 allowed, room left for « (9999)». */
export const MAX_NAME_BYTES = 200;

/** A failed write: `reason` is Russian («на диске нет места»). */
export class WriteError extends Error {
  override readonly name = "WriteError";
  constructor(
    readonly path: string,
    readonly reason: string,
    readonly code: string | undefined,
  ) {
    super(`Не удалось записать «${path}»: ${reason}.`);
  }
}

/** The longest prefix of `text` within `maxBytes` UTF-8 bytes, never splitting a character. */
export function clipBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, "utf8") <= maxBytes) return text;
  let bytes = 0;
  let out = "";
  for (const ch of text) {
    const size = Buffer.byteLength(ch, "utf8");
    if (bytes + size > maxBytes) break;
    bytes += size;
    out += ch;
  }
  return out;
}

/** A file name whose stem is cut (at a character, with «…») so the whole name fits MAX_NAME_BYTES. */
export function cappedName(name: string, maxBytes = MAX_NAME_BYTES): string {
  if (Buffer.byteLength(name, "utf8") <= maxBytes) return name;
  const ext = extname(name);
  const stem = clipBytes(
    name.slice(0, name.length - ext.length),
    maxBytes - Buffer.byteLength(`…${ext}`, "utf8"),
  ).replace(/[\s.,;:—–-]+$/u, "");
  return `${stem}…${ext}`;
}

/**
 * True when the name is taken by anything, a dangling symbolic link included: `existsSync`
 * follows links and calls such a name free, while link(2) refuses it (EEXIST), which made
 * the search for a free name loop forever.
 */
function nameTaken(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ENOENT";
  }
}

/** «x.xlsx» → «x (2).xlsx» … the first name not taken. */
export function freePath(path: string, taken: (candidate: string) => boolean = nameTaken): string {
  const ext = extname(path);
  const stem = join(dirname(path), basename(path, ext));
  return firstFreeName(stem, (candidate) => taken(`${candidate}${ext}`)) + ext;
}

/** A Russian reason for a failed write. */
export function writeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return "такой папки нет";
  if (code === "EACCES" || code === "EPERM") return "нет прав на запись";
  if (code === "EROFS") return "диск только для чтения";
  if (code === "EISDIR") return "это папка";
  if (code === "ENOTDIR") return "на этом месте файл, а не папка";
  if (code === "ENOSPC" || code === "EDQUOT") return "на диске нет места";
  if (code === "EFBIG") return "файл больше, чем позволяет система";
  if (code === "ENAMETOOLONG") return "слишком длинное имя файла или путь";
  if (code === "EEXIST") return "файл уже существует";
  if (code === "EMFILE" || code === "ENFILE") return "открыто слишком много файлов";
  if (code === "EIO") return "ошибка ввода-вывода диска";
  return "ошибка записи";
}

const asWriteError = (path: string, error: unknown): WriteError =>
  error instanceof WriteError
    ? error
    : new WriteError(path, writeFailure(error), (error as NodeJS.ErrnoException)?.code);

/** Writes `data` whole to a new temporary file next to `path`; returns its name. */
async function writeTemporary(path: string, data: Uint8Array | string): Promise<string> {
  const temp = join(dirname(path), `.mip-${randomBytes(6).toString("hex")}.tmp`);
  trackTemporary(temp);
  const handle = await open(temp, "wx", 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  return temp;
}

/**
 * Writes to the first free name derived from `path` (never replacing a file); returns where
 * it went. Throws WriteError; no partial or temporary file is left behind.
 */
export async function writeNewFile(path: string, data: Uint8Array | string): Promise<string> {
  return placeNew(path, data, true);
}

/** Writes `path` only if no file has that name (WriteError with code EEXIST otherwise). */
export async function writeExclusive(path: string, data: Uint8Array | string): Promise<string> {
  return placeNew(path, data, false);
}

/** How many names a new file tries before giving up (each try is one link(2)). */
const MAX_NAME_ATTEMPTS = 1000;

async function placeNew(path: string, data: Uint8Array | string, numbered: boolean): Promise<string> {
  if (!numbered && nameTaken(path)) throw new WriteError(path, "файл уже существует", "EEXIST");
  let temp: string;
  try {
    temp = await writeTemporary(path, data);
  } catch (error) {
    throw asWriteError(path, error);
  }
  try {
    // Bounded: should a file system ever disagree with lstat about a name, this ends with an error instead of spinning.
    for (let attempt = 0; ; attempt++) {
      if (attempt >= MAX_NAME_ATTEMPTS)
        throw new WriteError(path, "не удалось подобрать свободное имя файла", "EEXIST");
      const target = numbered ? freePath(path) : path;
      try {
        await link(temp, target);
        return target;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EEXIST" && numbered) continue;
        // File systems without hard links (FAT, some network shares): rename onto a name just checked free.
        if (code === "EPERM" || code === "ENOTSUP" || code === "EOPNOTSUPP" || code === "EXDEV" || code === "ENOSYS") {
          if (nameTaken(target)) {
            if (numbered) continue;
            throw new WriteError(path, "файл уже существует", "EEXIST");
          }
          await rename(temp, target);
          return target;
        }
        throw error;
      }
    }
  } catch (error) {
    throw asWriteError(path, error);
  } finally {
    await unlink(temp).catch(() => undefined);
    releaseTemporary(temp);
  }
}

/** Writes `path` whole, replacing an existing file only once the new one is complete (--force). */
export async function replaceFile(path: string, data: Uint8Array | string): Promise<string> {
  const existing = await stat(path).catch(() => null);
  if (existing?.isDirectory()) throw new WriteError(path, "это папка", "EISDIR");
  let temp: string | null = null;
  try {
    temp = await writeTemporary(path, data);
    await rename(temp, path);
    releaseTemporary(temp);
    temp = null;
    return path;
  } catch (error) {
    throw asWriteError(path, error);
  } finally {
    if (temp) await unlink(temp).catch(() => undefined);
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
