/**
 * What every document reads: the workbook with each value the check marks as an error left
 * out. One rule for all of them — the report, the справка, the committee's digest and the
 * metrics `mip validate --json` prints — so a value with an error is in no count of any of
 * them, and a draft's appendix names it instead. The cell an error finding points at is
 * emptied (an error about a row or a whole tab points at no cell and empties nothing); a
 * spreadsheet error in a cell is an error finding too (TPL_CELL_ERROR). The report also
 * leaves out formula text it cannot print (report/printable.ts). The input is not changed.
 *
 * A few errors are not about the value itself: a repeated row (its value is right, the one
 * reader already counts it once — emptying a cell would make it a second, different row) and
 * a conclusion longer than the form allows (the text is the school's; the limit is the form's).
 */
import type { Cell } from "./grid.js";
import type { Issue, RuleId } from "./issues.js";
import { columnLetter } from "./schema-lookup.js";
import type { Workbook } from "./workbook.js";

/** Errors whose cell keeps its value (see the module comment). */
const VALUE_KEPT: ReadonlySet<RuleId> = new Set<RuleId>([
  "PLAN_NUMBER_DUPLICATE",
  "ORG_DUPLICATE",
  "MENT_DUPLICATE_PAIR",
  "GEN_CONCLUSION_TOO_LONG",
]);

/** «Наставничество!F12» for every error finding that points at one cell whose value it rejects. */
function errorCells(issues: readonly Issue[]): Set<string> {
  return new Set(
    issues
      .filter((i) => i.severity === "error" && i.cell && !VALUE_KEPT.has(i.rule))
      .map((i) => `${i.sheet}!${i.cell}`),
  );
}

/** The rows (1-based) holding a flagged cell, by tab title: «Наставничество!F12» → 12. */
function flaggedRowsByTab(flagged: ReadonlySet<string>): Map<string, Set<number>> {
  const rows = new Map<string, Set<number>>();
  for (const address of flagged) {
    const at = address.lastIndexOf("!");
    const title = address.slice(0, at);
    const row = Number(/\d+$/.exec(address.slice(at + 1))?.[0]);
    const set = rows.get(title) ?? new Set<number>();
    set.add(row);
    rows.set(title, set);
  }
  return rows;
}

/**
 * Only what holds a flagged cell is copied: a tab or a row without one is the input's own
 * (never changed), and with no flagged cell at all the workbook itself is readable as it is.
 */
export function readableWorkbook(wb: Workbook, issues: readonly Issue[]): Workbook {
  const flagged = errorCells(issues);
  if (flagged.size === 0) return wb;
  const rowsByTab = flaggedRowsByTab(flagged);
  const keep = (sheet: string, address: string | null, cell: Cell): Cell =>
    address !== null && flagged.has(`${sheet}!${address}`) ? null : cell;
  const tables = Object.fromEntries(
    Object.entries(wb.tables).map(([key, table]) => {
      const flaggedRows = rowsByTab.get(table.title);
      if (!flaggedRows) return [key, table];
      const letters = Object.fromEntries(
        Object.entries(table.columnIndex as Record<string, number>).map(([k, i]) => [
          k,
          i >= 0 ? columnLetter(i) : null,
        ]),
      );
      return [
        key,
        {
          ...table,
          rows: table.rows.map((row) =>
            !flaggedRows.has(row.row)
              ? row
              : {
                  ...row,
                  cells: Object.fromEntries(
                    Object.entries(row.cells).map(([k, v]) => [
                      k,
                      keep(table.title, letters[k] ? `${letters[k]}${row.row}` : null, v as Cell),
                    ]),
                  ),
                },
          ),
        },
      ];
    }),
  );
  // A key-value tab's value is in column B, beside its label.
  const kv = Object.fromEntries(
    Object.entries(wb.kv).map(([key, tab]) => [
      key,
      !rowsByTab.has(tab.title)
        ? tab
        : {
            ...tab,
            fields: Object.fromEntries(
              Object.entries(tab.fields).map(([k, field]) => [
                k,
                { ...field, value: keep(tab.title, field.row === null ? null : `B${field.row}`, field.value) },
              ]),
            ),
          },
    ]),
  );
  return { ...wb, tables: tables as unknown as Workbook["tables"], kv: kv as unknown as Workbook["kv"] };
}

const cache = new WeakMap<object, Workbook>();

/**
 * The readable workbook of a validated one (see the module comment), made once per result.
 * Typed structurally so this module needs nothing of validate.ts.
 */
export function readableOf(result: { readonly workbook: Workbook; readonly issues: readonly Issue[] }): Workbook {
  const known = cache.get(result);
  if (known) return known;
  const readable = readableWorkbook(result.workbook, result.issues);
  cache.set(result, readable);
  return readable;
}

/** The result as the documents read it: the same findings and context, the readable workbook. */
export function asRead<R extends { readonly workbook: Workbook; readonly issues: readonly Issue[] }>(result: R): R {
  return { ...result, workbook: readableOf(result) };
}
