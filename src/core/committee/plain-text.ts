/**
 * Formula safety for Google Sheets. A string written with setValues is parsed like typed
 * input: «=IMPORTXML(…)» becomes a formula, «+cmd», «-2+3» and «@SUM(1)» may too, and
 * «1-4» or «05.03» may turn into a date. Every string the dashboard writes is therefore
 * prefixed with an apostrophe — Sheets' quote prefix, which stores the rest as plain text and
 * is not part of the value (getValues returns the text without it). Numbers are written as
 * numbers; the .xlsx writer needs none of this (exceljs stores a string as a string).
 */

/** Characters that start a formula (or a formula-like entry) in spreadsheet input. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** True when text would be taken as a formula if typed into a cell. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text.trimStart());
}

/** A value ready for Range.setValues: strings always quote-prefixed, numbers as they are. */
export function sheetsPlainValue(value: string | number): string | number {
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  return value === "" ? "" : `'${value}`;
}

export function sheetsPlainRow(values: readonly (string | number)[]): (string | number)[] {
  return values.map(sheetsPlainValue);
}
