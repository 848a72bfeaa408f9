/**
 * The largest merge or validation range of a workbook, found in its XML without a library:
 * exceljs (used to upgrade a workbook in place) expands both cell by cell, so a dropdown or a
 * merge over the whole sheet (A1:XFD1048576, what «select all» makes) would take minutes and
 * gigabytes. The bounded reader (xlsx-read.ts) never expands them; this check guards exceljs.
 */
import { inflateBounded, zipEntries } from "./zip-entries.js";

/** More cells than this in one merge or validation range are not worth expanding. */
const MAX_EXPANDED_CELLS = 200_000;

const letters = (col: string): number => [...col].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** Cells in «A1», «A1:C3», «A:A» or «1:1» (whole columns and rows count the sheet's full size). */
function areaOf(ref: string): number {
  const [from = "", to = from] = ref.split(":");
  const part = (a: string) => {
    const m = /^\$?([A-Z]*)\$?(\d*)$/.exec(a.toUpperCase());
    return m ? { col: m[1] ? letters(m[1]) : null, row: m[2] ? Number(m[2]) : null } : null;
  };
  const a = part(from);
  const b = part(to);
  if (!a || !b) return 0;
  const cols = a.col === null || b.col === null ? 16384 : Math.abs(b.col - a.col) + 1;
  const rows = a.row === null || b.row === null ? 1048576 : Math.abs(b.row - a.row) + 1;
  return cols * rows;
}

/** The largest merge or dropdown range over all sheets (null when none is larger than the limit). */
export function oversizedRange(bytes: Uint8Array): { kind: "merge" | "validation"; ref: string } | null {
  for (const entry of zipEntries(bytes)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) continue;
    const xml = inflateBounded(bytes, entry)?.toString("utf8") ?? "";
    for (const m of xml.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref="([^"]+)"/g)) {
      if (areaOf(m[1]!) > MAX_EXPANDED_CELLS) return { kind: "merge", ref: m[1]! };
    }
    for (const m of xml.matchAll(/<(?:\w+:)?dataValidation\b[^>]*\bsqref="([^"]+)"/g)) {
      for (const ref of m[1]!.split(/\s+/)) if (areaOf(ref) > MAX_EXPANDED_CELLS) return { kind: "validation", ref };
    }
  }
  return null;
}
