/**
 * Draws the core DocModel with DocumentApp: the same text, order and tables as the .docx
 * renderer (src/local/docx.ts). Tables are appended whole from 2D arrays; formatting calls
 * are per table, per header row cell and per column — never per body row — so a 1,000-row
 * plan costs what a 10-row plan costs.
 */
import { type Block, type DocModel, type Run, type TableBlock, SIGNATURE_BLANK, cellPlainText } from "../core/report/model.js";
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

/** Relative width weights → points that add up to the text width. */
export function columnWidthsPt(weights: readonly number[], total: number): number[] {
  return scaleWidths(weights, total).map((w) => Math.round(w * 10) / 10);
}

function textStyle(size: number, bold = false): Record<string, unknown> {
  const A = DocumentApp.Attribute;
  return { [A.FONT_FAMILY]: FONT, [A.FONT_SIZE]: size, [A.BOLD]: bold, [A.FOREGROUND_COLOR]: "#000000" };
}

const ALIGN = () => ({
  left: DocumentApp.HorizontalAlignment.LEFT,
  center: DocumentApp.HorizontalAlignment.CENTER,
  right: DocumentApp.HorizontalAlignment.RIGHT,
  justify: DocumentApp.HorizontalAlignment.JUSTIFY,
});

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

function paragraph(body: Body, text: string, align: keyof ReturnType<typeof ALIGN>, style: Record<string, unknown>): Paragraph {
  const p = body.appendParagraph(text);
  p.setAttributes(style);
  p.setAlignment(ALIGN()[align]);
  return p;
}

const HEADINGS = () => [DocumentApp.ParagraphHeading.HEADING1, DocumentApp.ParagraphHeading.HEADING2, DocumentApp.ParagraphHeading.HEADING3];

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
  const cells = [...groups.map(fit), block.columns.map((c) => c.header), ...block.rows.map((row) => fit(row.map(cellPlainText)))];
  return { cells, headerRows: groups.length + 1 };
}

function drawTable(body: Body, block: TableBlock, orientation: DocModel["orientation"]): void {
  if (block.caption) paragraph(body, block.caption, "left", textStyle(TEXT_PT));
  const { cells, headerRows } = tableCells(block);
  const table = body.appendTable(cells);
  table.setBorderWidth(0.5).setBorderColor("#000000");
  table.editAsText().setFontFamily(FONT).setFontSize(TABLE_PT).setBold(false);
  columnWidthsPt(
    block.columns.map((c) => c.width),
    textWidthPt(orientation),
  ).forEach((w, i) => table.setColumnWidth(i, w));
  for (let r = 0; r < headerRows; r++) {
    const row = table.getRow(r);
    row.editAsText().setBold(true);
    for (let c = 0; c < row.getNumCells(); c++) row.getCell(c).setBackgroundColor(HEADER_SHADE);
  }
  if (block.totalRow && block.rows.length > 0) table.getRow(cells.length - 1).editAsText().setBold(true);
  block.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (typeof cell !== "string" && cell.some((run) => run.bold || run.italic)) styleRuns(table.getCell(headerRows + r, c).editAsText(), cell);
    }),
  );
}

function drawBlock(body: Body, block: Block, model: DocModel): void {
  switch (block.type) {
    case "title":
      // The first line («ПРОМЕЖУТОЧНЫЙ ОТЧЕТ») a size larger, as in the .docx.
      block.lines.forEach((line, i) => paragraph(body, line, "center", textStyle(i === 0 && /^[А-ЯЁ ]+$/u.test(line) ? TITLE_PT : TEXT_PT, true)));
      return;
    case "heading": {
      const p = body.appendParagraph(block.text);
      p.setHeading(HEADINGS()[block.level - 1]!);
      p.setAttributes({ ...textStyle(TEXT_PT, true), [DocumentApp.Attribute.ITALIC]: block.level === 3 });
      p.setAlignment(DocumentApp.HorizontalAlignment.LEFT);
      return;
    }
    case "paragraph": {
      const text = block.runs.map((r) => r.text).join("");
      const p = paragraph(body, text, block.align ?? "justify", textStyle(TEXT_PT));
      if (block.runs.some((r) => r.bold || r.italic)) styleRuns(p.editAsText(), block.runs);
      return;
    }
    case "list":
      // Numbers are written as text, as the .docx renderer does, so both read the same.
      block.items.forEach((item, i) => {
        const prefix = block.ordered ? `${i + 1}.\u00a0` : "–\u00a0";
        const p = paragraph(body, prefix + item.map((r) => r.text).join(""), "justify", textStyle(TEXT_PT));
        if (item.some((r) => r.bold || r.italic)) styleRuns(p.editAsText(), [{ text: prefix }, ...item]);
      });
      return;
    case "table":
      drawTable(body, block, model.orientation);
      return;
    case "pageBreak":
      body.appendPageBreak();
      return;
    case "section":
      // DocumentApp has one page size per document: a landscape section of the model starts a new page.
      body.appendPageBreak();
      return;
    case "approval":
      block.lines.forEach((line, i) => paragraph(body, line, "right", textStyle(TEXT_PT, i === 0)));
      return;
    case "signature":
      paragraph(body, `${block.left} ${SIGNATURE_BLANK} ${block.name}`, "left", textStyle(TEXT_PT));
      return;
  }
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
  body.setAttributes(textStyle(TEXT_PT));
  // A new document starts with one empty paragraph; it goes once the content is in.
  const initial = body.getNumChildren() === 1 ? body.getChild(0) : null;
  for (const block of model.blocks) drawBlock(body, block, model);
  if (initial && body.getNumChildren() > 1) initial.removeFromParent();
}
