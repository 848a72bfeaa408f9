/**
 * The neutral grid model: what a spreadsheet tab looks like to the core, whichever
 * adapter read it (.xlsx locally, SpreadsheetApp in Apps Script). Dates are calendar
 * dates without a time zone, so a cell typed as 05.03.2022 stays 05.03.2022 everywhere.
 */

/** A date cell: ISO calendar date `YYYY-MM-DD`. */
export interface DateCell {
  readonly kind: "date";
  readonly iso: string;
}

/** A spreadsheet error such as `#REF!`. */
export interface ErrorCell {
  readonly kind: "error";
  readonly code: string;
}

export type Cell = null | string | number | boolean | DateCell | ErrorCell;

export interface TabGrid {
  readonly title: string;
  /** rows[0] is sheet row 1 (the header row). Rows may be ragged. */
  readonly rows: readonly (readonly Cell[])[];
}

export interface WorkbookGrid {
  readonly tabs: readonly TabGrid[];
  /** Template version recorded in the workbook (developer metadata / hidden property). */
  readonly templateVersion?: string | null;
}

export const dateCell = (iso: string): DateCell => ({ kind: "date", iso });
export const errorCell = (code: string): ErrorCell => ({ kind: "error", code });

export function isDateCell(cell: Cell | undefined): cell is DateCell {
  return typeof cell === "object" && cell !== null && cell.kind === "date";
}

export function isErrorCell(cell: Cell | undefined): cell is ErrorCell {
  return typeof cell === "object" && cell !== null && cell.kind === "error";
}

/** Recognised spreadsheet error codes (Google Sheets and Excel spellings). */
export const ERROR_CODES = [
  "#REF!",
  "#N/A",
  "#VALUE!",
  "#DIV/0!",
  "#NAME?",
  "#ERROR!",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
];

/** ISO date → `05.03.2022`. */
export function isoToRu(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}.${m}.${y}`;
}

/** The text a person sees in a cell (trimmed); empty string for an empty cell. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell).replace(".", ",") : "";
  if (typeof cell === "boolean") return cell ? "ИСТИНА" : "ЛОЖЬ";
  if (cell.kind === "date") return isoToRu(cell.iso);
  return cell.code;
}

/** Whether cellText would be empty, without formatting the value (read for every cell of every row). */
export function isEmptyCell(cell: Cell | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  switch (typeof cell) {
    case "string":
      return cell.trim() === "";
    case "number":
      return !Number.isFinite(cell);
    case "boolean":
      return false;
    default:
      // A date always prints as ДД.ММ.ГГГГ; an error prints its code.
      return cell.kind === "date" ? false : cell.code === "";
  }
}

export function isEmptyRow(row: readonly Cell[] | undefined): boolean {
  return !row || row.every((c) => isEmptyCell(c));
}

/** Spreadsheet serial number (1900 date system, as Sheets and Excel) → ISO date. */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const ms = Math.round((Math.floor(serial) - 25569) * 86400000);
  const d = new Date(ms);
  return d.toISOString().slice(0, 10);
}

/** ISO date → spreadsheet serial number. */
export function isoToSerial(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86400000 + 25569;
}
