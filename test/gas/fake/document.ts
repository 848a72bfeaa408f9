/**
 * In-memory DocumentApp: documents with a body of paragraphs (headings, alignment,
 * attributes), list items, page breaks and tables built from 2D arrays, character-level
 * text attributes, page size and margins, and a footer. Documents are files in the fake Drive.
 */
import { type CallCounter, NO_ACCESS, counted, gas } from "./counter.js";
import type { FakeDrive } from "./drive.js";

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

type TextMethods = "getText" | "setBold" | "isBold" | "setItalic" | "setFontSize" | "getFontSize" | "setFontFamily" | "getFontFamily";

/** Text view over one or more nodes (editAsText on a table covers all its cells). */
export class FakeText implements Pick<Text, TextMethods> {
  constructor(
    private readonly nodes: TextNode[],
    counter: CallCounter,
  ) {
    return counted(this, "Text", counter);
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
  | "appendText"
  | "removeFromParent";

/** A paragraph or a list item (the fake shares one class; `_kind` tells them apart). */
export class FakeParagraph implements Pick<GoogleAppsScript.Document.Paragraph, ParagraphMethods> {
  readonly _node: TextNode;
  _heading = "NORMAL";
  _alignment = "LEFT";
  _glyph: string | null = null;
  _attrs: Style = {};
  _parent: FakeBody | null = null;
  constructor(
    readonly _kind: ParagraphKind,
    text: string,
    private readonly counter: CallCounter,
  ) {
    this._node = new TextNode(text);
    return counted(this, _kind === "LIST_ITEM" ? "ListItem" : "Paragraph", counter);
  }
  getText(): string {
    return this._node.text;
  }
  editAsText(): Text {
    return gas(new FakeText([this._node], this.counter));
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
    return gas(new FakeText([this._node], this.counter));
  }
  setHeading(heading: GoogleAppsScript.Document.ParagraphHeading): GoogleAppsScript.Document.Paragraph {
    this._heading = String(heading);
    return gas(this);
  }
  getHeading(): GoogleAppsScript.Document.ParagraphHeading {
    return gas(this._heading as unknown as object);
  }
  setAlignment(alignment: GoogleAppsScript.Document.HorizontalAlignment): GoogleAppsScript.Document.Paragraph {
    this._alignment = String(alignment);
    return gas(this);
  }
  getAlignment(): GoogleAppsScript.Document.HorizontalAlignment {
    return gas(this._alignment as unknown as object);
  }
  setAttributes(attributes: any): GoogleAppsScript.Document.Paragraph {
    Object.assign(this._attrs, attributes);
    for (const [k, v] of Object.entries(attributes as Style)) if (["BOLD", "ITALIC", "FONT_SIZE", "FONT_FAMILY"].includes(k)) this._node.setAll(k, v);
    return gas(this);
  }
  getAttributes(): any {
    return { ...this._attrs };
  }
  setSpacingAfter(spacingAfter: number): GoogleAppsScript.Document.Paragraph {
    this._attrs.SPACING_AFTER = spacingAfter;
    return gas(this);
  }
  setSpacingBefore(spacingBefore: number): GoogleAppsScript.Document.Paragraph {
    this._attrs.SPACING_BEFORE = spacingBefore;
    return gas(this);
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

export class FakeTableCell
  implements Pick<GoogleAppsScript.Document.TableCell, "getText" | "editAsText" | "setBackgroundColor" | "getBackgroundColor">
{
  _background = "";
  constructor(
    readonly _node: TextNode,
    private readonly counter: CallCounter,
  ) {
    return counted(this, "TableCell", counter);
  }
  getText(): string {
    return this._node.text;
  }
  editAsText(): Text {
    return gas(new FakeText([this._node], this.counter));
  }
  setBackgroundColor(color: string): GoogleAppsScript.Document.TableCell {
    this._background = color;
    return gas(this);
  }
  getBackgroundColor(): string {
    return this._background;
  }
}

export class FakeTableRow implements Pick<GoogleAppsScript.Document.TableRow, "getNumCells" | "getCell" | "getText" | "editAsText"> {
  constructor(
    readonly _cells: FakeTableCell[],
    private readonly counter: CallCounter,
  ) {
    return counted(this, "TableRow", counter);
  }
  getNumCells(): number {
    return this._cells.length;
  }
  getCell(cellIndex: number): GoogleAppsScript.Document.TableCell {
    const cell = this._cells[cellIndex];
    if (!cell) throw new Error(`Exception: Child index (${cellIndex}) must be less than the number of child elements (${this._cells.length}).`);
    return gas(cell);
  }
  getText(): string {
    return this._cells.map((c) => c._node.text).join("\n");
  }
  editAsText(): Text {
    return gas(new FakeText(this._cells.map((c) => c._node), this.counter));
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
  | "setAttributes"
  | "getAttributes";

export class FakeTable implements Pick<GoogleAppsScript.Document.Table, TableMethods> {
  readonly _rows: FakeTableRow[];
  _borderWidth: number | null = null;
  _borderColor: string | null = null;
  _columnWidths = new Map<number, number>();
  _attrs: Style = {};
  constructor(
    cells: string[][],
    private readonly counter: CallCounter,
  ) {
    if (!Array.isArray(cells) || cells.some((r) => !Array.isArray(r))) throw new Error("Exception: Invalid argument: cells");
    const width = Math.max(0, ...cells.map((r) => r.length));
    if (cells.some((r) => r.length !== width)) throw new Error("Exception: All rows of a table must have the same number of cells.");
    this._rows = cells.map((r) => new FakeTableRow(r.map((text) => new FakeTableCell(new TextNode(String(text)), counter)), counter));
    return counted(this, "Table", counter);
  }
  getNumRows(): number {
    return this._rows.length;
  }
  getRow(rowIndex: number): GoogleAppsScript.Document.TableRow {
    const row = this._rows[rowIndex];
    if (!row) throw new Error(`Exception: Child index (${rowIndex}) must be less than the number of child elements (${this._rows.length}).`);
    return gas(row);
  }
  getCell(rowIndex: number, cellIndex: number): GoogleAppsScript.Document.TableCell {
    return gas(this._rows[rowIndex]!._cells[cellIndex]!);
  }
  getText(): string {
    return this._rows.map((r) => r.getText()).join("\n");
  }
  editAsText(): Text {
    return gas(new FakeText(this._rows.flatMap((r) => r._cells.map((c) => c._node)), this.counter));
  }
  setBorderWidth(width: number): GoogleAppsScript.Document.Table {
    this._borderWidth = width;
    return gas(this);
  }
  setBorderColor(color: string): GoogleAppsScript.Document.Table {
    this._borderColor = color;
    return gas(this);
  }
  setColumnWidth(columnIndex: number, width: number): GoogleAppsScript.Document.Table {
    this._columnWidths.set(columnIndex, width);
    return gas(this);
  }
  setAttributes(attributes: any): GoogleAppsScript.Document.Table {
    Object.assign(this._attrs, attributes);
    for (const [k, v] of Object.entries(attributes as Style))
      if (["BOLD", "ITALIC", "FONT_SIZE", "FONT_FAMILY"].includes(k)) this._rows.forEach((r) => r._cells.forEach((c) => c._node.setAll(k, v)));
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
  constructor(private readonly counter: CallCounter) {
    const self = counted(this, "Body", counter);
    const first = new FakeParagraph("PARAGRAPH", "", counter);
    first._parent = self;
    this._children = [first];
    return self;
  }
  private _add<T extends BodyChild>(child: T): T {
    if (child instanceof FakeParagraph) child._parent = this;
    this._children.push(child);
    return child;
  }
  getChild(childIndex: number): GoogleAppsScript.Document.Element {
    const child = this._children[childIndex];
    if (!child) throw new Error(`Exception: Child index (${childIndex}) must be less than the number of child elements (${this._children.length}).`);
    return gas(child);
  }
  appendParagraph(paragraph: GoogleAppsScript.Document.Paragraph): GoogleAppsScript.Document.Paragraph;
  appendParagraph(text: string): GoogleAppsScript.Document.Paragraph;
  appendParagraph(text: unknown): GoogleAppsScript.Document.Paragraph {
    if (typeof text !== "string") throw new Error("fake: appendParagraph(text) only");
    return gas(this._add(new FakeParagraph("PARAGRAPH", text, this.counter)));
  }
  appendListItem(listItem: GoogleAppsScript.Document.ListItem): GoogleAppsScript.Document.ListItem;
  appendListItem(text: string): GoogleAppsScript.Document.ListItem;
  appendListItem(text: unknown): GoogleAppsScript.Document.ListItem {
    if (typeof text !== "string") throw new Error("fake: appendListItem(text) only");
    return gas(this._add(new FakeParagraph("LIST_ITEM", text, this.counter)));
  }
  appendPageBreak(): GoogleAppsScript.Document.PageBreak;
  appendPageBreak(pageBreak: GoogleAppsScript.Document.PageBreak): GoogleAppsScript.Document.PageBreak;
  appendPageBreak(): GoogleAppsScript.Document.PageBreak {
    return gas(this._add(new FakeParagraph("PAGE_BREAK", "", this.counter)));
  }
  appendTable(): GoogleAppsScript.Document.Table;
  appendTable(cells: string[][]): GoogleAppsScript.Document.Table;
  appendTable(table: GoogleAppsScript.Document.Table): GoogleAppsScript.Document.Table;
  appendTable(cells?: unknown): GoogleAppsScript.Document.Table {
    return gas(this._add(new FakeTable((cells as string[][] | undefined) ?? [], this.counter)));
  }
  getNumChildren(): number {
    return this._children.length;
  }
  getText(): string {
    return this._children.map((c) => c.getText()).join("\n");
  }
  setAttributes(attributes: any): GoogleAppsScript.Document.Body {
    Object.assign(this._attrs, attributes);
    return gas(this);
  }
  getAttributes(): any {
    return { ...this._attrs };
  }
  setMarginTop(marginTop: number): GoogleAppsScript.Document.Body {
    this._page.top = marginTop;
    return gas(this);
  }
  setMarginBottom(marginBottom: number): GoogleAppsScript.Document.Body {
    this._page.bottom = marginBottom;
    return gas(this);
  }
  setMarginLeft(marginLeft: number): GoogleAppsScript.Document.Body {
    this._page.left = marginLeft;
    return gas(this);
  }
  setMarginRight(marginRight: number): GoogleAppsScript.Document.Body {
    this._page.right = marginRight;
    return gas(this);
  }
  setPageWidth(pageWidth: number): GoogleAppsScript.Document.Body {
    this._page.width = pageWidth;
    return gas(this);
  }
  setPageHeight(pageHeight: number): GoogleAppsScript.Document.Body {
    this._page.height = pageHeight;
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
  constructor(private readonly counter: CallCounter) {
    return counted(this, "FooterSection", counter);
  }
  appendParagraph(paragraph: GoogleAppsScript.Document.Paragraph): GoogleAppsScript.Document.Paragraph;
  appendParagraph(text: string): GoogleAppsScript.Document.Paragraph;
  appendParagraph(text: unknown): GoogleAppsScript.Document.Paragraph {
    const p = new FakeParagraph("PARAGRAPH", String(text), this.counter);
    this._paragraphs.push(p);
    return gas(p);
  }
  getText(): string {
    return this._paragraphs.map((p) => p.getText()).join("\n");
  }
}

export class FakeDocument
  implements Pick<GoogleAppsScript.Document.Document, "getId" | "getName" | "getUrl" | "getBody" | "addFooter" | "getFooter" | "saveAndClose">
{
  readonly _body: FakeBody;
  _footer: FakeFooter | null = null;
  _closed = false;
  constructor(
    readonly _id: string,
    private readonly drive: FakeDrive,
    private readonly counter: CallCounter,
  ) {
    this._body = new FakeBody(counter);
    return counted(this, "Document", counter);
  }
  /** Apps Script refuses every call on a document after saveAndClose(), its id and link included. */
  private _open(): void {
    if (this._closed) throw new Error("Exception: Document is closed, its contents cannot be updated.");
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
    this._footer = new FakeFooter(this.counter);
    return gas(this._footer);
  }
  getFooter(): GoogleAppsScript.Document.FooterSection {
    this._open();
    return gas(this._footer!);
  }
  saveAndClose(): void {
    this._closed = true;
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
    return { type: "paragraph", heading: child._heading, alignment: child._alignment, text: child._node.text, bold: child._node.all("BOLD", true) };
  });
}

export class FakeDocumentApp implements Pick<GoogleAppsScript.Document.DocumentApp, "create" | "openById"> {
  readonly ParagraphHeading = {
    NORMAL: "NORMAL",
    HEADING1: "HEADING1",
    HEADING2: "HEADING2",
    HEADING3: "HEADING3",
    HEADING4: "HEADING4",
    TITLE: "TITLE",
    SUBTITLE: "SUBTITLE",
  };
  readonly HorizontalAlignment = { LEFT: "LEFT", CENTER: "CENTER", RIGHT: "RIGHT", JUSTIFY: "JUSTIFY" };
  readonly GlyphType = { NUMBER: "NUMBER", BULLET: "BULLET", HOLLOW_BULLET: "HOLLOW_BULLET", SQUARE_BULLET: "SQUARE_BULLET" };
  readonly Attribute = {
    FONT_FAMILY: "FONT_FAMILY",
    FONT_SIZE: "FONT_SIZE",
    BOLD: "BOLD",
    ITALIC: "ITALIC",
    SPACING_AFTER: "SPACING_AFTER",
    SPACING_BEFORE: "SPACING_BEFORE",
    LINE_SPACING: "LINE_SPACING",
    HORIZONTAL_ALIGNMENT: "HORIZONTAL_ALIGNMENT",
    FOREGROUND_COLOR: "FOREGROUND_COLOR",
  };
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
  openById(id: string): GoogleAppsScript.Document.Document {
    const doc = this._documents.get(id);
    if (!doc || !this.drive._visible(id)) throw new Error(NO_ACCESS);
    return gas(doc);
  }
}
