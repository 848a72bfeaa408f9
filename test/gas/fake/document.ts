/**
 * In-memory DocumentApp: documents with a body of paragraphs (headings, alignment,
 * attributes), list items, page breaks and tables built from 2D arrays, character-level
 * text attributes, page size and margins, and a footer. Documents are files in the fake Drive.
 *
 * Paragraph and table cell properties are recorded as set (`_attrs`, `_alignment`, `_padding`,
 * `_verticalAlignment`), and what the Docs API sets on the same elements is recorded beside them
 * (`_docsStyle`, `_docsParagraphStyle`, `_docsCellStyle`, `_docsRowStyle`, `_pinnedHeaderRows`,
 * see docs-api.ts), so a test can read the Doc's layout the way the .docx's is read.
 *
 * What the fake refuses, and why:
 * - Any call on a document or one of its elements after saveAndClose(): «A closed Document
 *   can't be edited. Use DocumentApp.openById() to reopen a given document for editing.»
 *   https://developers.google.com/apps-script/reference/document/document#saveAndClose()
 *   (openById reopens it here, as it does there.)
 * - setAttributes with a key that is not a DocumentApp.Attribute, or a value of the wrong kind
 *   for it (a point size or spacing that is not a finite number ≥ 0, a line spacing ≤ 0, an
 *   alignment that is not a HorizontalAlignment): the Attribute enum lists each key and its unit
 *   (https://developers.google.com/apps-script/reference/document/attribute); Google's exact
 *   reaction to a wrong value is not documented, so the fake errs on refusing it.
 * - Setters given a value of the wrong type, with Apps Script's signature message
 *   («The parameters (String) don't match the method signature for DocumentApp.Paragraph.setLineSpacing.»).
 */
import { type CallCounter, NO_ACCESS, counted, gas } from "./counter.js";
import type { FakeDrive } from "./drive.js";

/** Whether a document (and so every element of it) is closed. Shared by the document and its elements. */
export class DocState {
  closed = false;
}

const CLOSED = "Exception: Document is closed, its contents cannot be updated.";

/** Wraps an element so that every public method throws once its document is closed. */
function guarded<T extends object>(target: T, state: DocState): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      const value: unknown = Reflect.get(t, prop, receiver);
      if (typeof value !== "function" || typeof prop !== "string" || prop.startsWith("_") || prop === "constructor")
        return value;
      return function guardedCall(this: unknown, ...args: unknown[]) {
        if (state.closed) throw new Error(CLOSED);
        return (value as (...a: unknown[]) => unknown).apply(receiver, args);
      };
    },
  });
}

/** Apps Script's message for an argument of the wrong type. */
function signatureError(method: string, args: readonly unknown[]): Error {
  const kinds = args.map((a) =>
    typeof a === "number"
      ? "number"
      : typeof a === "string"
        ? "String"
        : typeof a === "boolean"
          ? "Boolean"
          : a === null
            ? "null"
            : "Object",
  );
  return new Error(
    `Exception: The parameters (${kinds.join(",")}) don't match the method signature for DocumentApp.${method}.`,
  );
}

function requireNumber(method: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw signatureError(method, [value]);
  return value;
}

/** The Attribute keys and what each accepts (units from the Attribute enum page). */
const ATTRIBUTE_KINDS: Record<string, "points" | "positive" | "boolean" | "string" | "enum"> = {
  BACKGROUND_COLOR: "string",
  BOLD: "boolean",
  BORDER_COLOR: "string",
  BORDER_WIDTH: "points",
  CODE: "string",
  FONT_FAMILY: "string",
  FONT_SIZE: "positive",
  FOREGROUND_COLOR: "string",
  HEADING: "enum",
  HEIGHT: "points",
  HORIZONTAL_ALIGNMENT: "enum",
  INDENT_END: "points",
  INDENT_FIRST_LINE: "points",
  INDENT_START: "points",
  ITALIC: "boolean",
  GLYPH_TYPE: "enum",
  LEFT_TO_RIGHT: "boolean",
  LINE_SPACING: "positive",
  LINK_URL: "string",
  LIST_ID: "string",
  MARGIN_BOTTOM: "points",
  MARGIN_LEFT: "points",
  MARGIN_RIGHT: "points",
  MARGIN_TOP: "points",
  NESTING_LEVEL: "points",
  MINIMUM_HEIGHT: "points",
  PADDING_BOTTOM: "points",
  PADDING_LEFT: "points",
  PADDING_RIGHT: "points",
  PADDING_TOP: "points",
  PAGE_HEIGHT: "positive",
  PAGE_WIDTH: "positive",
  SPACING_AFTER: "points",
  SPACING_BEFORE: "points",
  STRIKETHROUGH: "boolean",
  UNDERLINE: "boolean",
  VERTICAL_ALIGNMENT: "enum",
  WIDTH: "points",
};

const ALIGNMENTS = ["LEFT", "CENTER", "RIGHT", "JUSTIFY"];

