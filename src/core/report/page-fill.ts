/**
 * How much of a page the blocks take, estimated from the font metrics (widths.ts) and the
 * spacing the renderers use: enough to decide where a section of another orientation starts
 * and ends without leaving a page mostly empty. An estimate, not a typesetter: the rendered
 * pages are measured in test/report/page-fill.test.ts.
 */
import type { Block, Orientation, TableBlock } from "./model.js";
import { TABLE_PT, fitTable, rowHeightPt, textWidthPt, wordWidthPt } from "./widths.js";

/** Body text size and single line height, points (docs/REPORT.md: 14 pt). */
const BODY_PT = 14;
const BODY_LINE_PT = BODY_PT * 1.15;
/** The first-line indent of a justified paragraph, points (12.5 mm). */
const FIRST_LINE_PT = (12.5 * 72) / 25.4;
/** Slack for justification and hyphenation: lines hold a little less than the sum of the widths. */
const FILL = 1.06;

function lines(text: string, width: number, bold = false, indent = 0): number {
  return text
    .split("\n")
    .reduce((n, line) => n + Math.max(1, Math.ceil(((wordWidthPt(line, bold, BODY_PT) + indent) * FILL) / width)), 0);
}

function tableHeightPt(block: TableBlock, orientation: Orientation): number {
  const fitted = fitTable(block, orientation);
  const header = rowHeightPt(
    fitted,
    fitted.columns.map((c) => c.header),
  );
  const groups = (fitted.headerRows ?? []).length * (TABLE_PT * 1.15 * 2 + 4);
  const rows = fitted.rows.reduce((sum, row) => sum + rowHeightPt(fitted, row), 0);
  return header + groups + rows + 6;
}

/** Estimated height of one block on a page of `orientation`, points. */
function blockHeightPt(block: Block, orientation: Orientation): number {
  const width = textWidthPt(orientation);
  switch (block.type) {
    case "title":
      return block.lines.reduce((h, l) => h + lines(l, width, true) * BODY_LINE_PT + 3, 24);
    case "heading":
      return lines(block.text, width, true) * BODY_LINE_PT + (block.level === 1 ? 15 : 9);
    case "paragraph":
      return lines(block.runs.map((r) => r.text).join(""), width, false, FIRST_LINE_PT) * BODY_LINE_PT + 3;
    case "list":
      return block.items.reduce(
        (h, item) => h + lines(item.map((r) => r.text).join(""), width - 28) * BODY_LINE_PT + 2,
        0,
      );
    case "table":
      return tableHeightPt(block, orientation);
    case "approval":
      return block.lines.length * BODY_LINE_PT + 12;
    case "signature":
      return BODY_LINE_PT * 2 + 24;
    case "pageBreak":
    case "section":
      return 0;
  }
}

/** Estimated height of blocks set one after another, points. */
export function blocksHeightPt(blocks: readonly Block[], orientation: Orientation): number {
  return blocks.reduce((h, b) => h + blockHeightPt(b, orientation), 0);
}
