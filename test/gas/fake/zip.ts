/**
 * Zip archives as bytes (PKWARE APPNOTE 6.3: local headers, deflated data, central directory,
 * end record), for the fake's Utilities.zip: the archive a bundle builds is a real one that a
 * test (or the fake Drive's import) unzips.
 */
import { inflateRawSync } from "node:zlib";
import { packZip } from "../../../src/local/zip-pack.js";

export interface ZipEntry {
  readonly name: string;
  readonly bytes: Buffer;
}

/** The archive Utilities.zip returns: the same deterministic deflated zip the local writer packs. */
export function zipBytes(entries: readonly ZipEntry[]): Buffer {
  return packZip(entries.map((entry) => ({ name: entry.name, data: entry.bytes })));
}

/** The entries of a zip archive (stored or deflated), read synchronously. */
export function unzip(bytes: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error("not a zip archive");
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error("broken zip directory");
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}
