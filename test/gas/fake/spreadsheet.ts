/**
 * In-memory SpreadsheetApp: spreadsheets, sheets and ranges with values, display values,
 * backgrounds, notes, font weights, number formats, data validation, protection, developer
 * metadata, conditional format rules, frozen rows and column widths. Each class implements a
 * Pick of the real @types/google-apps-script interface, so a wrong signature fails `tsc`.
 */
import { columnLetter } from "../../../src/core/schema-lookup.js";
import { type CallCounter, NO_ACCESS, counted, gas } from "./counter.js";

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const WHITE = "#ffffff";

interface CellData {
  value: unknown;
  background: string;
  note: string;
  fontWeight: "bold" | "normal";
  numberFormat: string;
  validation: FakeDataValidation | null;
}

const blankCell = (): CellData => ({
  value: "",
  background: WHITE,
  note: "",
  fontWeight: "normal",
  numberFormat: "",
  validation: null,
});

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === "[object Date]";

/** Normalises what a script writes into what Sheets stores: Dates stay, numbers, booleans, text. */
function storedValue(v: unknown): unknown {
  if (v === null || v === undefined) return "";
  if (isDate(v)) return new Date(v.getTime());
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

/** What a person sees: dates as 05.03.2022 in the spreadsheet's zone, numbers with a comma. */
function displayValue(v: unknown, timeZone: string, numberFormat: string): string {
  if (v === "" || v === null || v === undefined) return "";
  if (isDate(v)) {
    const parts = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).formatToParts(v);
    const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
    return `${get("day")}.${get("month")}.${get("year")}`;
  }
  if (typeof v === "number") return numberFormat === "@" ? String(v) : String(v).replace(".", ",");
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** 1-based column → letters (1 → A). */
const columnLetters = (col: number): string => columnLetter(col - 1);

export function parseA1(a1: string): { row: number; col: number; numRows: number; numCols: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(a1.trim());
  if (!m) throw new Error(`Exception: Range not found: ${a1}`);
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const r1 = Number(m[2]);
  const c1 = col(m[1]!);
  const r2 = m[4] ? Number(m[4]) : r1;
  const c2 = m[3] ? col(m[3]) : c1;
  return {
    row: Math.min(r1, r2),
    col: Math.min(c1, c2),
    numRows: Math.abs(r2 - r1) + 1,
    numCols: Math.abs(c2 - c1) + 1,
  };
}

export class FakeDataValidation implements Pick<
  GoogleAppsScript.Spreadsheet.DataValidation,
  "getAllowInvalid" | "getCriteriaValues" | "getHelpText" | "getCriteriaType"
> {
  constructor(
    readonly _values: readonly string[],
    readonly _showDropdown: boolean,
    readonly _allowInvalid: boolean,
    readonly _helpText: string,
  ) {}
  getAllowInvalid(): boolean {
    return this._allowInvalid;
  }
  getCriteriaValues(): any[] {
    return [[...this._values], this._showDropdown];
  }
  getHelpText(): string {
    return this._helpText;
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return gas("VALUE_IN_LIST");
  }
  _json() {
    return { values: [...this._values], allowInvalid: this._allowInvalid, helpText: this._helpText };
  }
}

export class FakeDataValidationBuilder implements Pick<
  GoogleAppsScript.Spreadsheet.DataValidationBuilder,
  "requireValueInList" | "setAllowInvalid" | "setHelpText" | "build"
> {
  private values: string[] = [];
  private showDropdown = true;
  private allowInvalid = true;
  private helpText = "";
  constructor(private readonly counter: CallCounter) {
    return counted(this, "DataValidationBuilder", counter);
  }
  requireValueInList(values: string[], showDropdown?: boolean): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.values = [...values];
    this.showDropdown = showDropdown ?? true;
    return gas(this);
  }
  setAllowInvalid(allowInvalidData: boolean): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.allowInvalid = allowInvalidData;
    return gas(this);
  }
  setHelpText(helpText: string): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.helpText = helpText;
    return gas(this);
  }
  build(): GoogleAppsScript.Spreadsheet.DataValidation {
    return gas(
      counted(
        new FakeDataValidation(this.values, this.showDropdown, this.allowInvalid, this.helpText),
        "DataValidation",
        this.counter,
      ),
    );
  }
}

