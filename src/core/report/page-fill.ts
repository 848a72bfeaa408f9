/**
 * How much of a page the blocks take, estimated from the font metrics (widths.ts) and the
 * spacing the renderers use (docx-body.ts): enough to decide where a section of another
 * orientation starts and whether a page break would leave a page mostly empty. An estimate,
 * not a typesetter: the rendered pages are measured in test/report/page-fill.test.ts.
 *
 * `paginate` sets the blocks on pages as Word and LibreOffice do with the .docx: lines of
 * prose flow from page to page; headings, captions, titles and table header rows stay with
 * what follows; a table row is kept whole unless it is tall (widths.ts rowMaySplit), and a
 * table continued on a new page repeats its header rows there.
 */
import { type Block, type Orientation, type TableBlock, isCaption } from "./model.js";
import {
  ROW_EXTRA_PT,
  TABLE_PT,
  fitTable,
  rowHeightPt,
  rowMaySplit,
  textHeightPt,
  textWidthPt,
  wordWidthPt,
} from "./widths.js";

/** Body text size and single line height, points (docs/REPORT.md: 14 pt). */
const BODY_PT = 14;
const BODY_LINE_PT = BODY_PT * 1.15;
/** Table text line height, points. */
const TABLE_LINE_PT = TABLE_PT * 1.15;
/** The first-line indent of a justified paragraph, points (12.5 mm). */
const FIRST_LINE_PT = (12.5 * 72) / 25.4;
/** Slack for justification and hyphenation: lines hold a little less than the sum of the widths. */
const FILL = 1.06;
/** The empty 14 pt paragraph after a table with its 6 pt spacing (docx-body.ts TABLE_SPACER). */
const TABLE_SPACER_PT = BODY_LINE_PT + 6;

function lineCount(text: string, width: number, bold = false, indent = 0, size = BODY_PT): number {
  return text
    .split("\n")
    .reduce((n, line) => n + Math.max(1, Math.ceil(((wordWidthPt(line, bold, size) + indent) * FILL) / width)), 0);
}

/**
 * A piece of a page that is not split: a line, a whole row, a heading. `keep`: the page may not
 * end after it (a heading, a caption, a header row). `header`: the height the piece's table
 * repeats at the top of a new page. A page break and a turn of orientation start a new page.
 */
type Atom =
  | { readonly kind: "piece"; readonly height: number; readonly keep: boolean; readonly header: number }
  | { readonly kind: "break" }
  | { readonly kind: "turn"; readonly orientation: Orientation };

const piece = (height: number, keep = false, header = 0): Atom => ({ kind: "piece", height, keep, header });

/** Lines of one paragraph: `spaceBefore` on the first, `spaceAfter` on the last. */
function lineAtoms(count: number, line: number, before: number, after: number, keepAll: boolean): Atom[] {
  return Array.from({ length: count }, (_, i) =>
    piece(line + (i === 0 ? before : 0) + (i === count - 1 ? after : 0), keepAll),
  );
}

function tableAtoms(block: TableBlock, orientation: Orientation): Atom[] {
  const fitted = fitTable(block, orientation);
  const width = textWidthPt(orientation);
  const atoms: Atom[] = [];
  if (fitted.caption) atoms.push(...lineAtoms(lineCount(fitted.caption, width), BODY_LINE_PT, 6, 3, true));
  const groups = (fitted.headerRows ?? []).length * (TABLE_LINE_PT * 2 + 4);
  const header =
    groups +
    rowHeightPt(
      fitted,
      fitted.columns.map((c) => c.header),
    );
  atoms.push(piece(header, true));
  const last = fitted.rows.length - 1;
  fitted.rows.forEach((row, r) => {
    const height = rowHeightPt(fitted, row);
    if (!rowMaySplit(fitted, row)) atoms.push(piece(height, false, header));
    else {
      const lines = Math.round((height - ROW_EXTRA_PT) / TABLE_LINE_PT);
      for (let i = 0; i < lines; i++)
        atoms.push(piece(TABLE_LINE_PT + (i === lines - 1 ? ROW_EXTRA_PT : 0), false, header));
    }
    if (r === last) atoms.push(piece(TABLE_SPACER_PT));
  });
  return atoms;
}

/** Atoms per block and orientation: the layout search sets the same blocks many times. */
const ATOMS: Record<Orientation, WeakMap<Block, readonly Atom[]>> = {
  portrait: new WeakMap(),
  landscape: new WeakMap(),
};

