/**
 * Page geometry and table column widths for the .docx report (twips: 1/20 pt).
 * A4, margins 20 mm with 30 mm on the left; 14 pt text, 12 pt tables.
 */
import type { DocModel, TableBlock, TableCell as ModelCell } from "../core/report/model.js";

export const FONT = "Times New Roman";
/** Half-points, as Word counts font sizes. */
export const TEXT_SIZE = 28;
export const TABLE_SIZE = 24;
export const HEADER_SHADE = "D9D9D9";

/** Millimetres → twips, rounded (the docx library's helper truncates: 20 mm would become 1133). */
export const mm = (value: number): number => Math.round((value * 1440) / 25.4);

export const A4 = { width: mm(210), height: mm(297) };
export const MARGINS = { top: mm(20), right: mm(20), bottom: mm(20), left: mm(30) };
/** First-line indent of body text, 1.25 cm as in Russian official documents. */
export const FIRST_LINE = mm(12.5);
export const CELL_MARGIN = { top: 20, bottom: 20, left: 57, right: 57 };

/** Width available for text and tables, in twips. */
export function textWidth(orientation: DocModel["orientation"]): number {
  const pageWidth = orientation === "landscape" ? A4.height : A4.width;
  return Math.round(pageWidth - MARGINS.left - MARGINS.right);
}

/** Relative width weights → twips that add up to the text width exactly. */
export function columnTwips(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + Math.max(b, 0.1), 0);
  const widths = weights.map((w) => Math.floor((Math.max(w, 0.1) / sum) * total));
  const rest = total - widths.reduce((a, b) => a + b, 0);
  if (widths.length > 0) widths[widths.length - 1]! += rest;
  return widths;
}

/**
 * Twips a word needs at 12 pt Times New Roman (about half an em per character, a little more
 * in bold), plus the cell's side margins. An estimate: LibreOffice and Word measure alike
 * enough that a column this wide does not break the word.
 */
export function wordTwips(word: string, bold: boolean): number {
  const perChar = (TABLE_SIZE / 2) * 20 * (bold ? 0.6 : 0.56);
  return Math.ceil(word.length * perChar) + CELL_MARGIN.left + CELL_MARGIN.right + 20;
}

/**
 * Column widths from the model's weights, widened where a column's longest word would
 * otherwise break mid-word (such as «Муниципальный» or a date), taken from the columns with
 * room to spare. A column never claims more than 22% of the width for one word (URLs break).
 */
export function fitColumnWidths(weights: readonly number[], minimums: readonly number[], total: number): number[] {
  const mins = levelOff(
    minimums.map((m) => Math.min(m, total * 0.22)),
    total,
  );
  const fixed = new Map<number, number>();
  for (;;) {
    const free = weights.map((_, i) => i).filter((i) => !fixed.has(i));
    const room = total - [...fixed.values()].reduce((a, b) => a + b, 0);
    const weightSum = free.reduce((a, i) => a + Math.max(weights[i]!, 0.1), 0);
    const tooNarrow = free.filter((i) => (Math.max(weights[i]!, 0.1) / weightSum) * room < mins[i]!);
    if (tooNarrow.length === 0 || free.length === tooNarrow.length) {
      for (const i of tooNarrow) fixed.set(i, mins[i]!);
      const left = total - [...fixed.values()].reduce((a, b) => a + b, 0);
      const rest = free.filter((i) => !fixed.has(i));
      const restWeights = rest.reduce((a, i) => a + Math.max(weights[i]!, 0.1), 0);
      const shares = weights.map((w, i) =>
        fixed.has(i) ? fixed.get(i)! : (Math.max(w, 0.1) / restWeights) * left,
      );
      return columnTwips(shares, total);
    }
    for (const i of tooNarrow) fixed.set(i, mins[i]!);
  }
}

/**
 * When the minimums do not fit, the largest ones give way first (down to a common level), so
 * one long word does not squeeze every other column.
 */
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

/**
 * The longest word of a cell's text that must not break. Links and e-mail addresses break
 * anywhere without harm, so they only count with their first ten characters.
 */
function longestWord(text: string): string {
  return text
    .split(/[\s\u00a0]+/u)
    .map((w) => (/^https?:|^www\.|\/|@/iu.test(w) ? w.slice(0, 10) : w))
    .reduce((a, w) => (w.length > a.length ? w : a), "");
}

export function columnMinimums(block: TableBlock): number[] {
  return block.columns.map((col, i) => {
    const texts = [...block.rows.map((r) => cellText(r[i] ?? ""))];
    const body = texts.reduce((m, t) => Math.max(m, wordTwips(longestWord(t), false)), 0);
    return Math.max(body, wordTwips(longestWord(col.header), true));
  });
}

const cellText = (cell: ModelCell): string => (typeof cell === "string" ? cell : cell.map((r) => r.text).join(""));

