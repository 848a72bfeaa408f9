/**
 * Upgrading an older workbook to this template version, planned in pure code so the add-on
 * («Создать / обновить шаблон») and `mip template --upgrade` do the same thing.
 *
 * A column a later version added (ColumnDef.since) belongs at the right end of the older
 * columns. Where the old workbook has nothing there, its header is simply written; where the
 * user put a column of their own there (the template allows extra columns at the right end),
 * a blank column is inserted before it, so the user's column moves right whole and keeps
 * every value. Key-value tabs only gain labels at the end. Nothing is ever deleted.
 */
import { fold } from "./fold.js";
import type { TableTabDef } from "./schema.js";

/** «1» < «2» < «2.1»; an unknown version counts as older than every version. */
export function versionBefore(a: string | null, b: string): boolean {
  if (a === null) return true;
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? 0;
    const y = pb[i] ?? 0;
    if (Number.isNaN(x) || Number.isNaN(y)) return false;
    if (x !== y) return x < y;
  }
  return false;
}

export interface ColumnInsert {
  /** 0-based position the blank column takes (the user's column there moves right). */
  readonly at: number;
  readonly header: string;
}

/**
 * The blank columns to insert, left to right, each position counted after the inserts
 * before it. `headers` is the tab's header row as it is; `fromVersion` the workbook's
 * recorded version (null: unknown).
 */
export function planColumnInserts(
  tab: TableTabDef,
  headers: readonly string[],
  fromVersion: string | null,
): ColumnInsert[] {
  const current = headers.map((h) => fold(String(h ?? "").trim()));
  const known = new Set(tab.columns.map((c) => fold(c.header)));
  const inserts: ColumnInsert[] = [];
  tab.columns.forEach((col, i) => {
    const here = current[i] ?? "";
    if (here === fold(col.header) || here === "") return;
    if (!col.since || !versionBefore(fromVersion, col.since)) return;
    // Present elsewhere (moved by the user): not ours to fix here.
    if (current.includes(fold(col.header))) return;
    if (known.has(here)) return;
    current.splice(i, 0, fold(col.header));
    inserts.push({ at: i, header: col.header });
  });
  return inserts;
}
