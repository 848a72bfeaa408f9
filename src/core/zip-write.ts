/**
 * A .zip archive of text parts, written in plain JavaScript so that the Apps Script bundle can
 * build a whole .docx itself and hand it to Drive as one Blob. Every part is deflated
 * (compression method 8, deflate.ts): a long report's XML is megabytes, its archive a small
 * upload. Deterministic: a fixed 1980-01-01 timestamp, parts in the given order. Format: PKWARE
 * APPNOTE.TXT 6.3 (§4.3 local file header, central directory, end of central directory record;
 * §4.4.4 general purpose bit 11: names in UTF-8).
 */
import { deflateRaw } from "./deflate.js";

export interface TextPart {
  /** The part's path inside the archive, e.g. "word/document.xml". */
  readonly name: string;
  readonly text: string;
}

/** UTF-8 bytes of a string (a lone surrogate becomes U+FFFD, as TextEncoder does). */
export function utf8(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 3);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x80) out[n++] = code;
    else if (code < 0x800) {
      out[n++] = 0xc0 | (code >> 6);
      out[n++] = 0x80 | (code & 0x3f);
    } else if (code < 0x10000) {
      out[n++] = 0xe0 | (code >> 12);
      out[n++] = 0x80 | ((code >> 6) & 0x3f);
      out[n++] = 0x80 | (code & 0x3f);
    } else {
      // Two UTF-16 units became four bytes: within the three a unit reserved.
      out[n++] = 0xf0 | (code >> 18);
      out[n++] = 0x80 | ((code >> 12) & 0x3f);
      out[n++] = 0x80 | ((code >> 6) & 0x3f);
      out[n++] = 0x80 | (code & 0x3f);
    }
  }
  return out.slice(0, n);
}

const CRC_TABLE = ((): Uint32Array => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309, the zip format's checksum). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A part's bytes as stored: already deflated, with the checksum and size of the bytes before. */
interface Stored {
  readonly name: Uint8Array;
  readonly packed: Uint8Array;
  readonly crc: number;
  readonly size: number;
}

/** The compression the container is filled with: pure JavaScript here, Node's zlib locally. */
export interface ZipCodec {
  readonly deflateRaw: (data: Uint8Array) => Uint8Array;
  readonly crc32: (data: Uint8Array) => number;
}

const UTF8_NAMES = 0x0800;
const DEFLATED = 8;
const DOS_TIME = 0;
const DOS_DATE = (1 << 5) | 1; // 1980-01-01: fixed, so the same content gives the same bytes

/** A little-endian record of fixed fields. */
function record(fields: readonly (readonly [bytes: 2 | 4, value: number])[]): Uint8Array {
  const out = new Uint8Array(fields.reduce((n, [bytes]) => n + bytes, 0));
  let at = 0;
  for (const [bytes, value] of fields) {
    for (let k = 0; k < bytes; k++) out[at++] = (value >>> (8 * k)) & 0xff;
  }
  return out;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * The archive's bytes, every part deflated by `codec`, in the given order: the one container
 * writer of the project (the Apps Script report's .docx here, every file `mip` writes through
 * src/local/zip-pack.ts with zlib's codec).
 */
export function zipArchive(
  parts: readonly { readonly name: string; readonly data: Uint8Array }[],
  codec: ZipCodec = { deflateRaw, crc32 },
): Uint8Array {
  const stored: Stored[] = parts.map((part) => ({
    name: utf8(part.name),
    packed: codec.deflateRaw(part.data),
    crc: codec.crc32(part.data) >>> 0,
    size: part.data.length,
  }));
  const local: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const part of stored) {
    const common: [2 | 4, number][] = [
      [2, UTF8_NAMES],
      [2, DEFLATED],
      [2, DOS_TIME],
      [2, DOS_DATE],
      [4, part.crc],
      [4, part.packed.length],
      [4, part.size],
      [2, part.name.length],
    ];
    // §4.3.7 local file header: signature, version needed 2.0, …, extra length.
    local.push(record([[4, 0x04034b50], [2, 20], ...common, [2, 0]]), part.name, part.packed);
    // §4.3.12 central directory header: made by 2.0, needed 2.0, …, extra, comment, disk,
    // internal and external attributes, the local header's offset.
    central.push(
      record([[4, 0x02014b50], [2, 20], [2, 20], ...common, [2, 0], [2, 0], [2, 0], [2, 0], [4, 0], [4, offset]]),
      part.name,
    );
    offset += 30 + part.name.length + part.packed.length;
  }
  const directory = concat(central);
  // §4.3.16 end of central directory record.
  const end = record([
    [4, 0x06054b50],
    [2, 0],
    [2, 0],
    [2, parts.length],
    [2, parts.length],
    [4, directory.length],
    [4, offset],
    [2, 0],
  ]);
  return concat([...local, directory, end]);
}

/** The archive's bytes of text parts, deflated in JavaScript. */
export function zipParts(parts: readonly TextPart[]): Uint8Array {
  return zipArchive(parts.map((part) => ({ name: part.name, data: utf8(part.text) })));
}

/** Bytes as Java's signed bytes (-128…127): the Byte[] Apps Script's Utilities.newBlob takes. */
export function signedBytes(bytes: Uint8Array): number[] {
  const out = new Array<number>(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i]! > 127 ? bytes[i]! - 256 : bytes[i]!;
  return out;
}
