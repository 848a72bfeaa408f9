/**
 * Rich text in the fake Sheets: Range.getRichTextValues() and RichTextValue with link runs, for
 * cells holding a link under a label (a rich-text link, a smart chip, a HYPERLINK()). Installed
 * on FakeRange's prototype, so every fake range has it; set a cell up with `setRichText`.
 */
import { type CallCounter, counted, gas } from "./counter.js";
import { FakeRange, type FakeSheet } from "./spreadsheet.js";

type RichTextValue = GoogleAppsScript.Spreadsheet.RichTextValue;

export interface RichRun {
  text: string;
  link?: string | null;
}

export class FakeRichTextValue implements Pick<RichTextValue, "getText" | "getLinkUrl" | "getRuns"> {
  constructor(
    readonly _runs: readonly RichRun[],
    private readonly counter: CallCounter,
  ) {
    return counted(this, "RichTextValue", counter);
  }
  getText(): string {
    return this._runs.map((r) => r.text).join("");
  }
  /** The link of the whole text; null when there is none or the runs link to different places. */
  getLinkUrl(): string | null {
    const links = new Set(this._runs.map((r) => r.link ?? null));
    return links.size === 1 ? [...links][0]! : null;
  }
  getRuns(): RichTextValue[] {
    return gas(this._runs.map((r) => new FakeRichTextValue([r], this.counter)));
  }
}

const richCells = new WeakMap<FakeSheet, Map<string, RichRun[]>>();

/** Test set-up (uncounted): the cell shows the runs' text; getRichTextValues() gives the runs. */
export function setRichText(sheet: FakeSheet, row: number, col: number, runs: readonly RichRun[]): void {
  sheet._counter.paused(() => sheet.getRange(row, col).setValue(runs.map((r) => r.text).join("")));
  const cells = richCells.get(sheet) ?? new Map<string, RichRun[]>();
  cells.set(`${row}:${col}`, [...runs]);
  richCells.set(sheet, cells);
}

type WithRichText = Pick<GoogleAppsScript.Spreadsheet.Range, "getRichTextValues">;

(FakeRange.prototype as unknown as WithRichText).getRichTextValues = function (
  this: FakeRange,
): (RichTextValue | null)[][] {
  const out: (RichTextValue | null)[][] = [];
  for (let r = 0; r < this._numRows; r++) {
    const row: (RichTextValue | null)[] = [];
    for (let c = 0; c < this._numCols; c++) {
      const at = { row: this._row + r, col: this._col + c };
      const runs = richCells.get(this._sheet)?.get(`${at.row}:${at.col}`);
      const value = this._sheet._peek(at.row, at.col).value;
      // Sheets gives a RichTextValue for text cells only (null for numbers, dates, booleans).
      row.push(
        runs
          ? gas(new FakeRichTextValue(runs, this._sheet._counter))
          : typeof value === "string"
            ? gas(new FakeRichTextValue([{ text: value }], this._sheet._counter))
            : null,
      );
    }
    out.push(row);
  }
  return out;
};

const formulaCells = new WeakMap<FakeSheet, Map<string, string>>();

/** Test set-up (uncounted): a formula cell showing `shown` (Sheets' computed value); getFormulas() gives the formula. */
export function setFormula(sheet: FakeSheet, row: number, col: number, formula: string, shown: string): void {
  sheet._counter.paused(() => sheet.getRange(row, col).setValue(shown));
  const cells = formulaCells.get(sheet) ?? new Map<string, string>();
  cells.set(`${row}:${col}`, formula);
  formulaCells.set(sheet, cells);
}

type WithFormulas = Pick<GoogleAppsScript.Spreadsheet.Range, "getFormulas">;

(FakeRange.prototype as unknown as WithFormulas).getFormulas = function (this: FakeRange): string[][] {
  const out: string[][] = [];
  for (let r = 0; r < this._numRows; r++) {
    const row: string[] = [];
    // Sheets gives "" for a cell without a formula.
    for (let c = 0; c < this._numCols; c++)
      row.push(formulaCells.get(this._sheet)?.get(`${this._row + r}:${this._col + c}`) ?? "");
    out.push(row);
  }
  return out;
};