export class FakeBooleanCondition implements Pick<
  GoogleAppsScript.Spreadsheet.BooleanCondition,
  "getCriteriaValues" | "getBackground"
> {
  constructor(
    readonly _formula: string,
    readonly _background: string,
  ) {}
  getCriteriaValues(): any[] {
    return [this._formula];
  }
  getBackground(): string | null {
    return this._background || null;
  }
}

export class FakeConditionalFormatRule implements Pick<
  GoogleAppsScript.Spreadsheet.ConditionalFormatRule,
  "getRanges" | "getBooleanCondition"
> {
  constructor(
    readonly _ranges: FakeRange[],
    readonly _condition: FakeBooleanCondition,
  ) {}
  getRanges(): Range[] {
    return gas(this._ranges);
  }
  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    return gas(this._condition);
  }
  _json() {
    return {
      ranges: this._ranges.map((r) => r._a1()),
      formula: this._condition._formula,
      background: this._condition._background,
    };
  }
}

export class FakeConditionalFormatRuleBuilder implements Pick<
  GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder,
  "whenFormulaSatisfied" | "setBackground" | "setRanges" | "build"
> {
  private formula = "";
  private background = "";
  private ranges: FakeRange[] = [];
  constructor(private readonly counter: CallCounter) {
    return counted(this, "ConditionalFormatRuleBuilder", counter);
  }
  whenFormulaSatisfied(formula: string): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    this.formula = formula;
    return gas(this);
  }
  setBackground(color: string | null): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    this.background = color ?? "";
    return gas(this);
  }
  setRanges(ranges: Range[]): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    this.ranges = ranges as unknown as FakeRange[];
    return gas(this);
  }
  build(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
    const rule = new FakeConditionalFormatRule(
      [...this.ranges],
      new FakeBooleanCondition(this.formula, this.background),
    );
    return gas(counted(rule, "ConditionalFormatRule", this.counter));
  }
}