/** Checks an attributes object the way the fake's setAttributes accepts it (see the header comment). */
export function checkAttributes(owner: string, attributes: unknown): Record<string, unknown> {
  if (!attributes || typeof attributes !== "object" || Array.isArray(attributes))
    throw signatureError(`${owner}.setAttributes`, [attributes]);
  for (const [key, value] of Object.entries(attributes as Record<string, unknown>)) {
    const kind = ATTRIBUTE_KINDS[key];
    const bad = () => new Error(`Exception: Invalid argument: ${key} = ${JSON.stringify(value)}`);
    if (!kind) throw new Error(`Exception: Invalid argument: attributes (${key} is not a DocumentApp.Attribute)`);
    if (value === null) continue; // null clears an attribute
    if (kind === "points" && (typeof value !== "number" || !Number.isFinite(value) || value < 0)) throw bad();
    if (kind === "positive" && (typeof value !== "number" || !Number.isFinite(value) || value <= 0)) throw bad();
    if (kind === "boolean" && typeof value !== "boolean") throw bad();
    if (kind === "string" && typeof value !== "string") throw bad();
    if (key === "HORIZONTAL_ALIGNMENT" && !ALIGNMENTS.includes(String(value))) throw bad();
  }
  return attributes as Record<string, unknown>;
}

const TEXT_ATTRIBUTES = ["BOLD", "ITALIC", "FONT_SIZE", "FONT_FAMILY", "FOREGROUND_COLOR"];

type Text = GoogleAppsScript.Document.Text;

type Style = Record<string, unknown>;

/** A run of text with its own per-character style (one paragraph or one table cell). */
export class TextNode {
  /** Style per character, applied over the node's base attributes. */
  chars: Style[];
  base: Style = {};
  constructor(public text: string) {
    this.chars = Array.from({ length: text.length }, () => ({}));
  }
  styleAt(offset: number, attr: string): unknown {
    return this.chars[offset]?.[attr] ?? this.base[attr];
  }
  setRange(start: number, end: number, attr: string, value: unknown): void {
    for (let i = Math.max(0, start); i <= Math.min(end, this.text.length - 1); i++) this.chars[i]![attr] = value;
  }
  setAll(attr: string, value: unknown): void {
    this.base[attr] = value;
    this.chars.forEach((c) => delete c[attr]);
  }
  /** True when every character has the attribute set to `value` (an empty text counts its base). */
  all(attr: string, value: unknown): boolean {
    if (this.text.length === 0) return this.base[attr] === value;
    return this.chars.every((_, i) => this.styleAt(i, attr) === value);
  }
}

type TextMethods =
  "getText" | "setBold" | "isBold" | "setItalic" | "setFontSize" | "getFontSize" | "setFontFamily" | "getFontFamily";

/** Text view over one or more nodes (editAsText on a table covers all its cells). */
export class FakeText implements Pick<Text, TextMethods> {
  constructor(
    private readonly nodes: TextNode[],
    counter: CallCounter,
    state: DocState = new DocState(),
  ) {
    return counted(guarded(this, state), "Text", counter);
  }
  getText(): string {
    return this.nodes.map((n) => n.text).join("\n");
  }
  private _set(attr: string, args: unknown[]): Text {
    if (args.length === 1) this.nodes.forEach((n) => n.setAll(attr, args[0]));
    else {
      if (this.nodes.length !== 1) throw new Error("fake: offsets are supported on a single paragraph or cell");
      this.nodes[0]!.setRange(args[0] as number, args[1] as number, attr, args[2]);
    }
    return gas(this);
  }
  private _get(attr: string, offset?: number | null): unknown {
    return this.nodes[0]?.styleAt(offset ?? 0, attr) ?? null;
  }
  setBold(bold: boolean): Text;
  setBold(startOffset: number, endOffsetInclusive: number, bold: boolean): Text;
  setBold(...args: unknown[]): Text {
    return this._set("BOLD", args);
  }
  isBold(offset?: number | null): boolean {
    return this._get("BOLD", offset) === true;
  }
  setItalic(italic: boolean): Text;
  setItalic(startOffset: number, endOffsetInclusive: number, italic: boolean): Text;
  setItalic(...args: unknown[]): Text {
    return this._set("ITALIC", args);
  }
  setFontSize(size: number): Text;
  setFontSize(startOffset: number, endOffsetInclusive: number, size: number): Text;
  setFontSize(...args: unknown[]): Text {
    return this._set("FONT_SIZE", args);
  }
  getFontSize(offset?: number | null): number {
    return this._get("FONT_SIZE", offset) as number;
  }
  setFontFamily(fontFamilyName: string): Text;
  setFontFamily(startOffset: number, endOffsetInclusive: number, fontFamilyName: string): Text;
  setFontFamily(...args: unknown[]): Text {
    return this._set("FONT_FAMILY", args);
  }
  getFontFamily(offset?: number | null): string {
    return this._get("FONT_FAMILY", offset) as string;
  }
}

