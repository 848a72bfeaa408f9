/**
 * Column widths chosen for their content (docs/REPORT.md «Formatting»): each column is at least as
 * wide as the longest single word of its header (bold) and cells at 12 pt Times New Roman, so
 * no word breaks in the middle; the rest of the text width is shared by the model's weights.
 * Done in the core, on the model, so the .docx and the Google Docs renderers draw the same
 * widths (both scale the weights to the text width).
 */
import type { Block, DocModel, Orientation, TableBlock, TableCell } from "./model.js";

// Advance widths in 1/1000 em of Liberation Serif (metric-compatible with Times New Roman),
// from scripts/font-metrics.mjs.
const REGULAR =
  "722,574,667,578,682,611,611,896,501,722,722,667,678,889,722,722,722,556,667,611,708,790,722,722,650,1009,1009,706,872,574,660,1028,667,444,509,472,410,509,444,444,691,395,535,535,486,499,633,535,500,535,500,444,437,500,648,500,535,503,770,770,517,672,456,429,747,460,722,667,667,722,611,556,722,722,333,389,722,611,889,722,722,556,722,667,556,611,722,722,944,722,722,611,444,500,444,500,444,333,500,500,278,278,500,278,778,500,500,500,500,333,389,278,500,500,722,500,500,444,500,500,500,500,500,500,500,500,500,500,250,250,278,278,333,444,333,333,333,333,278,833,500,500,408,180,333,500,1000,954,921,500,564,564,500,778,500";
const BOLD =
  "722,661,667,636,688,667,667,989,528,778,778,725,745,944,778,778,778,611,722,667,734,859,722,778,734,1098,1098,765,982,661,678,1126,722,500,500,540,454,506,444,444,725,402,576,576,576,561,681,576,500,576,556,444,491,500,692,500,576,564,844,844,583,781,529,432,764,541,722,667,722,722,667,611,778,778,389,500,778,667,944,722,778,611,778,722,556,667,722,722,1000,722,722,667,500,556,444,556,444,333,500,556,278,333,556,278,833,556,500,556,556,444,389,333,556,500,722,500,500,444,500,500,500,500,500,500,500,500,500,500,250,250,333,333,333,500,333,333,333,333,278,1000,500,500,555,278,333,500,1000,1005,930,500,570,570,500,833,500";
const CHARS =
  "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюяABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.,;:!?()[]/%«»\"'-–—№@_+=*&#";

function table(widths: string): Map<string, number> {
  const values = widths.split(",").map(Number);
  return new Map([...CHARS].map((ch, i) => [ch, values[i]!]));
}
const EM = { regular: table(REGULAR), bold: table(BOLD) };
/** An unknown character counts as a wide letter. */
const UNKNOWN = 722;
/** A space, ordinary or non-breaking, is a quarter of an em in Times New Roman, bold or not. */
const SPACE_EM = 250;

/** Table text size, points (docs/REPORT.md: 12 pt in tables). */
export const TABLE_PT = 12;
/** Left + right cell padding the renderers use, points, with a little slack for rounding. */
export const CELL_PADDING_PT = 2 * 2.85 + 2;
/** Left + right cell padding as the renderers set it, points: the room a cell's lines have. */
const CELL_MARGINS_PT = 2 * 2.85;
/** A4 text width: 210 − 30 − 20 mm portrait, 297 − 30 − 20 mm landscape, in points. */
export function textWidthPt(orientation: Orientation): number {
  const mm = orientation === "landscape" ? 297 - 50 : 210 - 50;
  return (mm * 72) / 25.4;
}

/** Width of a word at `size` points, in points. */
export function wordWidthPt(word: string, bold: boolean, size: number = TABLE_PT): number {
  const em = bold ? EM.bold : EM.regular;
  let sum = 0;
  for (const ch of word) sum += em.get(ch) ?? (ch === " " || ch === "\u00a0" ? SPACE_EM : UNKNOWN);
  return (sum / 1000) * size;
}

/**
 * The longest word of a cell's text that must not break. Links and e-mail addresses break
 * anywhere without harm, so they only count with their first ten characters.
 */