/** Formulas the fake can evaluate for conditional formatting: constant-true ones like `=N("…")=0` or `=TRUE`. */
export function formulaAlwaysTrue(formula: string): boolean {
  return /^=\s*(TRUE(\(\))?|N\("[^"]*"\)\s*=\s*0)\s*$/i.test(formula);
}

export class FakeProtection implements Pick<
  GoogleAppsScript.Spreadsheet.Protection,
  "setWarningOnly" | "isWarningOnly" | "setDescription" | "getDescription" | "getRange" | "remove"
> {
  private warningOnly = false;
  private description = "";
  constructor(
    private readonly sheet: FakeSheet,
    readonly _range: FakeRange,
  ) {}
  setWarningOnly(warningOnly: boolean): GoogleAppsScript.Spreadsheet.Protection {
    this.warningOnly = warningOnly;
    return gas(this);
  }
  isWarningOnly(): boolean {
    return this.warningOnly;
  }
  setDescription(description: string): GoogleAppsScript.Spreadsheet.Protection {
    this.description = description;
    return gas(this);
  }
  getDescription(): string {
    return this.description;
  }
  getRange(): Range {
    return gas(this._range);
  }
  remove(): void {
    this.sheet._protections = this.sheet._protections.filter((p) => p !== (this as unknown));
  }
  _json() {
    return { range: this._range._a1(), warningOnly: this.warningOnly, description: this.description };
  }
}

export class FakeDeveloperMetadata implements Pick<
  GoogleAppsScript.Spreadsheet.DeveloperMetadata,
  "getKey" | "getValue" | "setValue" | "remove" | "getVisibility"
> {
  constructor(
    private readonly owner: { _metadata: FakeDeveloperMetadata[] },
    private readonly key: string,
    private value: string | null,
    private readonly visibility: string,
  ) {}
  getKey(): string {
    return this.key;
  }
  getValue(): string | null {
    return this.value;
  }
  setValue(value: string): GoogleAppsScript.Spreadsheet.DeveloperMetadata {
    this.value = value;
    return gas(this);
  }
  remove(): void {
    this.owner._metadata = this.owner._metadata.filter((m) => m !== (this as unknown));
  }
  getVisibility(): GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility {
    return gas(this.visibility);
  }
  _json() {
    return { key: this.key, value: this.value, visibility: this.visibility };
  }
}

type RangeMethods =
  | "getValues"
  | "setValues"
  | "getDisplayValues"
  | "getValue"
  | "setValue"
  | "getBackgrounds"
  | "setBackgrounds"
  | "setBackground"
  | "getNotes"
  | "setNotes"
  | "getNote"
  | "setNote"
  | "getFontWeights"
  | "setFontWeight"
  | "setFontWeights"
  | "getNumberFormats"
  | "setNumberFormat"
  | "setDataValidation"
  | "getDataValidation"
  | "getDataValidations"
  | "protect"
  | "activate"
  | "getRow"
  | "getColumn"
  | "getLastRow"
  | "getLastColumn"
  | "getNumRows"
  | "getNumColumns"
  | "getSheet"
  | "getA1Notation"
  | "clearContent";

export class FakeRange implements Pick<Range, RangeMethods> {
  constructor(
    readonly _sheet: FakeSheet,
    readonly _row: number,
    readonly _col: number,
    readonly _numRows: number,
    readonly _numCols: number,
    counter: CallCounter,
  ) {
    if (_row < 1 || _col < 1 || _numRows < 1 || _numCols < 1)
      throw new Error("Exception: The starting row/column of the range is too small, or the range is empty.");
    if (_row + _numRows - 1 > _sheet._maxRows || _col + _numCols - 1 > _sheet._maxCols)
      throw new Error("Exception: The coordinates of the range are outside the dimensions of the sheet.");
    return counted(this, "Range", counter);
  }

  _a1(): string {
    const first = `${columnLetters(this._col)}${this._row}`;
    if (this._numRows === 1 && this._numCols === 1) return first;
    return `${first}:${columnLetters(this._col + this._numCols - 1)}${this._row + this._numRows - 1}`;
  }

  _contains(row: number, col: number): boolean {
    return row >= this._row && row < this._row + this._numRows && col >= this._col && col < this._col + this._numCols;
  }

  private _map<T>(pick: (cell: CellData) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this._numRows; r++) {
      const row: T[] = [];
      for (let c = 0; c < this._numCols; c++) row.push(pick(this._sheet._peek(this._row + r, this._col + c)));
      out.push(row);
    }
    return out;
  }

  private _write<T>(grid: T[][], put: (cell: CellData, v: T) => void, what: string): void {
    if (
      !Array.isArray(grid) ||
      grid.length !== this._numRows ||
      grid.some((r) => !Array.isArray(r) || r.length !== this._numCols)
    ) {
      const rows = Array.isArray(grid) ? grid.length : 0;
      const cols = Array.isArray(grid) && Array.isArray(grid[0]) ? grid[0].length : 0;
      throw new Error(
        `Exception: The number of rows or columns in the ${what} does not match ` +
          `the range. The data has ${rows} rows but the range has ${this._numRows}` +
          (rows === this._numRows ? `; data has ${cols} columns but the range has ${this._numCols}.` : "."),
      );
    }
    for (let r = 0; r < this._numRows; r++)
      for (let c = 0; c < this._numCols; c++) put(this._sheet._cell(this._row + r, this._col + c), grid[r]![c]!);
  }

  private _fill(put: (cell: CellData) => void): void {
    for (let r = 0; r < this._numRows; r++)
      for (let c = 0; c < this._numCols; c++) put(this._sheet._cell(this._row + r, this._col + c));
  }

  getValues(): any[][] {
    return this._map((cell) => (isDate(cell.value) ? new Date(cell.value.getTime()) : cell.value));
  }
  setValues(values: any[][]): Range {
    this._write(values, (cell, v) => (cell.value = storedValue(v)), "data");
    return gas(this);
  }
  getDisplayValues(): string[][] {
    const tz = this._sheet._parent._timeZone;
    return this._map((cell) => displayValue(cell.value, tz, cell.numberFormat));
  }
  getValue(): any {
    return this.getValues()[0]![0];
  }
  setValue(value: any): Range {
    this._fill((cell) => (cell.value = storedValue(value)));
    return gas(this);
  }
  getBackgrounds(): string[][] {
    return this._map((cell) => cell.background);
  }
  setBackgrounds(color: Array<Array<string | null>>): Range {
    this._write(color, (cell, v) => (cell.background = v ?? WHITE), "data");
    return gas(this);
  }
  setBackground(color: string | null): Range {
    this._fill((cell) => (cell.background = color ?? WHITE));
    return gas(this);
  }
  getNotes(): string[][] {
    return this._map((cell) => cell.note);
  }
  setNotes(notes: Array<Array<string | null>>): Range {
    this._write(notes, (cell, v) => (cell.note = v ?? ""), "data");
    return gas(this);
  }
  getNote(): string {
    return this._sheet._peek(this._row, this._col).note;
  }
  setNote(note: string | null): Range {
    this._fill((cell) => (cell.note = note ?? ""));
    return gas(this);
  }
  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return this._map((cell) => cell.fontWeight);
  }
  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): Range {
    this._fill((cell) => (cell.fontWeight = fontWeight === "bold" ? "bold" : "normal"));
    return gas(this);
  }
  setFontWeights(fontWeights: any[][]): Range {
    this._write(fontWeights, (cell, v: unknown) => (cell.fontWeight = v === "bold" ? "bold" : "normal"), "data");
    return gas(this);
  }
  getNumberFormats(): string[][] {
    return this._map((cell) => cell.numberFormat);
  }
  setNumberFormat(numberFormat: string): Range {
    this._fill((cell) => (cell.numberFormat = numberFormat));
    return gas(this);
  }
  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): Range {
    const v = rule as unknown as FakeDataValidation | null;
    this._fill((cell) => (cell.validation = v));
    return gas(this);
  }
  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    return gas(this._sheet._peek(this._row, this._col).validation ?? null) ?? null;
  }
  getDataValidations(): Array<Array<GoogleAppsScript.Spreadsheet.DataValidation | null>> {
    return this._map((cell) => gas(cell.validation));
  }
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    const protection = counted(new FakeProtection(this._sheet, this), "Protection", this._sheet._counter);
    this._sheet._protections.push(protection);
    return gas(protection);
  }
  activate(): Range {
    this._sheet._parent._activeSheet = this._sheet;
    this._sheet._parent._activeRange = this;
    return gas(this);
  }
  getRow(): number {
    return this._row;
  }
  getColumn(): number {
    return this._col;
  }
  getLastRow(): number {
    return this._row + this._numRows - 1;
  }
  getLastColumn(): number {
    return this._col + this._numCols - 1;
  }
  getNumRows(): number {
    return this._numRows;
  }
  getNumColumns(): number {
    return this._numCols;
  }
  getSheet(): Sheet {
    return gas(this._sheet);
  }
  getA1Notation(): string {
    return this._a1();
  }
  clearContent(): Range {
    this._fill((cell) => (cell.value = ""));
    return gas(this);
  }
}