export type ParagraphKind = "PARAGRAPH" | "LIST_ITEM" | "PAGE_BREAK";

type ParagraphMethods =
  | "getText"
  | "editAsText"
  | "setHeading"
  | "getHeading"
  | "setAlignment"
  | "getAlignment"
  | "setAttributes"
  | "getAttributes"
  | "setSpacingAfter"
  | "setSpacingBefore"
  | "getSpacingAfter"
  | "getSpacingBefore"
  | "setLineSpacing"
  | "getLineSpacing"
  | "setIndentFirstLine"
  | "getIndentFirstLine"
  | "setIndentStart"
  | "getIndentStart"
  | "setIndentEnd"
  | "getIndentEnd"
  | "getType"
  | "getNextSibling"
  | "appendText"
  | "removeFromParent";

/** Docs API paragraph style fields recorded on an element (docs-api.ts). */
export type DocsStyle = Record<string, unknown>;

/** A paragraph or a list item (the fake shares one class; `_kind` tells them apart). */
export class FakeParagraph implements Pick<GoogleAppsScript.Document.Paragraph, ParagraphMethods> {
  readonly _node: TextNode;
  _heading = "NORMAL";
  _alignment = "LEFT";
  _glyph: string | null = null;
  /** Paragraph attributes as DocumentApp set them (LINE_SPACING, SPACING_AFTER, INDENT_START, …). */
  _attrs: Style = {};
  /** What the Docs API set on this paragraph (keepWithNext, keepLinesTogether, …). */
  _docsStyle: DocsStyle = {};
  _parent: FakeBody | null = null;
  constructor(
    readonly _kind: ParagraphKind,
    text: string,
    private readonly counter: CallCounter,
    readonly _state: DocState = new DocState(),
  ) {
    this._node = new TextNode(text);
    return counted(guarded(this, _state), _kind === "LIST_ITEM" ? "ListItem" : "Paragraph", counter);
  }
  getText(): string {
    return this._node.text;
  }
  editAsText(): Text {
    return gas(new FakeText([this._node], this.counter, this._state));
  }
  getType(): GoogleAppsScript.Document.ElementType {
    return gas(this._kind === "LIST_ITEM" ? "LIST_ITEM" : "PARAGRAPH");
  }
  /** Element.asParagraph: the element itself (https://developers.google.com/apps-script/reference/document/element#asParagraph()). */
  asParagraph(): GoogleAppsScript.Document.Paragraph {
    if (this._kind === "LIST_ITEM") throw new Error("Exception: Cannot cast ListItem to Paragraph.");
    return gas(this);
  }
  getNextSibling(): GoogleAppsScript.Document.Element {
    return gas(this._parent?._nextSibling(this) ?? null);
  }
  removeFromParent(): GoogleAppsScript.Document.Paragraph {
    const parent = this._parent;
    if (parent) {
      const at = parent._children.indexOf(this);
      if (parent._children.filter((c) => c instanceof FakeParagraph).length === 1 && at >= 0)
        throw new Error("Exception: Can't remove the last paragraph in a document section.");
      if (at >= 0) parent._children.splice(at, 1);
      this._parent = null;
    }
    return gas(this);
  }
  appendText(text: string): Text;
  appendText(text: Text): Text;
  appendText(text: unknown): Text {
    if (typeof text !== "string") throw new Error("fake: appendText(text) only");
    this._node.text += text;
    this._node.chars.push(...Array.from({ length: text.length }, () => ({})));
    return gas(new FakeText([this._node], this.counter, this._state));
  }
  setHeading(heading: GoogleAppsScript.Document.ParagraphHeading): GoogleAppsScript.Document.Paragraph {
    if (!Object.values(HEADINGS).includes(String(heading))) throw signatureError("Paragraph.setHeading", [heading]);
    this._heading = String(heading);
    return gas(this);
  }
  getHeading(): GoogleAppsScript.Document.ParagraphHeading {
    return gas(this._heading as unknown as object);
  }
  setAlignment(alignment: GoogleAppsScript.Document.HorizontalAlignment): GoogleAppsScript.Document.Paragraph {
    if (!ALIGNMENTS.includes(String(alignment))) throw signatureError("Paragraph.setAlignment", [alignment]);
    this._alignment = String(alignment);
    return gas(this);
  }
  getAlignment(): GoogleAppsScript.Document.HorizontalAlignment {
    return gas(this._alignment as unknown as object);
  }
  setAttributes(attributes: any): GoogleAppsScript.Document.Paragraph {
    const checked = checkAttributes("Paragraph", attributes);
    for (const [k, v] of Object.entries(checked)) {
      if (k === "HORIZONTAL_ALIGNMENT") this._alignment = String(v);
      else if (k === "HEADING") this._heading = String(v);
      else if (TEXT_ATTRIBUTES.includes(k)) this._node.setAll(k, v);
      else this._attrs[k] = v;
    }
    return gas(this);
  }
  getAttributes(): any {
    return { ...this._attrs, HORIZONTAL_ALIGNMENT: this._alignment, HEADING: this._heading };
  }
  private _number(method: string, attr: string, value: unknown, positive = false): GoogleAppsScript.Document.Paragraph {
    const n = requireNumber(`Paragraph.${method}`, value);
    if (n < 0 || (positive && n === 0))
      throw new Error(
        `Exception: Invalid argument: ${method.replace(/^set/, "").replace(/^./, (c) => c.toLowerCase())}`,
      );
    this._attrs[attr] = n;
    return gas(this);
  }
  setSpacingAfter(spacingAfter: number): GoogleAppsScript.Document.Paragraph {
    return this._number("setSpacingAfter", "SPACING_AFTER", spacingAfter);
  }
  setSpacingBefore(spacingBefore: number): GoogleAppsScript.Document.Paragraph {
    return this._number("setSpacingBefore", "SPACING_BEFORE", spacingBefore);
  }
  getSpacingAfter(): number {
    return this._attrs.SPACING_AFTER as number;
  }
  getSpacingBefore(): number {
    return this._attrs.SPACING_BEFORE as number;
  }
  /** Paragraph.setLineSpacing(multiplier): «the number of lines to use for spacing». */
  setLineSpacing(multiplier: number): GoogleAppsScript.Document.Paragraph {
    return this._number("setLineSpacing", "LINE_SPACING", multiplier, true);
  }
  getLineSpacing(): number {
    return this._attrs.LINE_SPACING as number;
  }
  setIndentFirstLine(indentFirstLine: number): GoogleAppsScript.Document.Paragraph {
    return this._number("setIndentFirstLine", "INDENT_FIRST_LINE", indentFirstLine);
  }
  getIndentFirstLine(): number {
    return this._attrs.INDENT_FIRST_LINE as number;
  }
  setIndentStart(indentStart: number): GoogleAppsScript.Document.Paragraph {
    return this._number("setIndentStart", "INDENT_START", indentStart);
  }
  getIndentStart(): number {
    return this._attrs.INDENT_START as number;
  }
  setIndentEnd(indentEnd: number): GoogleAppsScript.Document.Paragraph {
    return this._number("setIndentEnd", "INDENT_END", indentEnd);
  }
  getIndentEnd(): number {
    return this._attrs.INDENT_END as number;
  }
  /** ListItem.setGlyphType (same class). */
  setGlyphType(glyphType: GoogleAppsScript.Document.GlyphType): GoogleAppsScript.Document.ListItem {
    this._glyph = String(glyphType);
    return gas(this);
  }
  getGlyphType(): GoogleAppsScript.Document.GlyphType {
    return gas((this._glyph ?? "BULLET") as unknown as object);
  }
}

