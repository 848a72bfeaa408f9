/**
 * Draws the core DocModel with DocumentApp: the same text, order and tables as the .docx
 * renderer (src/local/docx-body.ts), and every paragraph property the .docx sets written out
 * explicitly — a Google Doc otherwise takes Docs' defaults (1.15 line spacing, its own heading
 * sizes and spacing, no first-line indent). What DocumentApp cannot set (keep with next, header
 * rows repeated on every page, rows kept whole, cell padding, the alignment inside table cells)
 * is applied afterwards through the Docs API from the same plan (docs-merge.ts).
 *
 * One plan (`bodyPlan`) says what each body element is and how it looks; the renderer draws it
 * and docs-merge finds its elements again in the saved document. Headers and footers are never
 * touched: the document may come with its own (page numbers, «ЧЕРНОВИК»).
 *
 * Call budget: one setAttributes per paragraph (all its properties at once); tables are
 * appended whole from 2D arrays and formatted per table, per header row cell and per column —
 * never per body row — so a 1,000-row plan costs what a 10-row plan costs.
 *
 * Sources:
 * - Paragraph.setAttributes / the Attribute enum (LINE_SPACING "as a multiplier", SPACING_BEFORE,
 *   SPACING_AFTER, INDENT_START, INDENT_FIRST_LINE, INDENT_END "in points", HORIZONTAL_ALIGNMENT,
 *   FONT_FAMILY, FONT_SIZE, BOLD, ITALIC, FOREGROUND_COLOR):
 *   https://developers.google.com/apps-script/reference/document/attribute,
 *   https://developers.google.com/apps-script/reference/document/paragraph#setAttributes(Object)
 * - Paragraph.setHeading: https://developers.google.com/apps-script/reference/document/paragraph#setHeading(ParagraphHeading)
 * - Table.setBorderWidth / setBorderColor / setColumnWidth (points):
 *   https://developers.google.com/apps-script/reference/document/table
 * - TableCell.setBackgroundColor: https://developers.google.com/apps-script/reference/document/table-cell
 * - Element.getNextSibling / getType / asParagraph (the paragraph Docs keeps after a table):
 *   https://developers.google.com/apps-script/reference/document/table#getNextSibling()
 */
import {
  type Align,
  type Block,
  type DocModel,
  type Orientation,
  type Run,
  type TableBlock,
  signatureTail,
  cellPlainText,
  isCaption,
} from "../core/report/model.js";
import { TABLE_PT, scaleWidths, textWidthPt } from "../core/report/widths.js";

type Body = GoogleAppsScript.Document.Body;
type Paragraph = GoogleAppsScript.Document.Paragraph;

export const FONT = "Times New Roman";
export const TEXT_PT = 14;
export const TITLE_PT = 16;
export const HEADER_SHADE = "#d9d9d9";
const PT_PER_MM = 72 / 25.4;
export const A4_PT = { width: 210 * PT_PER_MM, height: 297 * PT_PER_MM };
export const MARGINS_PT = { top: 20 * PT_PER_MM, right: 20 * PT_PER_MM, bottom: 20 * PT_PER_MM, left: 30 * PT_PER_MM };

/** The .docx renderer's paragraph geometry (docx-body.ts, docx-layout.ts), in points. */
export const LAYOUT_PT = {
  /** Single spacing (the .docx's w:line="240" auto), as Apps Script's multiplier. */
  lineSpacing: 1,
  /** Body text's first line, 1.25 cm as in Russian official documents. */
  firstLine: 12.5 * PT_PER_MM,
  /** List items: text at 10 mm, the number or dash hanging 6 mm to the left of it. */
  listStart: 10 * PT_PER_MM,
  listHanging: 6 * PT_PER_MM,
  /** The «УТВЕРЖДАЮ» block starts at 55 % of the text width. */
  approvalShare: 0.55,
  /** Table cell padding: 20 twips top and bottom, 57 twips left and right. */
  cellPadding: { top: 1, bottom: 1, left: 2.85, right: 2.85 },
  /** Table borders: single, 4 eighths of a point, black. */
  borderWidth: 0.5,
  borderColor: "#000000",
} as const;