export class FakeRangeList implements Pick<GoogleAppsScript.Spreadsheet.RangeList, "getRanges"> {
  constructor(
    readonly _ranges: FakeRange[],
    counter: CallCounter,
  ) {
    return counted(this, "RangeList", counter);
  }
  getRanges(): Range[] {
    return gas([...this._ranges]);
  }
}

type SheetMethods =
  | "getRangeList"
  | "getName"
  | "setName"
  | "getIndex"
  | "getSheetId"
  | "getRange"
  | "getDataRange"
  | "getSheetValues"
  | "getLastRow"
  | "getLastColumn"
  | "getMaxRows"
  | "getMaxColumns"
  | "insertRowsAfter"
  | "insertColumnsAfter"
  | "insertColumnBefore"
  | "getFrozenRows"
  | "setFrozenRows"
  | "getColumnWidth"
  | "setColumnWidth"
  | "getProtections"
  | "getConditionalFormatRules"
  | "setConditionalFormatRules"
  | "activate"
  | "getParent"
  | "getDeveloperMetadata"
  | "addDeveloperMetadata";

export class FakeSheet implements Pick<Sheet, SheetMethods> {
  _cells: CellData[][] = [];
  _maxRows: number;
  _maxCols: number;
  _frozenRows = 0;
  _widths = new Map<number, number>();
  _protections: FakeProtection[] = [];
  _rules: FakeConditionalFormatRule[] = [];
  _metadata: FakeDeveloperMetadata[] = [];

  constructor(
    readonly _parent: FakeSpreadsheet,
    public _name: string,
    readonly _id: number,
    readonly _counter: CallCounter,
    size: { rows?: number; cols?: number } = {},
  ) {
    this._maxRows = size.rows ?? 1000;
    this._maxCols = size.cols ?? 26;
    return counted(this, "Sheet", _counter);
  }

