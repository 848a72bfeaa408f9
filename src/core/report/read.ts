/** Reading values out of the parsed workbook for the report: text as the user sees it, counts, enum values. */
import { foldEnum } from "../fold.js";
import { type Cell, cellText } from "../grid.js";
import { isEmptyText } from "./model.js";
import { type ConclusionKey, type ColumnKey, type EnumName, type GeneralKey, type TableTabKey, ENUMS } from "../schema.js";
import { orgIndexOf } from "../rules/orgs.js";
import { orgKey } from "../rules/read.js";
import type { TableRow, Workbook } from "../workbook.js";

/** Visible text of a cell for printing: a lone dash («-», «–», «—») typed to mean «nothing» reads as empty. */
function printedText(cell: Cell | undefined): string {
  const text = cellText(cell);
  return isEmptyText(text) ? "" : text;
}

export const generalText = (wb: Workbook, key: GeneralKey): string => printedText(wb.kv.general.fields[key]?.value ?? null);
export const conclusionText = (wb: Workbook, key: ConclusionKey): string => printedText(wb.kv.conclusions.fields[key]?.value ?? null);

/** Rows of a table tab (empty when the tab is missing). */
export function rowsOf<K extends TableTabKey>(wb: Workbook, key: K): readonly TableRow<K>[] {
  return (wb.tables[key]?.rows ?? []);
}

/** The text of one cell of a row («» for a lone dash, which then prints «—» like an empty cell). */
export function textOf<K extends TableTabKey>(row: TableRow<K>, key: ColumnKey<K>): string {
  return printedText(row.cells[key]);
}

/**
 * A count as people write it: 7, "7", "7 чел.", "12,5" → number; anything else → null.
 * Used only for sums the report prints; the validator reports the bad values.
 */
export function countOf(cell: Cell | undefined): number | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  const m = /^\s*(\d+(?:[.,]\d+)?)/u.exec(cellText(cell));
  return m?.[1] ? Number(m[1].replace(",", ".")) : null;
}

/** The list value a cell matches (dash and case variants accepted), or null. */
export function enumValue(cell: Cell | undefined, name: EnumName): string | null {
  const folded = foldEnum(cellText(cell));
  if (folded === "") return null;
  return ENUMS[name].find((v) => foldEnum(v) === folded) ?? null;
}

/**
 * Distinct values in first-seen order, compared by `key` (folded by default); keeps the first
 * spelling. Values whose key is empty are dropped.
 */
export function distinct(values: readonly string[], key: (value: string) => string = foldEnum): string[] {
  const seen = new Map<string, string>();
  for (const v of values) {
    const k = key(v);
    if (k !== "" && !seen.has(k)) seen.set(k, v);
  }
  return [...seen.values()];
}

/**
 * Distinct organisation names, each resolved to its name on the «Организации» tab with the
 * validator's matcher (so «СОШ №4» is the listed «МОУ «СОШ № 4»»); unlisted names stay as written.
 */
export function distinctOrgs(wb: Workbook, names: readonly string[]): string[] {
  const orgs = orgIndexOf(rowsOf(wb, "orgs"));
  return distinct(
    names.map((n) => orgs.canonical(n.trim())),
    orgKey,
  );
}

/** A percentage cell as text: 0.25 → «25 %», 25 → «25 %», "25%" stays as written. */
export function percentText(cell: Cell | undefined): string {
  if (typeof cell === "number" && Number.isFinite(cell)) {
    const value = cell <= 1 ? cell * 100 : cell;
    return `${String(Math.round(value * 10) / 10).replace(".", ",")} %`;
  }
  return cellText(cell);
}
