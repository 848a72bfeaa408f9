/**
 * DocModel blocks → WordprocessingML for the document body, written directly as text.
 * The docx library builds the package around it (styles, footer, page set-up); building
 * every table cell as a library object made a 1,000-row plan take seconds, a string takes
 * milliseconds. Element order inside pPr/rPr/tblPr/tcPr follows the OOXML schema.
 */
import {
  type Align,
  type Block,
  type Orientation,
  type Run,
  type TableBlock,
  type TableCell,
  isCaption,
  signatureTail,
} from "../core/report/model.js";
import { rowMaySplit } from "../core/report/widths.js";
import { CELL_MARGIN, FIRST_LINE, HEADER_SHADE, columnTwips, mm, textWidth } from "./docx-layout.js";

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
// Characters XML 1.0 forbids (control characters a spreadsheet cell may still hold).
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function escapeXml(text: string): string {
  return text.replace(FORBIDDEN, "").replace(/[&<>"]/g, (c) => XML_ESCAPES[c]!);
}

const JC: Record<Align, string> = { left: "left", center: "center", right: "right", justify: "both" };

/** Paragraph style of table text (12 pt), defined in docx.ts; body text takes the document default (14 pt). */
export const TABLE_STYLE = "MipTableText";

interface RunStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Only when it differs from the paragraph style's size (the title's 16 pt). */
  readonly size?: number;
}

/** Run properties: only what differs from the paragraph's style, to keep 10,000-row tables small. */
function rPr(style: RunStyle): string {
  const props =
    (style.bold ? "<w:b/><w:bCs/>" : "") +
    (style.italic ? "<w:i/><w:iCs/>" : "") +
    (style.size ? `<w:sz w:val="${style.size}"/><w:szCs w:val="${style.size}"/>` : "");
  return props ? `<w:rPr>${props}</w:rPr>` : "";
}

/** One run per line: "\n" in the text becomes a line break. */
function runXml(text: string, style: RunStyle = {}): string {
  const props = rPr(style);
  return text
    .split("\n")
    .map((line, i) => `<w:r>${props}${i > 0 ? "<w:br/>" : ""}<w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r>`)
    .join("");
}

function runsXml(runs: readonly Run[], forceBold = false): string {
  return runs.map((r) => runXml(r.text, { bold: forceBold || r.bold, italic: r.italic })).join("");
}

interface ParagraphProps {
  readonly style?: string;
  readonly keepNext?: boolean;
  readonly keepLines?: boolean;
  readonly tabs?: string;
  /** Titles, headings, captions, the approval and the signature are never hyphenated. */
  readonly noHyphens?: boolean;
  readonly before?: number;
  readonly after?: number;
  readonly indent?: string;
  readonly align?: Align;
}

function paragraphXml(props: ParagraphProps, content: string): string {
  const pPr =
    (props.style ? `<w:pStyle w:val="${props.style}"/>` : "") +
    (props.keepNext ? "<w:keepNext/>" : "") +
    (props.keepLines ? "<w:keepLines/>" : "") +
    (props.tabs ?? "") +
    (props.noHyphens ? "<w:suppressAutoHyphens/>" : "") +
    `<w:spacing w:before="${props.before ?? 0}" w:after="${props.after ?? 0}" w:line="240" w:lineRule="auto"/>` +
    (props.indent ?? "") +
    (props.align ? `<w:jc w:val="${JC[props.align]}"/>` : "");
  return `<w:p><w:pPr>${pPr}</w:pPr>${content}</w:p>`;
}

const cellRuns = (cell: TableCell): readonly Run[] => (typeof cell === "string" ? [{ text: cell }] : cell);

const BORDER = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
const TABLE_BORDERS = `<w:tblBorders>${["top", "left", "bottom", "right", "insideH", "insideV"].map(BORDER).join("")}</w:tblBorders>`;
const CELL_MARGINS =
  `<w:tblCellMar><w:top w:w="${CELL_MARGIN.top}" w:type="dxa"/><w:left w:w="${CELL_MARGIN.left}" w:type="dxa"/>` +
  `<w:bottom w:w="${CELL_MARGIN.bottom}" w:type="dxa"/><w:right ` +
  `w:w="${CELL_MARGIN.right}" w:type="dxa"/></w:tblCellMar>`;