  _peek(row: number, col: number): CellData {
    return this._cells[row - 1]?.[col - 1] ?? BLANK;
  }
  _cell(row: number, col: number): CellData {
    const r = (this._cells[row - 1] ??= []);
    return (r[col - 1] ??= blankCell());
  }
  _range(row: number, col: number, numRows = 1, numCols = 1): FakeRange {
    return new FakeRange(this, row, col, numRows, numCols, this._counter);
  }
  _lastRow(): number {
    for (let r = this._cells.length; r >= 1; r--) if (this._cells[r - 1]?.some((c) => c && c.value !== "")) return r;
    return 0;
  }
  _lastCol(): number {
    let last = 0;
    for (const row of this._cells)
      if (row) for (let c = row.length; c > last; c--) if (row[c - 1] && row[c - 1]!.value !== "") last = c;
    return last;
  }

  getName(): string {
    return this._name;
  }
  setName(name: string): Sheet {
    if (this._parent._sheets.some((s) => s !== (this as unknown) && s._name === name))
      throw new Error(`Exception: A sheet with the name "${name}" already exists.`);
    this._name = name;
    return gas(this);
  }
  getIndex(): number {
    return this._parent._sheets.indexOf(this) + 1;
  }
  getSheetId(): number {
    return this._id;
  }
  getRange(row: number, column: number): Range;
  getRange(row: number, column: number, numRows: number): Range;
  getRange(row: number, column: number, numRows: number, numColumns: number): Range;
  getRange(a1Notation: string): Range;
  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): Range {
    if (typeof a === "string") {
      const r = parseA1(a);
      return gas(this._range(r.row, r.col, r.numRows, r.numCols));
    }
    return gas(this._range(a, column!, numRows ?? 1, numColumns ?? 1));
  }
  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    const ranges = a1Notations.map((a) => {
      const r = parseA1(a);
      return this._range(r.row, r.col, r.numRows, r.numCols);
    });
    return gas(new FakeRangeList(ranges, this._counter));
  }
  getDataRange(): Range {
    return gas(this._range(1, 1, Math.max(1, this._lastRow()), Math.max(1, this._lastCol())));
  }
  /**
   * «Returns the rectangular grid of values for this range starting at the given coordinates. A -1
   * value given as the row or column position is equivalent to getting the very last row or column
   * that has data in the sheet.» — the same values as getRange(…).getValues()
   * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#getsheetvaluesstartrow,-startcolumn,-numrows,-numcolumns).
   * With -1 a count runs from the start to the last row or column with data. The page does not say
   * what an empty sheet gives (no row has data, so -1 means a count of 0): the fake refuses it as
   * getRange refuses an empty range, the stricter reading, so the code under test must cope with both.
   */
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): any[][] {
    const rows = numRows === -1 ? this._lastRow() - startRow + 1 : numRows;
    const cols = numColumns === -1 ? this._lastCol() - startColumn + 1 : numColumns;
    return this._counter.paused(() => this._range(startRow, startColumn, rows, cols).getValues());
  }
  getLastRow(): number {
    return this._lastRow();
  }
  getLastColumn(): number {
    return this._lastCol();
  }
  getMaxRows(): number {
    return this._maxRows;
  }
  getMaxColumns(): number {
    return this._maxCols;
  }
  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    this._cells.splice(afterPosition, 0, ...Array.from({ length: howMany }, () => [] as CellData[]));
    this._maxRows += howMany;
    return gas(this);
  }
  /**
   * Inserts `howMany` blank columns after `afterPosition` (1-based): the sheet grows by that many
   * columns; a range past the last column is refused until then (see FakeRange).
   * https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertcolumnsafteraftercolumn,-howmany
   */
  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    if (!Number.isInteger(afterPosition) || afterPosition < 1 || afterPosition > this._maxCols)
      throw new Error(`Exception: Those columns are out of bounds.`);
    if (!Number.isInteger(howMany) || howMany < 1)
      throw new Error("Exception: The number of columns to insert must be at least 1.");
    for (const row of this._cells)
      if (row && row.length > afterPosition)
        row.splice(afterPosition, 0, ...Array.from({ length: howMany }, () => blankCell()));
    const widths = new Map<number, number>();
    for (const [col, w] of this._widths) widths.set(col > afterPosition ? col + howMany : col, w);
    this._widths = widths;
    this._maxCols += howMany;
    return gas(this);
  }
  /**
   * Inserts a blank column before `columnPosition` (1-based); cells, notes and validations of
   * that column and the ones to its right move one to the right, as do their widths.
   * https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertcolumnbeforecolumnposition
   */
  insertColumnBefore(columnPosition: number): Sheet {
    if (!Number.isInteger(columnPosition) || columnPosition < 1 || columnPosition > this._maxCols)
      throw new Error(`Exception: Those columns are out of bounds.`);
    for (const row of this._cells)
      if (row && row.length >= columnPosition) row.splice(columnPosition - 1, 0, blankCell());
    const widths = new Map<number, number>();
    for (const [col, w] of this._widths) widths.set(col >= columnPosition ? col + 1 : col, w);
    this._widths = widths;
    this._maxCols += 1;
    return gas(this);
  }
  getFrozenRows(): number {
    return this._frozenRows;
  }
  setFrozenRows(rows: number): void {
    this._frozenRows = rows;
  }
  getColumnWidth(columnPosition: number): number {
    return this._widths.get(columnPosition) ?? 100;
  }
  setColumnWidth(columnPosition: number, width: number): Sheet {
    this._widths.set(columnPosition, width);
    return gas(this);
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    return String(type) === "RANGE" ? gas([...this._protections]) : [];
  }
  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return gas([...this._rules]);
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    this._rules = [...(rules as unknown as FakeConditionalFormatRule[])];
  }
  activate(): Sheet {
    this._parent._activeSheet = this;
    this._parent._activeRange = this._range(1, 1);
    return gas(this);
  }
  getParent(): Spreadsheet {
    return gas(this._parent);
  }
  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    return gas([...this._metadata]);
  }
  addDeveloperMetadata(key: string): Sheet;
  addDeveloperMetadata(key: string, visibility: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility): Sheet;
  addDeveloperMetadata(key: string, value: string): Sheet;
  addDeveloperMetadata(
    key: string,
    value: string,
    visibility: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
  ): Sheet;
  addDeveloperMetadata(key: string, a?: unknown, b?: unknown): Sheet {
    const value = typeof a === "string" && !["DOCUMENT", "PROJECT"].includes(a) ? a : null;
    const visibility = String(b ?? (value === null && a ? a : "DOCUMENT"));
    this._metadata.push(
      counted(new FakeDeveloperMetadata(this, key, value, visibility), "DeveloperMetadata", this._counter),
    );
    return gas(this);
  }

  /** The background a person sees: the cell's own, overlaid by a matching conditional format rule. */
  _effectiveBackground(row: number, col: number): string {
    for (const rule of this._rules) {
      if (!formulaAlwaysTrue(rule._condition._formula) || !rule._condition._background) continue;
      if (rule._ranges.some((r) => r._contains(row, col))) return rule._condition._background;
    }
    return this._peek(row, col).background;
  }

  _json() {
    const cells: Record<string, Record<string, unknown>> = {};
    this._cells.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell) return;
        const entry: Record<string, unknown> = {};
        if (cell.value !== "") entry.value = isDate(cell.value) ? { date: cell.value.toISOString() } : cell.value;
        if (cell.background !== WHITE) entry.background = cell.background;
        if (cell.note) entry.note = cell.note;
        if (cell.fontWeight !== "normal") entry.fontWeight = cell.fontWeight;
        if (cell.numberFormat) entry.numberFormat = cell.numberFormat;
        if (cell.validation) entry.validation = cell.validation._json();
        if (Object.keys(entry).length) cells[`${columnLetters(c + 1)}${r + 1}`] = entry;
      }),
    );
    return {
      name: this._name,
      maxRows: this._maxRows,
      maxCols: this._maxCols,
      frozenRows: this._frozenRows,
      widths: Object.fromEntries([...this._widths].sort(([a], [b]) => a - b)),
      protections: this._protections.map((p) => p._json()),
      rules: this._rules.map((r) => r._json()),
      metadata: this._metadata.map((m) => m._json()),
      cells,
    };
  }
}