/** How one body paragraph looks (sizes and spacing in points; indents measured from the margin, as Docs measures them). */
export interface ParagraphLook {
  readonly align: Align;
  readonly size: number;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly before: number;
  readonly after: number;
  /** Where every line but the first starts. */
  readonly indentStart: number;
  /** Where the first line starts. */
  readonly indentFirstLine: number;
  readonly heading?: 1 | 2 | 3;
  readonly keepWithNext: boolean;
  readonly keepLines: boolean;
}

/** One element of the document body, in drawing order. */
export type BodyElement =
  | { readonly kind: "paragraph"; readonly text: string; readonly runs: readonly Run[]; readonly look: ParagraphLook }
  /** The empty paragraph after every table (the .docx's spacer; Docs keeps a paragraph after a table anyway). */
  | { readonly kind: "spacer"; readonly look: ParagraphLook }
  /**
   * A table; `width` is the text width of its section, points. DocumentApp draws it at the
   * document's page width; the Docs API pass sets a turned section's widths (docs-merge.ts).
   */
  | { readonly kind: "table"; readonly block: TableBlock; readonly width: number }
  | { readonly kind: "pageBreak" }
  /**
   * A new section of pages in `orientation`. DocumentApp has one page size for the whole body
   * (Body.setPageWidth), so it draws a page break; the Docs API pass turns it into a section
   * break with that section's orientation (docs-merge.ts sectionRequests).
   */
  | { readonly kind: "section"; readonly orientation: Orientation };

const PLAIN: ParagraphLook = {
  align: "left",
  size: TEXT_PT,
  bold: false,
  italic: false,
  before: 0,
  after: 0,
  indentStart: 0,
  indentFirstLine: 0,
  keepWithNext: false,
  keepLines: false,
};

const look = (changes: Partial<ParagraphLook>): ParagraphLook => ({ ...PLAIN, ...changes });

/**
 * Relative width weights → points that add up to the text width, rounded as the .docx rounds
 * them (whole twips, the remainder to the last column: docx-layout.ts columnTwips), so both
 * documents have the same columns to the twip.
 */
export function columnWidthsPt(weights: readonly number[], total: number): number[] {
  const totalTwips = Math.round(total * 20);
  const twips = scaleWidths(weights, totalTwips).map(Math.floor);
  if (twips.length > 0) twips[twips.length - 1]! += totalTwips - twips.reduce((a, b) => a + b, 0);
  return twips.map((w) => w / 20);
}

const paragraphElement = (runs: readonly Run[], paragraphLook: ParagraphLook): BodyElement => ({
  kind: "paragraph",
  text: runs.map((r) => r.text).join(""),
  runs,
  look: paragraphLook,
});

/** The body elements one block draws, with the look the .docx gives each (docx-body.ts blockXml). */
function blockElements(block: Block, width: number): BodyElement[] {
  switch (block.type) {
    case "title":
      // The first line («ПРОМЕЖУТОЧНЫЙ ОТЧЕТ») a size larger, as in the .docx.
      return block.lines.map((line, i) =>
        paragraphElement(
          [{ text: line }],
          look({
            align: "center",
            bold: true,
            size: i === 0 && /^[А-ЯЁ ]+$/u.test(line) ? TITLE_PT : TEXT_PT,
            before: i === 0 ? 12 : 0,
            after: i === block.lines.length - 1 ? 12 : 3,
          }),
        ),
      );
    case "heading":
      return [
        paragraphElement(
          [{ text: block.text }],
          look({
            heading: block.level,
            bold: true,
            italic: block.level === 3,
            before: block.level === 1 ? 12 : 6,
            after: 3,
            keepWithNext: true,
            keepLines: true,
          }),
        ),
      ];
    case "paragraph": {
      const align = block.align ?? "justify";
      const caption = isCaption(block) ? { keepWithNext: true, keepLines: true } : {};
      return [
        paragraphElement(
          block.runs,
          look({
            align,
            after: 3,
            ...caption,
            ...(align === "justify" ? { indentFirstLine: LAYOUT_PT.firstLine } : {}),
          }),
        ),
      ];
    }
    case "list":
      // Numbers and dashes are written as text, as the .docx renderer does, so both read the same.
      return block.items.map((item, i) =>
        paragraphElement(
          [{ text: block.ordered ? `${i + 1}.\u00a0` : "–\u00a0" }, ...item],
          look({
            align: "justify",
            after: 2,
            indentStart: LAYOUT_PT.listStart,
            indentFirstLine: LAYOUT_PT.listStart - LAYOUT_PT.listHanging,
          }),
        ),
      );
    case "table":
      return [
        ...(block.caption
          ? [paragraphElement([{ text: block.caption }], look({ before: 6, after: 3, keepWithNext: true }))]
          : []),
        { kind: "table", block, width },
        { kind: "spacer", look: look({ after: 6 }) },
      ];
    case "pageBreak":
      return [{ kind: "pageBreak" }];
    case "section":
      return [{ kind: "section", orientation: block.orientation }];
    case "approval": {
      const start = Math.round(width * LAYOUT_PT.approvalShare * 20) / 20;
      return block.lines.map((line, i) =>
        paragraphElement(
          [{ text: line }],
          look({
            bold: i === 0,
            after: i === block.lines.length - 1 ? 12 : 2,
            indentStart: start,
            indentFirstLine: start,
          }),
        ),
      );
    }
    case "signature":
      // The .docx puts the line and the name at a right tab stop on the margin. Neither DocumentApp
      // nor the Docs API can set a tab stop (the Docs API's ParagraphStyle.tabStops is read-only),
      // so the tab falls on Docs' next default stop: same text, the name a tab after the organisation.
      return [
        paragraphElement([{ text: `${block.left}\t${signatureTail(block)}` }], look({ before: 24, keepLines: true })),
      ];
  }
}

