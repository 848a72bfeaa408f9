/**
 * Page geometry and table column widths for the .docx report (twips: 1/20 pt).
 * A4, margins 20 mm with 30 mm on the left; 14 pt text, 12 pt tables.
 */
import type { DocModel } from "../core/report/model.js";
import { scaleWidths } from "../core/report/widths.js";

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
  const widths = scaleWidths(weights, total).map(Math.floor);
  const rest = total - widths.reduce((a, b) => a + b, 0);
  if (widths.length > 0) widths[widths.length - 1]! += rest;
  return widths;
}
