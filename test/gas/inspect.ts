/** Reading the fake back in tests without counting service calls. */
import type { FakeServices, FakeSheet, FakeSpreadsheet } from "./fake/index.js";

/** Values of a sheet as a trimmed 2D array (trailing empty rows and columns dropped). */
export function sheetValues(sheet: FakeSheet): unknown[][] {
  const rows = sheet._lastRow();
  const cols = sheet._lastCol();
  const out: unknown[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row: unknown[] = [];
    for (let c = 1; c <= cols; c++) {
      const v = sheet._peek(r, c).value;
      row.push(Object.prototype.toString.call(v) === "[object Date]" ? (v as Date).toISOString() : v);
    }
    out.push(row);
  }
  return out;
}

export function titles(ss: FakeSpreadsheet): string[] {
  return ss._sheets.map((s) => s._name);
}

export function note(sheet: FakeSheet, a1: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return sheet._peek(Number(m[2]), col).note;
}

export function cellAt(sheet: FakeSheet, a1: string) {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return {
    row: Number(m[2]),
    col,
    data: sheet._peek(Number(m[2]), col),
    background: sheet._effectiveBackground(Number(m[2]), col),
  };
}

export function lastAlert(fake: FakeServices): string {
  return fake.ui._alerts.at(-1)?.prompt ?? "";
}