const BLANK: CellData = Object.freeze(blankCell());

type SpreadsheetMethods =
  | "getId"
  | "getName"
  | "getUrl"
  | "getSheets"
  | "getSheetByName"
  | "insertSheet"
  | "deleteSheet"
  | "getActiveSheet"
  | "setActiveSheet"
  | "getActiveRange"
  | "setActiveRange"
  | "getSpreadsheetTimeZone"
  | "addDeveloperMetadata"
  | "getDeveloperMetadata"
  | "getNamedRanges"
  | "setNamedRange"
  | "removeNamedRange"
  | "toast";

export interface Toast {
  msg: string;
  title: string;
}

/** A named range; Google's .xlsx download keeps these (unlike developer metadata). */
export class FakeNamedRange implements Pick<
  GoogleAppsScript.Spreadsheet.NamedRange,
  "getName" | "getRange" | "remove"
> {
  constructor(
    private readonly owner: FakeSpreadsheet,
    readonly _name: string,
    readonly _range: FakeRange,
  ) {}
  getName(): string {
    return this._name;
  }
  getRange(): Range {
    return gas(this._range);
  }
  remove(): void {
    this.owner.removeNamedRange(this._name);
  }
}

export class FakeSpreadsheet implements Pick<Spreadsheet, SpreadsheetMethods> {
  _sheets: FakeSheet[] = [];
  _metadata: FakeDeveloperMetadata[] = [];
  _namedRanges: FakeNamedRange[] = [];
  _activeSheet: FakeSheet | null = null;
  _activeRange: FakeRange | null = null;
  _toasts: Toast[] = [];
  private nextSheetId = 0;

