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

/** A little-endian byte writer over a growing array. */
class Writer {
  readonly bytes: number[] = [];
  u16(v: number): void {
    this.bytes.push(v & 0xff, (v >>> 8) & 0xff);
  }
  u32(v: number): void {
    this.bytes.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
  }
  raw(data: Uint8Array): void {
    for (let i = 0; i < data.length; i++) this.bytes.push(data[i]!);
  }
}

const UTF8_NAMES = 0x0800;
const DEFLATED = 8;
const DOS_TIME = 0;
const DOS_DATE = (1 << 5) | 1; // 1980-01-01

/** The archive's bytes: every part deflated, in order. */
export function zipParts(parts: readonly TextPart[]): Uint8Array {
  const out = new Writer();
  const central = new Writer();
  for (const part of parts) {
    const name = utf8(part.name);
    const data = utf8(part.text);
    const crc = crc32(data);
    const packed = deflateRaw(data);
    const offset = out.bytes.length;
    out.u32(0x04034b50);
    out.u16(20); // version needed: 2.0
    out.u16(UTF8_NAMES);
    out.u16(DEFLATED);
    out.u16(DOS_TIME);
    out.u16(DOS_DATE);
    out.u32(crc);
    out.u32(packed.length);
    out.u32(data.length);
    out.u16(name.length);
    out.u16(0);
    out.raw(name);
    out.raw(packed);
    central.u32(0x02014b50);
    central.u16(20); // made by: 2.0
    central.u16(20);
    central.u16(UTF8_NAMES);
    central.u16(DEFLATED);
    central.u16(DOS_TIME);
    central.u16(DOS_DATE);
    central.u32(crc);
    central.u32(packed.length);
    central.u32(data.length);
    central.u16(name.length);
    central.u16(0); // extra
    central.u16(0); // comment
    central.u16(0); // disk
    central.u16(0); // internal attributes
    central.u32(0); // external attributes
    central.u32(offset);
    central.raw(name);
  }
  const directoryAt = out.bytes.length;
  const directory = Uint8Array.from(central.bytes);
  out.raw(directory);
  out.u32(0x06054b50);
  out.u16(0);
  out.u16(0);
  out.u16(parts.length);
  out.u16(parts.length);
  out.u32(directory.length);
  out.u32(directoryAt);
  out.u16(0);
  return Uint8Array.from(out.bytes);
}

/** Bytes as Java's signed bytes (-128…127): the Byte[] Apps Script's Utilities.newBlob takes. */
export function signedBytes(bytes: Uint8Array): number[] {
  const out = new Array<number>(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i]! > 127 ? bytes[i]! - 256 : bytes[i]!;
  return out;
}
