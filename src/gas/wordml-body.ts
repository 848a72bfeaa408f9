/**
 * The body plan (docs-render.ts bodyPlan) as WordprocessingML, for the .docx that Drive converts
 * into the report's Google Doc. Pure: strings in, a string out, no Apps Script.
 *
 * It writes what the plan's first stage draws and nothing the Docs API pass (docs-merge.ts) sets
 * afterwards: every paragraph with its alignment, spacing, line spacing, indents, heading style,
 * size, bold and italic runs; every table at the page's text width with its column widths,
 * borders, shaded bold header rows and bold or italic cell runs; a page break where a section
 * starts. Keep-with-next, repeated header rows, rows kept whole, cell padding and alignment,
 * merged group headers and landscape sections come from the one batchUpdate that follows, so
 * the document that request finds is the one it was planned for (its merges would fail on
 * cells an import had merged already).
 *
 * Element order inside w:pPr, w:rPr, w:tblPr and w:tcPr follows the WordprocessingML schema
 * (ECMA-376 Part 1), as Word and importers expect it.
 */
import type { Align, DocModel, Run, TableBlock } from "../core/report/model.js";
import { TABLE_PT, textWidthPt } from "../core/report/widths.js";
import {
  type BodyElement,
  HEADER_SHADE,
  LAYOUT_PT,
  type ParagraphLook,
  TEXT_PT,
  bodyPlan,
  columnWidthsPt,
  tableCells,
} from "./docs-render.js";

// Characters XML 1.0 forbids (control characters a spreadsheet cell may still hold); tab and
// line feed are drawn as w:tab and w:br.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