  constructor(
    readonly _id: string,
    readonly _name: string,
    readonly _counter: CallCounter,
    readonly _timeZone = "Europe/Moscow",
  ) {
    return counted(this, "Spreadsheet", _counter);
  }

  /** Adds a sheet directly (test set-up), uncounted. */
  _addSheet(name: string, size: { rows?: number; cols?: number } = {}, at = this._sheets.length): FakeSheet {
    const sheet = new FakeSheet(this, name, this.nextSheetId++, this._counter, size);
    this._sheets.splice(at, 0, sheet);
    return sheet;
  }

  _sheet(name: string): FakeSheet {
    const sheet = this._sheets.find((s) => s._name === name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  getId(): string {
    return this._id;
  }
  getName(): string {
    return this._name;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._id}/edit`;
  }
  getSheets(): Sheet[] {
    return gas([...this._sheets]);
  }
  getSheetByName(name: string): Sheet | null {
    return gas(this._sheets.find((s) => s._name === name) ?? null) ?? null;
  }
  insertSheet(): Sheet;
  insertSheet(sheetIndex: number): Sheet;
  insertSheet(sheetIndex: number, options: { template?: Sheet | undefined }): Sheet;
  insertSheet(options: { template?: Sheet | undefined }): Sheet;
  insertSheet(sheetName: string): Sheet;
  insertSheet(sheetName: string, sheetIndex: number): Sheet;
  insertSheet(sheetName: string, sheetIndex: number, options: { template?: Sheet | undefined }): Sheet;
  insertSheet(sheetName: string, options: { template?: Sheet | undefined }): Sheet;
  insertSheet(a?: unknown, b?: unknown): Sheet {
    const name = typeof a === "string" ? a : `Лист${this._sheets.length + 1}`;
    const index = typeof a === "number" ? a : typeof b === "number" ? b : this._sheets.length;
    if (this._sheets.some((s) => s._name === name))
      throw new Error(`Exception: A sheet with the name "${name}" already exists. Please enter another name.`);
    const sheet = this._addSheet(name, {}, Math.min(index, this._sheets.length));
    this._activeSheet = sheet;
    return gas(sheet);
  }
  deleteSheet(sheet: Sheet): void {
    if (this._sheets.length === 1) throw new Error("Exception: You can't remove all the sheets in a document.");
    this._sheets = this._sheets.filter((s) => s !== (sheet as unknown));
    if (this._activeSheet === (sheet as unknown)) this._activeSheet = this._sheets[0] ?? null;
  }
  getActiveSheet(): Sheet {
    return gas(this._activeSheet ?? this._sheets[0]!);
  }
  setActiveSheet(sheet: Sheet): Sheet;
  setActiveSheet(sheet: Sheet, restoreSelection: boolean): Sheet;
  setActiveSheet(sheet: Sheet): Sheet {
    this._activeSheet = sheet as unknown as FakeSheet;
    return sheet;
  }
  getActiveRange(): Range | null {
    return gas(this._activeRange ?? null) ?? null;
  }
  setActiveRange(range: Range): Range {
    const r = range as unknown as FakeRange;
    this._activeSheet = r._sheet;
    this._activeRange = r;
    return range;
  }
  getSpreadsheetTimeZone(): string {
    return this._timeZone;
  }
  addDeveloperMetadata(key: string): Spreadsheet;
  addDeveloperMetadata(key: string, visibility: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility): Spreadsheet;
  addDeveloperMetadata(key: string, value: string): Spreadsheet;
  addDeveloperMetadata(
    key: string,
    value: string,
    visibility: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
  ): Spreadsheet;
  addDeveloperMetadata(key: string, a?: unknown, b?: unknown): Spreadsheet {
    const value = typeof a === "string" && !["DOCUMENT", "PROJECT"].includes(a) ? a : null;
    const visibility = String(b ?? (value === null && a ? a : "DOCUMENT"));
    this._metadata.push(
      counted(new FakeDeveloperMetadata(this, key, value, visibility), "DeveloperMetadata", this._counter),
    );
    return gas(this);
  }
  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    return gas([...this._metadata]);
  }
  /** Finds metadata by key (https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-finder). */
  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    let key: string | null = null;
    const finder = counted(
      {
        withKey(k: string) {
          key = k;
          return finder;
        },
        find: () => this._metadata.filter((m) => key === null || m._json().key === key),
      },
      "DeveloperMetadataFinder",
      this._counter,
    );
    return gas(finder);
  }
  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    return gas(this._namedRanges.map((n) => counted(n, "NamedRange", this._counter)));
  }
  setNamedRange(name: string, range: Range): void {
    // Apps Script's rule: letters, digits and underscores, not starting with a digit, not an A1 reference.
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
      throw new Error(`Exception: Invalid name: ${name}`);
    this._namedRanges = this._namedRanges.filter((n) => n._name !== name);
    this._namedRanges.push(new FakeNamedRange(this, name, range as unknown as FakeRange));
  }
  removeNamedRange(name: string): void {
    if (!this._namedRanges.some((n) => n._name === name)) throw new Error(`Exception: Named range not found: ${name}`);
    this._namedRanges = this._namedRanges.filter((n) => n._name !== name);
  }
  toast(msg: string): void;
  toast(msg: string, title: string): void;
  toast(msg: string, title: string, timeoutSeconds: number | null): void;
  toast(msg: string, title?: string): void {
    this._toasts.push({ msg, title: title ?? "" });
  }

  /** Everything a user could see or a script could read back, as plain JSON (for «nothing changed» checks). */
  _snapshot() {
    return {
      sheets: this._sheets.map((s) => s._json()),
      metadata: this._metadata.map((m) => m._json()),
      namedRanges: this._namedRanges.map(
        (n) => `${n._name}=${n._range.getSheet().getName()}!${n._range.getA1Notation()}`,
      ),
    };
  }
}

type AppMethods =
  | "getActive"
  | "getActiveSpreadsheet"
  | "getUi"
  | "newDataValidation"
  | "newConditionalFormatRule"
  | "openById"
  | "flush";

export class FakeSpreadsheetApp implements Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, AppMethods> {
  readonly ProtectionType = { RANGE: "RANGE", SHEET: "SHEET" };
  readonly DeveloperMetadataVisibility = { DOCUMENT: "DOCUMENT", PROJECT: "PROJECT" };
  readonly DataValidationCriteria = { VALUE_IN_LIST: "VALUE_IN_LIST" };
  /** Ids openById refuses with Apps Script's «no access» message. */
  readonly _denied = new Set<string>();

  constructor(
    readonly _active: FakeSpreadsheet | null,
    private readonly ui: GoogleAppsScript.Base.Ui,
    private readonly counter: CallCounter,
    readonly _others: Map<string, FakeSpreadsheet> = new Map(),
  ) {
    return counted(this, "SpreadsheetApp", counter);
  }
  getActive(): Spreadsheet {
    return gas(this._active!);
  }
  getActiveSpreadsheet(): Spreadsheet {
    return gas(this._active!);
  }
  getUi(): GoogleAppsScript.Base.Ui {
    return this.ui;
  }
  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return gas(new FakeDataValidationBuilder(this.counter));
  }
  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return gas(new FakeConditionalFormatRuleBuilder(this.counter));
  }
  openById(id: string): Spreadsheet {
    const found = this._denied.has(id) ? undefined : this._active?._id === id ? this._active : this._others.get(id);
    if (!found) throw new Error(NO_ACCESS);
    return gas(found);
  }
  flush(): void {}
}
