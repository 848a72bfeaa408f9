/**
 * The last step of every .xlsx and .docx `mip` writes: the package a library made is unpacked,
 * every XML part is cleaned of characters XML 1.0 cannot carry (control characters, U+FFFE,
 * U+FFFF, lone surrogates — a cell holding one would make Word and Excel refuse the whole
 * file), optional edits are applied, and the archive is packed again by the project's container
 * writer (src/core/zip-write.ts) with Node's zlib (native deflate: several times faster than the
 * libraries' pure-JS deflate on a large body).
 * Format: PKWARE APPNOTE.TXT §4.3; XML 1.0 §2.2 (Char).
 */
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import { type ZipCodec, zipArchive } from "../core/zip-write.js";
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

/** zlib's native deflate (level 6) and checksum in the project's one container writer. */
const ZLIB: ZipCodec = { deflateRaw: (data) => deflateRawSync(data, { level: 6 }), crc32: (data) => crc32(data) };

/** A .zip of the given parts, deflated (level 6) with zlib, in the given order. */
export function packZip(parts: readonly { readonly name: string; readonly data: Uint8Array }[]): Buffer {
  const bytes = zipArchive(parts, ZLIB);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
