/**
 * Workbooks that repeat one another. A school may send the project's workbook renamed, or a
 * committee folder may hold the same workbook twice: the same plan rows and events, whatever
 * the organisation's name on it. The first of a set keeps its figures; every later one gets
 * the state «Копия другой таблицы: {организация}» and is not added to the totals — one
 * project counted once.
 */
import { foldEnum } from "../fold.js";
import type { Workbook } from "../workbook.js";
import { printedAt, rowsOf } from "../report/read.js";
import type { SchoolRecord } from "./school.js";
import { copyState, stateHasFigures } from "./states.js";

/** A 53-bit string hash (cyrb53): short enough for the digest's Свод cell, collisions negligible here. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * What makes a workbook the same project's: its plan rows and its events, compared folded.
 * "" for a workbook with neither (two empty templates are not copies of each other).
 */
export function projectFingerprint(wb: Workbook): string {
  const lines = [
    ...rowsOf(wb, "plan").map((r) =>
      ["plan", printedAt(r, "no"), printedAt(r, "activity"), printedAt(r, "term"), printedAt(r, "fact")].join("|"),
    ),
    ...rowsOf(wb, "dissemination").map((r) =>
      ["dis", printedAt(r, "kind"), printedAt(r, "name"), printedAt(r, "date")].join("|"),
    ),
    ...rowsOf(wb, "internal_events").map((r) =>
      ["int", printedAt(r, "kind"), printedAt(r, "name"), printedAt(r, "date")].join("|"),
    ),
    ...rowsOf(wb, "contests").map((r) => ["con", printedAt(r, "name"), printedAt(r, "participants")].join("|")),
  ];
  const significant = lines.filter((l) => l.replace(/^\w+/u, "").replace(/\|/gu, "") !== "");
  return significant.length === 0 ? "" : hash(foldEnum(significant.join("\n")));
}

/** The records with every later copy of an earlier one marked (see the module comment). */
export function markCopies(records: readonly SchoolRecord[]): SchoolRecord[] {
  const first = new Map<string, SchoolRecord>();
  return records.map((record) => {
    const fingerprint = record.digest?.fingerprint ?? "";
    if (fingerprint === "" || !stateHasFigures(record.state)) return record;
    const original = first.get(fingerprint);
    if (!original) {
      first.set(fingerprint, record);
      return record;
    }
    return { ...record, state: copyState(original.organisation) };
  });
}