function blockAtoms(block: Block, orientation: Orientation): readonly Atom[] {
  const known = ATOMS[orientation].get(block);
  if (known) return known;
  const atoms = atomsOf(block, orientation);
  ATOMS[orientation].set(block, atoms);
  return atoms;
}

function atomsOf(block: Block, orientation: Orientation): Atom[] {
  const width = textWidthPt(orientation);
  switch (block.type) {
    case "title":
      return block.lines.flatMap((l, i) =>
        lineAtoms(
          lineCount(l, width, true, 0, i === 0 && /^[А-ЯЁ ]+$/u.test(l) ? 16 : BODY_PT),
          i === 0 && /^[А-ЯЁ ]+$/u.test(l) ? 16 * 1.15 : BODY_LINE_PT,
          i === 0 ? 12 : 0,
          i === block.lines.length - 1 ? 12 : 3,
          i < block.lines.length - 1,
        ),
      );
    case "heading":
      return lineAtoms(lineCount(block.text, width, true), BODY_LINE_PT, block.level === 1 ? 12 : 6, 3, true);
    case "paragraph": {
      const text = block.runs.map((r) => r.text).join("");
      const indent = (block.align ?? "justify") === "justify" ? FIRST_LINE_PT : 0;
      return lineAtoms(lineCount(text, width, isCaption(block), indent), BODY_LINE_PT, 0, 3, isCaption(block));
    }
    case "list":
      return block.items.flatMap((item) =>
        lineAtoms(lineCount(`– ${item.map((r) => r.text).join("")}`, width - 28), BODY_LINE_PT, 0, 2, false),
      );
    case "table":
      return tableAtoms(block, orientation);
    case "approval":
      return block.lines.flatMap((l, i) =>
        lineAtoms(lineCount(l, width * 0.45, i === 0), BODY_LINE_PT, 0, i === block.lines.length - 1 ? 12 : 2, true),
      );
    case "signature":
      return [piece(BODY_LINE_PT * 2 + 24)];
    case "pageBreak":
      return [{ kind: "break" }];
    case "section":
      return [{ kind: "turn", orientation: block.orientation }];
  }
}

/** One estimated page: its orientation and the points its content takes from the top. */
export interface EstimatedPage {
  readonly orientation: Orientation;
  readonly used: number;
}

/** The share of its page's text height that an estimated page fills. */
export const pageFill = (page: EstimatedPage): number => page.used / textHeightPt(page.orientation);

/**
 * The blocks set on pages (see the module comment), starting on a fresh page of `orientation`.
 * A section block of the current orientation changes nothing; of the other, starts a page.
 */
export function paginate(blocks: readonly Block[], orientation: Orientation): EstimatedPage[] {
  const pages: { orientation: Orientation; used: number }[] = [{ orientation, used: 0 }];
  let current = orientation;
  const page = () => pages[pages.length - 1]!;
  const newPage = () => pages.push({ orientation: current, used: 0 });
  // Chains of pieces that must share a page: a piece with `keep` and the ones after it.
  let chain: Extract<Atom, { kind: "piece" }>[] = [];
  const place = () => {
    const height = chain.reduce((h, a) => h + a.height, 0);
    const room = textHeightPt(current) - page().used;
    if (height > room && page().used > 0 && height <= textHeightPt(current)) newPage();
    for (const a of chain) {
      if (page().used > 0 && page().used + a.height > textHeightPt(current)) newPage();
      if (page().used === 0 && a.header > 0) page().used += a.header;
      page().used += a.height;
    }
    chain = [];
  };
  for (const block of blocks) {
    for (const atom of blockAtoms(block, current)) {
      if (atom.kind === "piece") {
        chain.push(atom);
        if (!atom.keep) place();
        continue;
      }
      place();
      if (atom.kind === "turn") {
        if (atom.orientation === current) continue;
        current = atom.orientation;
        if (page().used === 0) pages[pages.length - 1] = { orientation: current, used: 0 };
        else newPage();
      } else newPage();
    }
  }
  place();
  return pages;
}

/** Estimated height of one block on a page of `orientation`, points (what it adds to a page it fits on). */
export function blockHeightPt(block: Block, orientation: Orientation): number {
  return blockAtoms(block, orientation).reduce((h, a) => h + (a.kind === "piece" ? a.height : 0), 0);
}

/** Estimated height of blocks set one after another, points. */
export function blocksHeightPt(blocks: readonly Block[], orientation: Orientation): number {
  return blocks.reduce((h, b) => h + blockHeightPt(b, orientation), 0);
}