function longestWord(text: string, bold = false): string {
  let best = "";
  let bestWidth = 0;
  // A line may break after a hyphen or a slash («школ-|лидеров», «педагоги/|родители»), so
  // the parts count, not the whole compound.
  const link = /^https?:|^www\.|@|\.[a-z]{2,}(?:\/|$)/iu;
  for (const raw of text
    .split(/[\s\u00a0]+/u)
    .flatMap((w) => (link.test(w) ? [w] : w.split(/(?<=[^\s\-–—/]{3}[-–—/])(?=[^\s\-–—/\d]{3})/u)))) {
    const word = link.test(raw) ? raw.slice(0, 10) : raw;
    const width = wordWidthPt(word, bold);
    if (width > bestWidth) [best, bestWidth] = [word, width];
  }
  return best;
}

const plain = (cell: TableCell): string => (typeof cell === "string" ? cell : cell.map((r) => r.text).join(""));

/**
 * Points each column needs so its longest header word (bold) and cell word fit whole.
 * `hard` counts only the words that must never break: header words and cells of one word
 * (a level «Муниципальный», a date, a number); words inside prose may break when nothing else helps.
 */
export function columnMinimumsPt(block: TableBlock, hard = false): number[] {
  const last = block.rows.length - 1;
  return block.columns.map((col, i) => {
    let need = wordWidthPt(longestWord(col.header, true), true);
    block.rows.forEach((row, r) => {
      const text = plain(row[i] ?? "").trim();
      if (hard && /[\s\u00a0]/u.test(text)) return;
      const bold = Boolean(block.totalRow && r === last);
      need = Math.max(need, wordWidthPt(longestWord(text, bold), bold));
    });
    return need + CELL_PADDING_PT;
  });
}

/**
 * The minimums a table is fitted with on `total` points: every word whole when that fits;
 * otherwise the hard minimums first and what is left shared among the prose words, the
 * longest giving way first.
 */
function tableMinimumsPt(block: TableBlock, total: number): number[] {
  const soft = columnMinimumsPt(block);
  if (soft.reduce((a, b) => a + b, 0) <= total) return soft;
  const hard = columnMinimumsPt(block, true);
  const hardSum = hard.reduce((a, b) => a + b, 0);
  if (hardSum >= total) return hard;
  const extra = levelOff(
    soft.map((m, i) => m - hard[i]!),
    total - hardSum,
  );
  return hard.map((m, i) => m + extra[i]!);
}

/** Relative weights → widths that add up to `total` exactly (the renderers scale the model's widths with it). */
export function scaleWidths(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + Math.max(b, 0.1), 0);
  return weights.map((w) => (Math.max(w, 0.1) / sum) * total);
}

/**
 * Widths from the weights, widened where a column's longest word would otherwise break
 * mid-word, the room taken from the columns with room to spare. When the minimums cannot all
 * fit, the largest give way first (down to a common level), so one long word does not squeeze
 * every other column. A column never claims more than `cap` of the width for one word (URLs break).
 */
function fitColumnWidths(weights: readonly number[], minimums: readonly number[], total: number, cap = 0.3): number[] {
  const mins = levelOff(
    minimums.map((m) => Math.min(m, total * cap)),
    total,
  );
  const fixed = new Map<number, number>();
  for (;;) {
    const free = weights.map((_, i) => i).filter((i) => !fixed.has(i));
    const room = total - [...fixed.values()].reduce((a, b) => a + b, 0);
    const weightSum = free.reduce((a, i) => a + Math.max(weights[i]!, 0.1), 0);
    const tooNarrow = free.filter((i) => (Math.max(weights[i]!, 0.1) / weightSum) * room < mins[i]!);
    for (const i of tooNarrow) fixed.set(i, mins[i]!);
    if (tooNarrow.length === 0 || free.length === tooNarrow.length) {
      const left = total - [...fixed.values()].reduce((a, b) => a + b, 0);
      const rest = free.filter((i) => !fixed.has(i));
      const restWeights = rest.reduce((a, i) => a + Math.max(weights[i]!, 0.1), 0);
      const shares = weights.map((w, i) => fixed.get(i) ?? (Math.max(w, 0.1) / restWeights) * left);
      return scaleWidths(shares, total);
    }
  }
}