// Compile-time check that the list item surface matches the real ListItem signatures.
export type FakeListItemShape = Pick<
  GoogleAppsScript.Document.ListItem,
  "getText" | "editAsText" | "setAlignment" | "setGlyphType" | "getGlyphType" | "setAttributes"
>;
const _listItemCheck = (p: FakeParagraph): FakeListItemShape => gas<FakeListItemShape>(p);
void _listItemCheck;

const VERTICAL_ALIGNMENTS = ["TOP", "CENTER", "BOTTOM"];

type CellMethods =
  | "getText"
  | "editAsText"
  | "setBackgroundColor"
  | "getBackgroundColor"
  | "setVerticalAlignment"
  | "getVerticalAlignment"
  | "setPaddingTop"
  | "setPaddingBottom"
  | "setPaddingLeft"
  | "setPaddingRight"
  | "getPaddingTop"
  | "getPaddingLeft";

export class FakeTableCell implements Pick<GoogleAppsScript.Document.TableCell, CellMethods> {
  _background = "";
  _verticalAlignment: string | null = null;
  /** Padding set through DocumentApp (TableCell.setPadding*), points. */
  _padding: { top?: number; bottom?: number; left?: number; right?: number } = {};
  /** What the Docs API set on the cell's paragraphs (alignment, lineSpacing, spaceAbove, …). */
  _docsParagraphStyle: DocsStyle = {};
  /** What the Docs API set on the cell (paddingLeft, contentAlignment, …). */
  _docsCellStyle: DocsStyle = {};
  constructor(
    readonly _node: TextNode,
    private readonly counter: CallCounter,
    readonly _state: DocState = new DocState(),
  ) {
    return counted(guarded(this, _state), "TableCell", counter);
  }
  getText(): string {
    return this._node.text;
  }
  editAsText(): Text {
    return gas(new FakeText([this._node], this.counter, this._state));
  }
  setBackgroundColor(color: string): GoogleAppsScript.Document.TableCell {
    if (typeof color !== "string") throw signatureError("TableCell.setBackgroundColor", [color]);
    this._background = color;
    return gas(this);
  }
  getBackgroundColor(): string {
    return this._background;
  }
  /** https://developers.google.com/apps-script/reference/document/table-cell#setVerticalAlignment(VerticalAlignment) */
  setVerticalAlignment(alignment: GoogleAppsScript.Document.VerticalAlignment): GoogleAppsScript.Document.TableCell {
    if (!VERTICAL_ALIGNMENTS.includes(String(alignment)))
      throw signatureError("TableCell.setVerticalAlignment", [alignment]);
    this._verticalAlignment = String(alignment);
    return gas(this);
  }
  getVerticalAlignment(): GoogleAppsScript.Document.VerticalAlignment {
    return gas(this._verticalAlignment ?? "TOP");
  }
  private _pad(side: "top" | "bottom" | "left" | "right", value: unknown): GoogleAppsScript.Document.TableCell {
    const n = requireNumber(`TableCell.setPadding${side[0]!.toUpperCase()}${side.slice(1)}`, value);
    if (n < 0) throw new Error(`Exception: Invalid argument: padding${side}`);
    this._padding[side] = n;
    return gas(this);
  }
  /** TableCell.setPaddingTop(paddingTop) … in points (https://developers.google.com/apps-script/reference/document/table-cell#setPaddingTop(Number)). */
  setPaddingTop(paddingTop: number): GoogleAppsScript.Document.TableCell {
    return this._pad("top", paddingTop);
  }
  setPaddingBottom(paddingBottom: number): GoogleAppsScript.Document.TableCell {
    return this._pad("bottom", paddingBottom);
  }
  setPaddingLeft(paddingLeft: number): GoogleAppsScript.Document.TableCell {
    return this._pad("left", paddingLeft);
  }
  setPaddingRight(paddingRight: number): GoogleAppsScript.Document.TableCell {
    return this._pad("right", paddingRight);
  }
  getPaddingTop(): number {
    return this._padding.top ?? 0;
  }
  getPaddingLeft(): number {
    return this._padding.left ?? 0;
  }
}

