/**
 * What the report may print of a cell. A spreadsheet error (#REF!, #N/A …) or the text of a
 * formula («=ВПР(…)», «=A1») is never data: the report prints the cell as empty («—») and the
 * draft's appendix lists the error the validator found. Done once on the whole workbook, so
 * every reader of the report (tables, names, the title) sees the same cleaned values.
 */
import { type Cell, ERROR_CODES, isErrorCell } from "../grid.js";
import type { Workbook } from "../workbook.js";

const ERROR_TEXT = new Set(ERROR_CODES.map((code) => code.toUpperCase()));
/** «=SUM(A1:B2)», «=A1», «=ВПР(…)», «=Лист1!B2»; a lone «=» or «= 5 баллов» typed as text is kept. */
const FORMULA = /^=\s*(?:[A-Za-zА-Яа-яЁё_][\w.А-Яа-яЁё]*\s*\(|\$?[A-Za-z]{1,3}\$?\d+\b|'?[\wА-Яа-яЁё ]+'?!)/u;

/** True when a cell holds an error or formula text rather than a value. */
function isUnprintable(cell: Cell | undefined): boolean {
  if (isErrorCell(cell)) return true;
  if (typeof cell !== "string") return false;
  const text = cell.trim();
  return ERROR_TEXT.has(text.toUpperCase()) || FORMULA.test(text);
}

const clean = (cell: Cell): Cell => (isUnprintable(cell) ? null : cell);

/** The workbook with every unprintable cell emptied (a copy; the input is not changed). */
export function printableWorkbook(wb: Workbook): Workbook {
  const tables = Object.fromEntries(
    Object.entries(wb.tables).map(([key, table]) => [
      key,
      {
        ...table,
        rows: table.rows.map((row) => ({
          ...row,
          cells: Object.fromEntries(Object.entries(row.cells).map(([k, v]) => [k, clean(v as Cell)])),
        })),
      },
    ]),
  );
  const kv = Object.fromEntries(
    Object.entries(wb.kv).map(([key, tab]) => [
      key,
      {
        ...tab,
        fields: Object.fromEntries(
          Object.entries(tab.fields).map(([k, field]) => [k, { ...field, value: clean(field.value) }]),
        ),
      },
    ]),
  );
  return { ...wb, tables: tables as unknown as Workbook["tables"], kv: kv as unknown as Workbook["kv"] };
}