/** The whole body, in drawing order; each block gets the text width of the section it is in. */
export function bodyPlan(model: DocModel): BodyElement[] {
  let width = textWidthPt(model.orientation);
  return model.blocks.flatMap((block) => {
    if (block.type === "section") width = textWidthPt(block.orientation);
    return blockElements(block, width);
  });
}

/** The table as the reader sees it: group header rows (text in the first cell of a span), column headers, body. */
export function tableCells(block: TableBlock): { cells: string[][]; headerRows: number } {
  const width = block.columns.length;
  const groups = (block.headerRows ?? []).map((row) => {
    const out: string[] = [];
    for (const cell of row) {
      out.push(cell.text);
      for (let i = 1; i < cell.span; i++) out.push("");
    }
    return out;
  });
  const fit = (row: string[]) => Array.from({ length: width }, (_, i) => row[i] ?? "");
  const cells = [
    ...groups.map(fit),
    block.columns.map((c) => c.header),
    ...block.rows.map((row) => fit(row.map(cellPlainText))),
  ];
  return { cells, headerRows: groups.length + 1 };
}

const ALIGN = () => ({
  left: DocumentApp.HorizontalAlignment.LEFT,
  center: DocumentApp.HorizontalAlignment.CENTER,
  right: DocumentApp.HorizontalAlignment.RIGHT,
  justify: DocumentApp.HorizontalAlignment.JUSTIFY,
});

const HEADINGS = () => [
  DocumentApp.ParagraphHeading.HEADING1,
  DocumentApp.ParagraphHeading.HEADING2,
  DocumentApp.ParagraphHeading.HEADING3,
];

function textAttributes(size: number, bold: boolean, italic: boolean): Record<string, unknown> {
  const A = DocumentApp.Attribute;
  return {
    [A.FONT_FAMILY]: FONT,
    [A.FONT_SIZE]: size,
    [A.BOLD]: bold,
    [A.ITALIC]: italic,
    [A.FOREGROUND_COLOR]: "#000000",
  };
}

/** Every paragraph property at once (one call): the text style and the paragraph geometry. */
export function paragraphAttributes(paragraphLook: ParagraphLook): Record<string, unknown> {
  const A = DocumentApp.Attribute;
  return {
    ...textAttributes(paragraphLook.size, paragraphLook.bold, paragraphLook.italic),
    [A.HORIZONTAL_ALIGNMENT]: ALIGN()[paragraphLook.align],
    [A.LINE_SPACING]: LAYOUT_PT.lineSpacing,
    [A.SPACING_BEFORE]: paragraphLook.before,
    [A.SPACING_AFTER]: paragraphLook.after,
    [A.INDENT_START]: paragraphLook.indentStart,
    [A.INDENT_FIRST_LINE]: paragraphLook.indentFirstLine,
    [A.INDENT_END]: 0,
  };
}

