/**
 * The entries of a .zip from its central directory, read without inflating anything: name,
 * method, compressed and declared uncompressed size, and where the data starts. Used to refuse
 * a file that is too big before any library inflates it (a 44 KB file can unpack to gigabytes).
 * Format: PKWARE APPNOTE.TXT §4.3 (end of central directory, central directory headers, local headers).
 */
import { inflateRawSync } from "node:zlib";

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly dataOffset: number;
}

/** Thrown when the archive's directory cannot be read (the caller words it for the user). */
export class ZipStructureError extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The central directory's entries; throws ZipStructureError when it is missing or inconsistent. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is the last 22 bytes plus a comment of up to 65,535 bytes.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipStructureError("no end of central directory");
  const count = view.getUint16(end + 10, true);
  const dirOffset = view.getUint32(end + 16, true);
  // ZIP64 (more than 65,535 entries or 4 GB) is no school workbook.
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipStructureError("zip64");
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder("utf-8");
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL)
      throw new ZipStructureError("bad central directory");
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LOCAL)
      throw new ZipStructureError("bad local header");
    const dataOffset =
      localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataOffset + compressedSize > bytes.length) throw new ZipStructureError("truncated entry");
    entries.push({ name, method, compressedSize, size, dataOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * An entry's bytes, inflated with a hard ceiling at its declared size: a header that lies
 * about the size (a zip bomb) fails here instead of filling memory. Null when it exceeds.
 */
export function inflateBounded(bytes: Uint8Array, entry: ZipEntry): Buffer | null {
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0)
    return data.length <= entry.size ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : null;
  if (entry.method !== 8) throw new ZipStructureError(`method ${entry.method}`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError) return null;
    throw new ZipStructureError("inflate failed");
  }
}

const isTagEnd = (byte: number | undefined): boolean =>
  byte === 0x20 || byte === 0x3e || byte === 0x2f || byte === 0x09 || byte === 0x0a || byte === 0x0d;

/** A byte of an XML name prefix: ASCII letters, digits, «_», «-», «.», or any non-ASCII byte. */
const isNameByte = (byte: number): boolean =>
  (byte >= 0x30 && byte <= 0x39) ||
  (byte >= 0x41 && byte <= 0x5a) ||
  (byte >= 0x61 && byte <= 0x7a) ||
  byte === 0x5f ||
  byte === 0x2d ||
  byte === 0x2e ||
  byte >= 0x80;

/**
 * How many cell elements an XML part holds: `<c …>`, `<c/>` and, since a namespace prefix is
 * the writer's choice (`<x:c>` is the same element to a reader), `<prefix:c …>` too.
 * Native byte search, no parsing; stops once the count passes `limit`.
 */
export function countCells(xml: Buffer, limit = Infinity): number {
  let n = 0;
  for (let at = xml.indexOf("<c"); at >= 0 && n <= limit; at = xml.indexOf("<c", at + 2))
    if (isTagEnd(xml[at + 2])) n++;
  for (let at = xml.indexOf(":c"); at >= 0 && n <= limit; at = xml.indexOf(":c", at + 2)) {
    if (!isTagEnd(xml[at + 2])) continue;
    let start = at - 1;
    while (start >= 0 && isNameByte(xml[start]!)) start--;
    if (start >= 0 && start < at - 1 && xml[start] === 0x3c) n++;
  }
  return n;
}

/**
 * Why the entry names cannot be trusted, or null. Part names are unique ignoring case and
 * use «/» only, relative to the package root (ECMA-376 Part 2, OPC §6.2.2 part names and
 * §6.2.2.3 equivalence); readers disagree on which of two equal names wins, and a «..» or
 * absolute name would be carried into a file written from this one.
 */
export function entryNameProblem(entries: readonly ZipEntry[]): "duplicate" | "path" | null {
  const seen = new Set<string>();
  for (const { name } of entries) {
    if (name.includes("\\") || name.startsWith("/") || /^[a-z]:/i.test(name) || name.split("/").includes(".."))
      return "path";
    const key = name.toLowerCase();
    if (seen.has(key)) return "duplicate";
    seen.add(key);
  }
  return null;
}