function levelOff(mins: readonly number[], total: number): number[] {
  if (mins.reduce((a, b) => a + b, 0) <= total) return [...mins];
  const sorted = [...mins].sort((a, b) => a - b);
  let below = 0;
  for (let i = 0; i < sorted.length; i++) {
    const level = (total - below) / (sorted.length - i);
    if (sorted[i]! >= level) return mins.map((m) => Math.min(m, level));
    below += sorted[i]!;
  }
  return [...mins];
}

/** The table with its column widths fitted to its content on a page of `orientation` (widths in points). */
export function fitTable(block: TableBlock, orientation: Orientation): TableBlock {
  const total = textWidthPt(orientation);
  const widths = fitColumnWidths(
    block.columns.map((c) => c.width),
    tableMinimumsPt(block, total),
    total,
  );
  return { ...block, columns: block.columns.map((c, i) => ({ ...c, width: Math.round(widths[i]! * 10) / 10 })) };
}

/** Every table of the document fitted to its content and the page. */
export function fitTables(blocks: readonly Block[], orientation: DocModel["orientation"]): Block[] {
  return blocks.map((b) => (b.type === "table" ? fitTable(b, orientation) : b));
}

/** True when a table cannot hold every word whole on a page of `orientation`. */
export function needsWiderPage(block: TableBlock, orientation: Orientation): boolean {
  return columnMinimumsPt(block).reduce((a, b) => a + b, 0) > textWidthPt(orientation);
}

/** Table text line height at 12 pt, points (single spacing in Times New Roman). */
const LINE_PT = TABLE_PT * 1.15;

/** What a row adds to its lines: the cell margins above and below (1 pt each) and the border. */
export const ROW_EXTRA_PT = 3;

/** Text height of A4 minus the 20 mm margins, points. */
export function textHeightPt(orientation: Orientation): number {
  const mm = orientation === "landscape" ? 210 - 40 : 297 - 40;
  return (mm * 72) / 25.4;
}

const SPACE_PT = (SPACE_EM / 1000) * TABLE_PT;

/**
 * Lines a paragraph of table text takes in `room` points, wrapped word by word as a line
 * breaker does (a narrow column loses the rest of a line to every word that does not fit).
 * A word wider than the column breaks where it must.
 */
function wrappedLines(text: string, room: number): number {
  return linesOfWords(wordWidths(text), room);
}

/** The widths of a paragraph's words, points. */
function wordWidths(text: string): number[] {
  return text
    .split(/[ \t\r]+/u)
    .filter((word) => word !== "")
    .map((word) => wordWidthPt(word, false));
}

/** Lines that words of these widths take in `room` points (see wrappedLines). */
function linesOfWords(widths: readonly number[], room: number): number {
  let lines = 1;
  let used = 0;
  for (const width of widths) {
    if (used > 0 && used + SPACE_PT + width <= room) {
      used += SPACE_PT + width;
      continue;
    }
    if (used > 0) lines++;
    const pieces = Math.max(1, Math.ceil(width / room));
    lines += pieces - 1;
    used = width - (pieces - 1) * room;
  }
  return lines;
}

/** Estimated height of a body row, points, from its fitted column widths (points). */
export function rowHeightPt(block: TableBlock, row: readonly TableCell[]): number {
  let lines = 1;
  block.columns.forEach((col, i) => {
    const room = Math.max(col.width - CELL_MARGINS_PT, 10);
    const text = plain(row[i] ?? "");
    let cellLines = 0;
    for (const para of text.split("\n")) cellLines += wrappedLines(para, room);
    lines = Math.max(lines, cellLines);
  });
  return lines * LINE_PT + ROW_EXTRA_PT;
}

/** A row of up to this many lines is kept on one page; a taller one may continue on the next. */
const WHOLE_ROW_LINES = 6;