function cellXml(width: number, content: string, extra: { span?: number; header?: boolean } = {}): string {
  const tcPr =
    `<w:tcW w:w="${width}" w:type="dxa"/>` +
    (extra.span && extra.span > 1 ? `<w:gridSpan w:val="${extra.span}"/>` : "") +
    (extra.header ? `<w:shd w:val="clear" w:color="auto" w:fill="${HEADER_SHADE}"/><w:vAlign w:val="center"/>` : "");
  return `<w:tc><w:tcPr>${tcPr}</w:tcPr>${content}</w:tc>`;
}

/**
 * A cell's paragraph. Table text is not hyphenated: the columns are sized so their words fit
 * whole (report/widths.ts), a hyphenated short label reads worse than a wrapped one, and the
 * Google Doc of the same model has no hyphenation either.
 */
function tableText(cell: TableCell, align: Align, bold: boolean): string {
  const pPr = `<w:pStyle w:val="${TABLE_STYLE}"/><w:suppressAutoHyphens/>${align === "left" ? "" : `<w:jc w:val="${JC[align]}"/>`}`;
  return `<w:p><w:pPr>${pPr}</w:pPr>${runsXml(cellRuns(cell), bold)}</w:p>`;
}

const HEADER_ROW = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>";

/** The empty paragraph after a table. */
const TABLE_SPACER = paragraphXml({ after: 120 }, "");

/**
 * The paragraph that ends a section: as small as Word allows (exact 1 pt line, 1 pt mark), so
 * a section whose table ends at the foot of a page does not spill an empty paragraph onto a
 * blank page of its own.
 */
function sectionEnd(sectPr: string): string {
  return (
    `<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>` +
    `<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>${sectPr}</w:pPr></w:p>`
  );
}

/**
 * A page break in a paragraph as small as the section's end, for the same reason: after a table
 * that fills its page, a full-size break paragraph spills onto the next page and its break then
 * leaves that page blank.
 */
const PAGE_BREAK =
  `<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>` +
  `<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr><w:r><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>` +
  `<w:br w:type="page"/></w:r></w:p>`;

function tableXml(block: TableBlock, width: number): string {
  // The model's widths were fitted to their content in the core (report/widths.ts), as the
  // Google Docs renderer gets them; here they are only scaled to twips.
  const widths = columnTwips(
    block.columns.map((c) => c.width),
    width,
  );
  const spanWidth = (from: number, span: number) => widths.slice(from, from + span).reduce((a, b) => a + b, 0);
  const parts: string[] = [];
  if (block.caption)
    parts.push(paragraphXml({ keepNext: true, noHyphens: true, before: 120, after: 60 }, runXml(block.caption)));
  parts.push(
    `<w:tbl><w:tblPr><w:tblW w:w="${width}" ` +
      `w:type="dxa"/>${TABLE_BORDERS}<w:tblLayout w:type="fixed"/>${CELL_MARGINS}` +
      `<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" ` +
      `w:lastColumn="0" w:noHBand="0" w:noVBand="0"/></w:tblPr>` +
      `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`,
  );
  for (const row of block.headerRows ?? []) {
    let at = 0;
    const cells = row.map((h) => {
      const xml = cellXml(spanWidth(at, h.span), tableText(h.text, "center", true), { span: h.span, header: true });
      at += h.span;
      return xml;
    });
    parts.push(`<w:tr>${HEADER_ROW}${cells.join("")}</w:tr>`);
  }
  parts.push(
    `<w:tr>${HEADER_ROW}${block.columns.map((c, i) => cellXml(widths[i]!, tableText(c.header, "center", true), { header: true })).join("")}</w:tr>`,
  );
  const last = block.rows.length - 1;
  block.rows.forEach((row, r) => {
    const bold = Boolean(block.totalRow && r === last);
    const cells = block.columns.map((c, i) => cellXml(widths[i]!, tableText(row[i] ?? "", c.align ?? "left", bold)));
    // A row stays on one page unless it is taller than a page (then Word must split it).
    const trPr = rowMaySplit(block, row) ? "" : "<w:trPr><w:cantSplit/></w:trPr>";
    parts.push(`<w:tr>${trPr}${cells.join("")}</w:tr>`);
  });
  parts.push("</w:tbl>");
  // Word merges tables that touch; a small empty paragraph keeps them apart and adds air.
  parts.push(TABLE_SPACER);
  return parts.join("");
}