export class FakeTableRow implements Pick<
  GoogleAppsScript.Document.TableRow,
  "getNumCells" | "getCell" | "getText" | "editAsText"
> {
  /** What the Docs API set on the row (preventOverflow). */
  _docsRowStyle: DocsStyle = {};
  constructor(
    readonly _cells: FakeTableCell[],
    private readonly counter: CallCounter,
    readonly _state: DocState = new DocState(),
  ) {
    return counted(guarded(this, _state), "TableRow", counter);
  }
  getNumCells(): number {
    return this._cells.length;
  }
  getCell(cellIndex: number): GoogleAppsScript.Document.TableCell {
    const cell = this._cells[cellIndex];
    if (!cell)
      throw new Error(
        `Exception: Child index (${cellIndex}) must be less than the number of child elements (${this._cells.length}).`,
      );
    return gas(cell);
  }
  getText(): string {
    return this._cells.map((c) => c._node.text).join("\n");
  }
  editAsText(): Text {
    return gas(
      new FakeText(
        this._cells.map((c) => c._node),
        this.counter,
        this._state,
      ),
    );
  }
}

type TableMethods =
  | "getNumRows"
  | "getRow"
  | "getCell"
  | "getText"
  | "editAsText"
  | "setBorderWidth"
  | "setBorderColor"
  | "setColumnWidth"
  | "getColumnWidth"
  | "setAttributes"
  | "getAttributes"
  | "getType"
  | "getNextSibling";