/**
 * A body row may be split across pages when it is taller than WHOLE_ROW_LINES lines: kept
 * whole, a long row that does not fit the rest of a page moves on and leaves that rest empty
 * (a long first row would push its whole table to the next page). A short row is kept whole,
 * so no page ends or starts with a line or two of a row.
 */
export function rowMaySplit(block: TableBlock, row: readonly TableCell[]): boolean {
  return rowHeightPt(onPage(block), row) > WHOLE_ROW_LINES * LINE_PT + ROW_EXTRA_PT;
}

/**
 * The table with its widths in points of its page: a fitted table's widths add up to its
 * page's text width already (fitTable); bare weights, as a model written by hand has them,
 * are read as shares of a portrait page.
 */
function onPage(block: TableBlock): TableBlock {
  const sum = block.columns.reduce((a, c) => a + c.width, 0);
  const portrait = textWidthPt("portrait");
  const landscape = textWidthPt("landscape");
  const total = Math.abs(sum - landscape) < 1 ? landscape : portrait;
  if (Math.abs(sum - total) < 1) return block;
  const widths = scaleWidths(
    block.columns.map((c) => c.width),
    total,
  );
  return { ...block, columns: block.columns.map((c, i) => ({ ...c, width: widths[i]! })) };
}

/** Rows a long table's widths are chosen by (an even sample): enough to judge, quick on 10,000 rows. */
const COMPACT_SAMPLE_ROWS = 200;

/**
 * A long table fitted to the fewest lines: from the widths its words need, the rest of the text
 * width goes step by step to the column where it saves the most lines over all rows (a column
 * of long prose before a column of short labels), and what saves nothing is shared by the
 * model's weights. For the roadmap's tables, whose rows run over many pages: the table takes
 * fewer pages and its last page is not left with a single row.
 */
export function fitTableCompact(block: TableBlock, orientation: Orientation): TableBlock {
  const total = textWidthPt(orientation);
  const widths = levelOff(tableMinimumsPt(block, total), total);
  // The words of every cell measured once; a long table is judged by an even sample of its rows.
  const every = Math.max(1, Math.ceil(block.rows.length / COMPACT_SAMPLE_ROWS));
  const cells = block.rows
    .filter((_, r) => r % every === 0)
    .map((row) =>
      block.columns.map((_, i) =>
        plain(row[i] ?? "")
          .split("\n")
          .map(wordWidths),
      ),
    );
  const cellLines = (r: number, i: number, width: number) =>
    cells[r]![i]!.reduce((n, para) => n + linesOfWords(para, Math.max(width - CELL_MARGINS_PT, 10)), 0);
  const lines = cells.map((_, r) => widths.map((w, i) => cellLines(r, i, w)));
  /** Lines of all sampled rows with column `column` set `width` wide. */
  const totalWith = (column: number, width: number) =>
    lines.reduce((sum, row, r) => {
      const others = row.reduce((m, n, k) => (k === column ? m : Math.max(m, n)), 1);
      return sum + Math.max(others, cellLines(r, column, width));
    }, 0);
  const step = total / 100;
  let left = total - widths.reduce((a, b) => a + b, 0);
  let current = lines.reduce((sum, row) => sum + Math.max(1, ...row), 0);
  // A line is saved only when a whole word more fits, so wider steps are tried too.
  while (left >= step) {
    let best = { column: -1, width: 0, rate: 0, lines: current };
    widths.forEach((w, i) => {
      for (const size of [1, 2, 4, 8].map((k) => k * step).filter((size) => size <= left)) {
        const trial = totalWith(i, w + size);
        const rate = (current - trial) / size;
        if (rate > best.rate) best = { column: i, width: size, rate, lines: trial };
      }
    });
    if (best.column < 0) break;
    widths[best.column]! += best.width;
    lines.forEach((row, r) => (row[best.column] = cellLines(r, best.column, widths[best.column]!)));
    left -= best.width;
    current = best.lines;
  }
  const weights = block.columns.map((c) => Math.max(c.width, 0.1));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const final = widths.map((w, i) => w + (left * weights[i]!) / weightSum);
  return { ...block, columns: block.columns.map((c, i) => ({ ...c, width: Math.round(final[i]! * 10) / 10 })) };
}
