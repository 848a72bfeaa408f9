/**
 * The body plan of a Google Doc drawn from the core DocModel: what each body element is and how
 * it looks, with every paragraph property the .docx renderer (src/local/docx-body.ts) sets
 * written out explicitly — a Google Doc otherwise takes Docs' defaults (1.15 line spacing, its
 * own heading sizes and spacing, no first-line indent). The plan is drawn twice: as
 * WordprocessingML for the .docx Drive converts into the Doc (wordml-body.ts), and as the Docs
 * API requests that set what that first stage leaves out (keep with next, header rows repeated
 * on every page, rows kept whole, cell padding, the alignment inside table cells, merged group
 * headers, landscape sections: docs-merge.ts), which finds its elements again by this plan.
 * Headers and footers are not part of the body: the package brings them (docx-package.ts).
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
import { scaleWidths, textWidthPt } from "../core/report/widths.js";

export const FONT = "Times New Roman";
export const TEXT_PT = 14;
const TITLE_PT = 16;
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
   * A table; `width` is the text width of its section, points. The first stage draws it at the
   * document's page width; the Docs API pass sets a turned section's widths (docs-merge.ts).
   */
  | { readonly kind: "table"; readonly block: TableBlock; readonly width: number }
  | { readonly kind: "pageBreak" }
  /**
   * A new section of pages in `orientation`. The first stage draws a page break (one page size
   * for the whole body); the Docs API pass turns it into a section
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
      // The .docx puts the line and the name at a right tab stop on the margin. The Docs API
      // cannot set a tab stop (the Docs API's ParagraphStyle.tabStops is read-only),
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