export class FakeTable implements Pick<GoogleAppsScript.Document.Table, TableMethods> {
  readonly _rows: FakeTableRow[];
  _borderWidth: number | null = null;
  _borderColor: string | null = null;
  _columnWidths = new Map<number, number>();
  _attrs: Style = {};
  /** Header rows the Docs API pinned (repeated on every page). */
  _pinnedHeaderRows = 0;
  _parent: FakeBody | null = null;
  constructor(
    cells: string[][],
    private readonly counter: CallCounter,
    readonly _state: DocState = new DocState(),
  ) {
    if (!Array.isArray(cells) || cells.some((r) => !Array.isArray(r)))
      throw new Error("Exception: Invalid argument: cells");
    const width = Math.max(0, ...cells.map((r) => r.length));
    if (cells.some((r) => r.length !== width))
      throw new Error("Exception: All rows of a table must have the same number of cells.");
    this._rows = cells.map(
      (r) =>
        new FakeTableRow(
          r.map((text) => new FakeTableCell(new TextNode(String(text)), counter, _state)),
          counter,
          _state,
        ),
    );
    return counted(guarded(this, _state), "Table", counter);
  }
  getNumRows(): number {
    return this._rows.length;
  }
  getRow(rowIndex: number): GoogleAppsScript.Document.TableRow {
    const row = this._rows[rowIndex];
    if (!row)
      throw new Error(
        `Exception: Child index (${rowIndex}) must be less than the number of child elements (${this._rows.length}).`,
      );
    return gas(row);
  }
  getCell(rowIndex: number, cellIndex: number): GoogleAppsScript.Document.TableCell {
    return gas(this._rows[rowIndex]!._cells[cellIndex]!);
  }
  getText(): string {
    return this._rows.map((r) => r._cells.map((c) => c._node.text).join("\n")).join("\n");
  }
  editAsText(): Text {
    return gas(
      new FakeText(
        this._rows.flatMap((r) => r._cells.map((c) => c._node)),
        this.counter,
        this._state,
      ),
    );
  }
  getType(): GoogleAppsScript.Document.ElementType {
    return gas("TABLE");
  }
  getNextSibling(): GoogleAppsScript.Document.Element {
    return gas(this._parent?._nextSibling(this) ?? null);
  }
  /** Table.setBorderWidth(width) in points (https://developers.google.com/apps-script/reference/document/table#setBorderWidth(Number)). */
  setBorderWidth(width: number): GoogleAppsScript.Document.Table {
    if (requireNumber("Table.setBorderWidth", width) < 0) throw new Error("Exception: Invalid argument: width");
    this._borderWidth = width;
    return gas(this);
  }
  setBorderColor(color: string): GoogleAppsScript.Document.Table {
    if (typeof color !== "string") throw signatureError("Table.setBorderColor", [color]);
    this._borderColor = color;
    return gas(this);
  }
  /** Table.setColumnWidth(columnIndex, width) in points; a column the table lacks is refused. */
  setColumnWidth(columnIndex: number, width: number): GoogleAppsScript.Document.Table {
    const columns = this._rows[0]?._cells.length ?? 0;
    if (requireNumber("Table.setColumnWidth", columnIndex) >= columns || columnIndex < 0)
      throw new Error(
        `Exception: Child index (${columnIndex}) must be less than the number of child elements (${columns}).`,
      );
    if (requireNumber("Table.setColumnWidth", width) <= 0) throw new Error("Exception: Invalid argument: width");
    this._columnWidths.set(columnIndex, width);
    return gas(this);
  }
  getColumnWidth(columnIndex: number): number {
    return this._columnWidths.get(columnIndex) ?? 0;
  }
  setAttributes(attributes: any): GoogleAppsScript.Document.Table {
    const checked = checkAttributes("Table", attributes);
    Object.assign(this._attrs, checked);
    for (const [k, v] of Object.entries(checked))
      if (TEXT_ATTRIBUTES.includes(k)) this._rows.forEach((r) => r._cells.forEach((c) => c._node.setAll(k, v)));
    return gas(this);
  }
  getAttributes(): any {
    return { ...this._attrs };
  }
}

export type BodyChild = FakeParagraph | FakeTable;

type BodyMethods =
  | "appendParagraph"
  | "appendTable"
  | "appendListItem"
  | "appendPageBreak"
  | "getNumChildren"
  | "getChild"
  | "getText"
  | "setAttributes"
  | "getAttributes"
  | "setMarginTop"
  | "setMarginBottom"
  | "setMarginLeft"
  | "setMarginRight"
  | "setPageWidth"
  | "setPageHeight"
  | "getPageWidth"
  | "getPageHeight"
  | "getMarginLeft"
  | "getMarginTop";

