/**
 * Reading values out of the parsed workbook for the report, over the one reader (cells.ts):
 * text as the validator reads it (an error cell is empty), counts as the validator accepts
 * them, list values matched the same way.
 */
import { printedText } from "../cells.js";
import type { Cell } from "../grid.js";
import { readPercentResult } from "../numbers.js";
import type { ConclusionKey, ColumnKey, GeneralKey, TableTabKey } from "../schema.js";
import type { TableRow, Workbook } from "../workbook.js";

export const generalText = (wb: Workbook, key: GeneralKey): string =>
  printedText(wb.kv.general.fields[key]?.value ?? null);
export const conclusionText = (wb: Workbook, key: ConclusionKey): string =>
  printedText(wb.kv.conclusions.fields[key]?.value ?? null);

/** Rows of a table tab (empty when the tab is missing). */
export function rowsOf<K extends TableTabKey>(wb: Workbook, key: K): readonly TableRow<K>[] {
  return wb.tables[key]?.rows ?? [];
}

/** The text of one cell of a row («» for a lone dash, which then prints «—» like an empty cell). */
export function printedAt<K extends TableTabKey>(row: TableRow<K>, key: ColumnKey<K>): string {
  return printedText(row.cells[key]);
}

/** Counts and list values exactly as the validator reads them (the one reader, cells.ts). */
export { countOf, enumValue } from "../cells.js";

/**
 * A percentage cell as text: 0.25 → «25 %», 25 → «25 %», "25%" → «25 %»; a value the validator
 * cannot read as a percentage prints as written, an error cell prints nothing.
 */
export function percentText(cell: Cell | undefined): string {
  const read = readPercentResult(cell ?? null);
  if (read !== null && read.ok) return `${String(Math.round(read.value * 10) / 10).replace(".", ",")} %`;
  return printedText(cell);
}