/** Bold and italic runs inside one paragraph or cell, by character offsets. */
function styleRuns(text: GoogleAppsScript.Document.Text, runs: readonly Run[]): void {
  let at = 0;
  for (const r of runs) {
    const end = at + r.text.length - 1;
    if (r.text.length > 0) {
      if (r.bold) text.setBold(at, end, true);
      if (r.italic) text.setItalic(at, end, true);
    }
    at += r.text.length;
  }
}

function drawParagraph(body: Body, element: Extract<BodyElement, { kind: "paragraph" }>): Paragraph {
  const p = body.appendParagraph(element.text);
  // The heading first: setHeading brings Docs' heading style, the attributes then override it.
  if (element.look.heading) p.setHeading(HEADINGS()[element.look.heading - 1]!);
  p.setAttributes(paragraphAttributes(element.look));
  if (element.runs.some((r) => r.bold || r.italic)) styleRuns(p.editAsText(), element.runs);
  return p;
}

function drawTable(body: Body, block: TableBlock, width: number): GoogleAppsScript.Document.Table {
  const { cells, headerRows } = tableCells(block);
  const table = body.appendTable(cells);
  table.setBorderWidth(LAYOUT_PT.borderWidth).setBorderColor(LAYOUT_PT.borderColor);
  table.editAsText().setFontFamily(FONT).setFontSize(TABLE_PT).setBold(false);
  columnWidthsPt(
    block.columns.map((c) => c.width),
    width,
  ).forEach((w, i) => table.setColumnWidth(i, w));
  // Header cells vertically centred: with the Docs API (one request per table, docs-merge.ts).
  for (let r = 0; r < headerRows; r++) {
    const row = table.getRow(r);
    row.editAsText().setBold(true);
    for (let c = 0; c < block.columns.length; c++) row.getCell(c).setBackgroundColor(HEADER_SHADE);
  }
  if (block.totalRow && block.rows.length > 0)
    table
      .getRow(cells.length - 1)
      .editAsText()
      .setBold(true);
  block.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (typeof cell !== "string" && cell.some((run) => run.bold || run.italic))
        styleRuns(table.getCell(headerRows + r, c).editAsText(), cell);
    }),
  );
  return table;
}

/** The paragraph after a table: the one Docs keeps there when there is one, else a new one. */
function drawSpacer(body: Body, table: GoogleAppsScript.Document.Table | null, spacerLook: ParagraphLook): void {
  const next = table?.getNextSibling();
  const spacer =
    next && next.getType() === DocumentApp.ElementType.PARAGRAPH ? next.asParagraph() : body.appendParagraph("");
  spacer.setAttributes(paragraphAttributes(spacerLook));
}

export function renderDocModel(doc: GoogleAppsScript.Document.Document, model: DocModel): void {
  const body = doc.getBody();
  const landscape = model.orientation === "landscape";
  body
    .setPageWidth(landscape ? A4_PT.height : A4_PT.width)
    .setPageHeight(landscape ? A4_PT.width : A4_PT.height)
    .setMarginTop(MARGINS_PT.top)
    .setMarginBottom(MARGINS_PT.bottom)
    .setMarginLeft(MARGINS_PT.left)
    .setMarginRight(MARGINS_PT.right);
  body.setAttributes(textAttributes(TEXT_PT, false, false));
  // A new document starts with one empty paragraph; it goes once the content is in.
  const initial = body.getNumChildren() === 1 ? body.getChild(0) : null;
  const width = textWidthPt(model.orientation);
  let lastTable: GoogleAppsScript.Document.Table | null = null;
  for (const element of bodyPlan(model)) {
    switch (element.kind) {
      case "paragraph":
        drawParagraph(body, element);
        break;
      case "table":
        // The page's width, not the section's: a turned section gets its widths with its turn (docs-merge.ts).
        lastTable = drawTable(body, element.block, width);
        break;
      case "spacer":
        drawSpacer(body, lastTable, element.look);
        lastTable = null;
        break;
      case "pageBreak":
      case "section":
        // A section starts on a new page: without the Docs API pass (or if it fails) the page
        // break stays, with the tables at the document's page width.
        body.appendPageBreak();
        break;
    }
  }
  if (initial && body.getNumChildren() > 1) initial.removeFromParent();
}