export class FakeBody implements Pick<GoogleAppsScript.Document.Body, BodyMethods> {
  /** A new Google Doc starts with one empty paragraph. */
  readonly _children: BodyChild[];
  _attrs: Style = {};
  _page = { width: 612, height: 792, top: 72, bottom: 72, left: 72, right: 72 };
  /**
   * Section breaks the Docs API inserted (DocumentApp has no section element): each is recorded
   * on the paragraph that starts its section, with that section's SectionStyle fields.
   */
  readonly _sectionBreaks = new Map<FakeParagraph, DocsStyle>();
  /** The first section's SectionStyle fields (its break is the one at index 0). */
  _firstSection: DocsStyle = {};
  constructor(
    private readonly counter: CallCounter,
    readonly _state: DocState = new DocState(),
  ) {
    const self = counted(guarded(this, _state), "Body", counter);
    const first = new FakeParagraph("PARAGRAPH", "", counter, _state);
    first._parent = self;
    this._children = [first];
    return self;
  }
  private _add<T extends BodyChild>(child: T): T {
    child._parent = this;
    this._children.push(child);
    return child;
  }
  _nextSibling(child: BodyChild): BodyChild | null {
    const at = this._children.indexOf(child);
    return at >= 0 ? (this._children[at + 1] ?? null) : null;
  }
  getChild(childIndex: number): GoogleAppsScript.Document.Element {
    const child = this._children[childIndex];
    if (!child)
      throw new Error(
        `Exception: Child index (${childIndex}) must be less than ` +
          `the number of child elements (${this._children.length}).`,
      );
    return gas(child);
  }
  appendParagraph(paragraph: GoogleAppsScript.Document.Paragraph): GoogleAppsScript.Document.Paragraph;
  appendParagraph(text: string): GoogleAppsScript.Document.Paragraph;
  appendParagraph(text: unknown): GoogleAppsScript.Document.Paragraph {
    if (typeof text !== "string") throw new Error("fake: appendParagraph(text) only");
    return gas(this._add(new FakeParagraph("PARAGRAPH", text, this.counter, this._state)));
  }
  appendListItem(listItem: GoogleAppsScript.Document.ListItem): GoogleAppsScript.Document.ListItem;
  appendListItem(text: string): GoogleAppsScript.Document.ListItem;
  appendListItem(text: unknown): GoogleAppsScript.Document.ListItem {
    if (typeof text !== "string") throw new Error("fake: appendListItem(text) only");
    return gas(this._add(new FakeParagraph("LIST_ITEM", text, this.counter, this._state)));
  }
  appendPageBreak(): GoogleAppsScript.Document.PageBreak;
  appendPageBreak(pageBreak: GoogleAppsScript.Document.PageBreak): GoogleAppsScript.Document.PageBreak;
  appendPageBreak(): GoogleAppsScript.Document.PageBreak {
    return gas(this._add(new FakeParagraph("PAGE_BREAK", "", this.counter, this._state)));
  }
  appendTable(): GoogleAppsScript.Document.Table;
  appendTable(cells: string[][]): GoogleAppsScript.Document.Table;
  appendTable(table: GoogleAppsScript.Document.Table): GoogleAppsScript.Document.Table;
  appendTable(cells?: unknown): GoogleAppsScript.Document.Table {
    return gas(this._add(new FakeTable((cells as string[][] | undefined) ?? [], this.counter, this._state)));
  }
  getNumChildren(): number {
    return this._children.length;
  }
  getText(): string {
    return this._children
      .map((c) =>
        c instanceof FakeTable
          ? c._rows.map((r) => r._cells.map((x) => x._node.text).join("\n")).join("\n")
          : c._node.text,
      )
      .join("\n");
  }
  setAttributes(attributes: any): GoogleAppsScript.Document.Body {
    Object.assign(this._attrs, checkAttributes("Body", attributes));
    return gas(this);
  }
  getAttributes(): any {
    return { ...this._attrs };
  }
  private _points(method: string, value: unknown, positive = false): number {
    const n = requireNumber(`Body.${method}`, value);
    if (n < 0 || (positive && n === 0)) throw new Error(`Exception: Invalid argument: ${method}`);
    return n;
  }
  setMarginTop(marginTop: number): GoogleAppsScript.Document.Body {
    this._page.top = this._points("setMarginTop", marginTop);
    return gas(this);
  }
  setMarginBottom(marginBottom: number): GoogleAppsScript.Document.Body {
    this._page.bottom = this._points("setMarginBottom", marginBottom);
    return gas(this);
  }
  setMarginLeft(marginLeft: number): GoogleAppsScript.Document.Body {
    this._page.left = this._points("setMarginLeft", marginLeft);
    return gas(this);
  }
  setMarginRight(marginRight: number): GoogleAppsScript.Document.Body {
    this._page.right = this._points("setMarginRight", marginRight);
    return gas(this);
  }
  setPageWidth(pageWidth: number): GoogleAppsScript.Document.Body {
    this._page.width = this._points("setPageWidth", pageWidth, true);
    return gas(this);
  }
  setPageHeight(pageHeight: number): GoogleAppsScript.Document.Body {
    this._page.height = this._points("setPageHeight", pageHeight, true);
    return gas(this);
  }
  getPageWidth(): number {
    return this._page.width;
  }
  getPageHeight(): number {
    return this._page.height;
  }
  getMarginLeft(): number {
    return this._page.left;
  }
  getMarginTop(): number {
    return this._page.top;
  }
}

export class FakeFooter implements Pick<GoogleAppsScript.Document.FooterSection, "appendParagraph" | "getText"> {
  readonly _paragraphs: FakeParagraph[] = [];
  constructor(
    private readonly counter: CallCounter,
    readonly _state: DocState = new DocState(),
  ) {
    return counted(guarded(this, _state), "FooterSection", counter);
  }
  appendParagraph(paragraph: GoogleAppsScript.Document.Paragraph): GoogleAppsScript.Document.Paragraph;
  appendParagraph(text: string): GoogleAppsScript.Document.Paragraph;
  appendParagraph(text: unknown): GoogleAppsScript.Document.Paragraph {
    const p = new FakeParagraph("PARAGRAPH", String(text), this.counter, this._state);
    this._paragraphs.push(p);
    return gas(p);
  }
  getText(): string {
    return this._paragraphs.map((p) => p._node.text).join("\n");
  }
}

export class FakeDocument implements Pick<
  GoogleAppsScript.Document.Document,
  "getId" | "getName" | "getUrl" | "getBody" | "addFooter" | "getFooter" | "saveAndClose"