const HEADING_STYLE = { 1: "Heading1", 2: "Heading2", 3: "Heading3" } as const;

function blockXml(block: Block, width: number): string {
  switch (block.type) {
    case "title":
      return block.lines
        .map((line, i) =>
          paragraphXml(
            {
              align: "center",
              noHyphens: true,
              before: i === 0 ? 240 : 0,
              after: i === block.lines.length - 1 ? 240 : 60,
            },
            runXml(line, { bold: true, ...(i === 0 && /^[А-ЯЁ ]+$/u.test(line) ? { size: 32 } : {}) }),
          ),
        )
        .join("");
    case "heading":
      return paragraphXml(
        {
          style: HEADING_STYLE[block.level],
          keepNext: true,
          keepLines: true,
          noHyphens: true,
          before: block.level === 1 ? 240 : 120,
          after: 60,
          align: "left",
        },
        runXml(block.text, { bold: true, italic: block.level === 3 }),
      );
    case "paragraph": {
      const align = block.align ?? "justify";
      const caption = isCaption(block);
      return paragraphXml(
        {
          align,
          after: 60,
          ...(caption ? { keepNext: true, keepLines: true, noHyphens: true } : {}),
          ...(align === "justify" ? { indent: `<w:ind w:firstLine="${FIRST_LINE}"/>` } : {}),
        },
        runsXml(block.runs),
      );
    }
    case "list":
      return block.items
        .map((item, i) =>
          paragraphXml(
            { align: "justify", after: 40, indent: `<w:ind w:left="${mm(10)}" w:hanging="${mm(6)}"/>` },
            runsXml([{ text: block.ordered ? `${i + 1}.\u00a0` : "–\u00a0" }, ...item]),
          ),
        )
        .join("");
    case "table":
      return tableXml(block, width);
    case "pageBreak":
      return PAGE_BREAK;
    case "section":
      // Drawn by bodyXml, which knows the section that ends here.
      return "";
    case "approval":
      return block.lines
        .map((line, i) =>
          paragraphXml(
            {
              align: "left",
              noHyphens: true,
              after: i === block.lines.length - 1 ? 240 : 40,
              indent: `<w:ind w:left="${Math.round(width * 0.55)}"/>`,
            },
            runXml(line, { bold: i === 0 }),
          ),
        )
        .join("");
    case "signature":
      // One right tab: the line and the name stay together at the right margin, on the same
      // line as the organisation when it fits, else right-aligned on the next line.
      return paragraphXml(
        {
          keepLines: true,
          noHyphens: true,
          before: 480,
          tabs: `<w:tabs><w:tab w:val="right" w:pos="${width}"/></w:tabs>`,
        },
        runXml(block.left) + `<w:r><w:tab/><w:t xml:space="preserve">${escapeXml(signatureTail(block))}</w:t></w:r>`,
      );
  }
}

/**
 * The whole body (without the final section properties). A section block ends the section
 * before it with a paragraph carrying that section's properties (`sectionFor` gives them,
 * header and footer references included), as WordprocessingML places them; the last
 * section's orientation is returned for the body's final properties.
 */
export function bodyXml(
  blocks: readonly Block[],
  orientation: Orientation,
  sectionFor: (orientation: Orientation) => string = () => "",
): { xml: string; lastOrientation: Orientation } {
  let current = orientation;
  const parts: string[] = [];
  const dropSpacer = () => {
    const last = parts.length - 1;
    if (last >= 0 && parts[last]!.endsWith(TABLE_SPACER)) parts[last] = parts[last]!.slice(0, -TABLE_SPACER.length);
  };
  for (const block of blocks) {
    // The break keeps the tables apart already; the spacer would only spill onto a blank page.
    if (block.type === "pageBreak") dropSpacer();
    if (block.type === "section") {
      if (block.orientation !== current) {
        // The section's end takes the place of its last table's spacer (the break keeps the
        // tables apart already), so a table that ends at the foot of a page leaves no blank page.
        dropSpacer();
        parts.push(sectionEnd(sectionFor(current)));
        current = block.orientation;
      }
      continue;
    }
    parts.push(blockXml(block, textWidth(current)));
  }
  return { xml: parts.join(""), lastOrientation: current };
}