function xmlText(text: string): string {
  return text.replace(FORBIDDEN, "").replace(/[&<>"]/g, (c) => ESCAPES[c]!);
}

/** Points → twips (1/20 pt), whole: the plan's points come from whole twips already. */
export const twips = (points: number): number => Math.round(points * 20);

const JC: Record<Align, string> = { left: "left", center: "center", right: "right", justify: "both" };

interface RunStyle {
  readonly bold: boolean;
  readonly italic: boolean;
  /** Points; the document default (TEXT_PT, styles.xml) is not written. */
  readonly size: number;
}

function runProperties(style: RunStyle): string {
  const props =
    (style.bold ? "<w:b/><w:bCs/>" : "") +
    (style.italic ? "<w:i/><w:iCs/>" : "") +
    (style.size !== TEXT_PT ? `<w:sz w:val="${style.size * 2}"/><w:szCs w:val="${style.size * 2}"/>` : "");
  return props ? `<w:rPr>${props}</w:rPr>` : "";
}

/** One text run; "\n" becomes a line break and "\t" a tab, each its own element as WordprocessingML has them. */
function runXml(text: string, style: RunStyle): string {
  if (text === "") return "";
  const props = runProperties(style);
  const content = text
    .split(/(\n|\t)/)
    .map((piece) =>
      piece === "\n"
        ? "<w:br/>"
        : piece === "\t"
          ? "<w:tab/>"
          : piece === ""
            ? ""
            : `<w:t xml:space="preserve">${xmlText(piece)}</w:t>`,
    )
    .join("");
  return `<w:r>${props}${content}</w:r>`;
}

function runsXml(runs: readonly Run[], base: RunStyle): string {
  return runs
    .map((r) => runXml(r.text, { bold: base.bold || !!r.bold, italic: base.italic || !!r.italic, size: base.size }))
    .join("");
}

/** Where the first line starts relative to the others: w:firstLine when to the right, w:hanging when to the left. */
function indentXml(look: ParagraphLook): string {
  const left = twips(look.indentStart);
  const first = twips(look.indentFirstLine) - left;
  const firstAttr = first >= 0 ? `w:firstLine="${first}"` : `w:hanging="${-first}"`;
  return `<w:ind w:left="${left}" w:right="0" ${firstAttr}/>`;
}

const spacingXml = (before: number, after: number) =>
  `<w:spacing w:before="${twips(before)}" w:after="${twips(after)}" ` +
  `w:line="${Math.round(LAYOUT_PT.lineSpacing * 240)}" w:lineRule="auto"/>`;

function paragraphXml(look: ParagraphLook, runs: readonly Run[]): string {
  const pPr =
    (look.heading ? `<w:pStyle w:val="Heading${look.heading}"/>` : "") +
    spacingXml(look.before, look.after) +
    indentXml(look) +
    `<w:jc w:val="${JC[look.align]}"/>` +
    // The paragraph mark's look: an empty paragraph's size and weight are its mark's.
    runProperties(look);
  return `<w:p><w:pPr>${pPr}</w:pPr>${runsXml(runs, look)}</w:p>`;
}

const PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';

const BORDER_SIDES = ["top", "left", "bottom", "right", "insideH", "insideV"];
/** Border width in eighths of a point (w:sz), as WordprocessingML counts it. */
const BORDERS =
  "<w:tblBorders>" +
  BORDER_SIDES.map(
    (side) =>
      `<w:${side} w:val="single" w:sz="${Math.round(LAYOUT_PT.borderWidth * 8)}" w:space="0" ` +
      `w:color="${LAYOUT_PT.borderColor.slice(1).toUpperCase()}"/>`,
  ).join("") +
  "</w:tblBorders>";

/** A cell's one paragraph: table text single-spaced, no spacing; its runs bold where the plan makes them bold. */
function cellXml(width: number, runs: readonly Run[], bold: boolean, shaded: boolean): string {
  const tcPr =
    `<w:tcW w:w="${width}" w:type="dxa"/>` +
    (shaded ? `<w:shd w:val="clear" w:color="auto" w:fill="${HEADER_SHADE.slice(1).toUpperCase()}"/>` : "");
  const look: RunStyle = { bold, italic: false, size: TABLE_PT };
  const paragraph = `<w:p><w:pPr>${spacingXml(0, 0)}${runProperties(look)}</w:pPr>${runsXml(runs, look)}</w:p>`;
  return `<w:tc><w:tcPr>${tcPr}</w:tcPr>${paragraph}</w:tc>`;
}

/**
 * A table as the plan's first stage draws it: one cell per column in every row (a group header
 * cell's text in the first column of its span, merged later), header rows bold and shaded, the
 * total row bold, a body cell's own bold and italic runs kept.
 */
function tableXml(block: TableBlock, width: number): string {
  const widths = columnWidthsPt(
    block.columns.map((c) => c.width),
    width,
  ).map(twips);
  const { cells, headerRows } = tableCells(block);
  const total = block.totalRow && block.rows.length > 0 ? cells.length - 1 : -1;
  const rows = cells.map((row, r) => {
    const header = r < headerRows;
    const source = header ? undefined : block.rows[r - headerRows];
    const cellsXml = row.map((text, c) => {
      const cell = source?.[c];
      const runs: readonly Run[] = cell !== undefined && typeof cell !== "string" ? cell : [{ text }];
      return cellXml(widths[c]!, runs, header || r === total, header);
    });
    return `<w:tr>${cellsXml.join("")}</w:tr>`;
  });
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${twips(width)}" w:type="dxa"/>${BORDERS}<w:tblLayout w:type="fixed"/></w:tblPr>` +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>` +
    rows.join("") +
    "</w:tbl>"
  );
}

function elementXml(element: BodyElement, pageTextWidth: number): string {
  switch (element.kind) {
    case "paragraph":
      return paragraphXml(element.look, element.runs);
    case "spacer":
      return paragraphXml(element.look, []);
    case "table":
      // The page's width, not the section's: a turned section gets its widths with its turn (docs-merge.ts).
      return tableXml(element.block, pageTextWidth);
    case "pageBreak":
    case "section":
      return PAGE_BREAK;
  }
}

/** The body's content, in the plan's order (the final section properties are the package's, docx-package.ts). */
export function bodyContentXml(model: DocModel): string {
  const width = textWidthPt(model.orientation);
  return bodyPlan(model)
    .map((element) => elementXml(element, width))
    .join("");
}