> {
  readonly _state = new DocState();
  readonly _body: FakeBody;
  _footer: FakeFooter | null = null;
  constructor(
    readonly _id: string,
    private readonly drive: FakeDrive,
    private readonly counter: CallCounter,
  ) {
    this._body = new FakeBody(counter, this._state);
    return counted(this, "Document", counter);
  }
  get _closed(): boolean {
    return this._state.closed;
  }
  /** Apps Script refuses every call on a document after saveAndClose(), its id and link included. */
  private _open(): void {
    if (this._state.closed) throw new Error(CLOSED);
  }
  getId(): string {
    this._open();
    return this._id;
  }
  getName(): string {
    this._open();
    return this.drive._files.get(this._id)!.name;
  }
  getUrl(): string {
    this._open();
    return `https://docs.google.com/open?id=${this._id}`;
  }
  getBody(): GoogleAppsScript.Document.Body {
    this._open();
    return gas(this._body);
  }
  addFooter(): GoogleAppsScript.Document.FooterSection {
    this._open();
    if (this._footer) throw new Error("Exception: Document tab already contains a footer.");
    this._footer = new FakeFooter(this.counter, this._state);
    return gas(this._footer);
  }
  getFooter(): GoogleAppsScript.Document.FooterSection {
    this._open();
    return gas(this._footer!);
  }
  saveAndClose(): void {
    this._state.closed = true;
  }
}

/** A neutral view of a document for comparisons: what a reader sees, in order. */
export type DocElement =
  | { type: "paragraph"; heading: string; alignment: string; text: string; bold: boolean }
  | { type: "listItem"; glyph: string | null; text: string }
  | { type: "pageBreak" }
  | { type: "table"; rows: string[][]; headerBold: boolean; headerShaded: boolean };

export function documentStructure(doc: FakeDocument): DocElement[] {
  return doc._body._children.map((child): DocElement => {
    if (child instanceof FakeTable) {
      const first = child._rows[0];
      return {
        type: "table",
        rows: child._rows.map((r) => r._cells.map((c) => c._node.text)),
        headerBold: !!first && first._cells.every((c) => c._node.all("BOLD", true)),
        headerShaded: !!first && first._cells.every((c) => c._background !== ""),
      };
    }
    if (child._kind === "PAGE_BREAK") return { type: "pageBreak" };
    if (child._kind === "LIST_ITEM") return { type: "listItem", glyph: child._glyph, text: child._node.text };
    return {
      type: "paragraph",
      heading: child._heading,
      alignment: child._alignment,
      text: child._node.text,
      bold: child._node.all("BOLD", true),
    };
  });
}

const HEADINGS = {
  NORMAL: "NORMAL",
  HEADING1: "HEADING1",
  HEADING2: "HEADING2",
  HEADING3: "HEADING3",
  HEADING4: "HEADING4",
  TITLE: "TITLE",
  SUBTITLE: "SUBTITLE",
};

export class FakeDocumentApp implements Pick<GoogleAppsScript.Document.DocumentApp, "create" | "openById"> {
  readonly ParagraphHeading = HEADINGS;
  readonly HorizontalAlignment = { LEFT: "LEFT", CENTER: "CENTER", RIGHT: "RIGHT", JUSTIFY: "JUSTIFY" };
  readonly VerticalAlignment = { TOP: "TOP", CENTER: "CENTER", BOTTOM: "BOTTOM" };
  readonly ElementType = {
    PARAGRAPH: "PARAGRAPH",
    TABLE: "TABLE",
    LIST_ITEM: "LIST_ITEM",
    PAGE_BREAK: "PAGE_BREAK",
    TEXT: "TEXT",
    TABLE_CELL: "TABLE_CELL",
    TABLE_ROW: "TABLE_ROW",
  };
  readonly GlyphType = {
    NUMBER: "NUMBER",
    BULLET: "BULLET",
    HOLLOW_BULLET: "HOLLOW_BULLET",
    SQUARE_BULLET: "SQUARE_BULLET",
  };
  readonly Attribute = Object.fromEntries(Object.keys(ATTRIBUTE_KINDS).map((k) => [k, k])) as Record<string, string>;
  readonly _documents = new Map<string, FakeDocument>();

  constructor(
    private readonly drive: FakeDrive,
    private readonly counter: CallCounter,
  ) {
    return counted(this, "DocumentApp", counter);
  }
  create(name: string): GoogleAppsScript.Document.Document {
    const file = this.drive._createFile(name, "application/vnd.google-apps.document");
    const doc = new FakeDocument(file.id, this.drive, this.counter);
    this._documents.set(file.id, doc);
    return gas(doc);
  }
  /** Opens a document for editing, a closed one too (saveAndClose: «Use DocumentApp.openById() to reopen»). */
  openById(id: string): GoogleAppsScript.Document.Document {
    const doc = this._documents.get(id);
    if (!doc || !this.drive._visible(id)) throw new Error(NO_ACCESS);
    doc._state.closed = false;
    return gas(doc);
  }
}
