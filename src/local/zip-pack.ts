/**
 * The last step of every .xlsx and .docx `mip` writes: the package a library made is unpacked,
 * every XML part is cleaned of characters XML 1.0 cannot carry (control characters, U+FFFE,
 * U+FFFF, lone surrogates — a cell holding one would make Word and Excel refuse the whole
 * file), optional edits are applied, and the archive is packed again with Node's zlib
 * (native deflate: several times faster than the libraries' pure-JS deflate on a large body).
 * Format: PKWARE APPNOTE.TXT §4.3; XML 1.0 §2.2 (Char).
 */
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import { type ZipEntry, zipEntries } from "./zip-entries.js";

/** Every character outside XML 1.0's Char production. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text without the characters XML cannot carry. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, "");
}

const isXmlPart = (name: string): boolean => name.endsWith(".xml") || name.endsWith(".rels") || name.endsWith(".vml");

export type PartEdits = Readonly<Record<string, (xml: string) => string>>;

function unpack(bytes: Uint8Array, entry: ZipEntry): Buffer {
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) return Buffer.from(data);
  if (entry.method === 8) return inflateRawSync(data);
  throw new Error(`zip method ${entry.method}`);
}

/** Cleans every XML part, applies `edits` (by part name) and packs again with zlib. */
export function repack(bytes: Uint8Array, edits: PartEdits = {}): Buffer {
  const parts = zipEntries(bytes).map((entry) => {
    let data = unpack(bytes, entry);
    const edit = edits[entry.name];
    if (isXmlPart(entry.name) || edit) {
      const text = data.toString("utf8");
      const cleaned = xmlSafe(edit ? edit(text) : text);
      if (edit || cleaned.length !== text.length) data = Buffer.from(cleaned, "utf8");
    }
    return { name: entry.name, data };
  });
  return packZip(parts);
}

/** A .zip of the given parts, deflated (level 6) with zlib, in the given order. */
export function packZip(parts: readonly { readonly name: string; readonly data: Uint8Array }[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  // 1980-01-01 00:00 in DOS format: fixed, so the same document gives the same bytes.
  const dosTime = 0;
  const dosDate = (1 << 5) | 1;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const deflated = deflateRawSync(part.data, { level: 6 });
    const crc = crc32(part.data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(part.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt16LE(dosTime, 12);
    header.writeUInt16LE(dosDate, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(deflated.length, 20);
    header.writeUInt32LE(part.data.length, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    chunks.push(local, name, deflated);
    central.push(header, name);
    offset += local.length + name.length + deflated.length;
  }
  const dirSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
