/** Small constructors for report blocks, so section builders read like the form they produce. */
import {
  type Align,
  type Block,
  DASH,
  type HeaderCell,
  type Run,
  type TableBlock,
  type TableCell,
  heading,
  isEmptyText,
  paragraph,
  run,
} from "./model.js";

export interface ColumnSpec {
  readonly header: string;
  readonly width: number;
  readonly align?: Align;
}

/** The single row of dashes the official form prints for an empty table. */
function dashRow(columns: number): string[] {
  return Array.from({ length: columns }, () => DASH);
}

/** A table; with no rows it gets one row of dashes. Empty cells (and cells of a lone dash) print «—». */
export function table(
  columns: readonly ColumnSpec[],
  rows: readonly (readonly TableCell[])[],
  extra: { caption?: string; headerRows?: readonly (readonly HeaderCell[])[]; total?: readonly TableCell[] } = {},
): TableBlock {
  const body = rows.map((row) => columns.map((_, i) => orDash(row[i] ?? "")));
  const withTotal = extra.total && rows.length > 0 ? [...body, columns.map((_, i) => extra.total?.[i] ?? "")] : body;
  return {
    type: "table",
    ...(extra.caption ? { caption: extra.caption } : {}),
    columns: columns.map((c) => ({ header: c.header, width: c.width, ...(c.align ? { align: c.align } : {}) })),
    ...(extra.headerRows ? { headerRows: extra.headerRows } : {}),
    rows: withTotal.length > 0 ? withTotal : [dashRow(columns.length)],
    ...(extra.total && rows.length > 0 ? { totalRow: true } : {}),
  };
}

function orDash(cell: TableCell): TableCell {
  if (typeof cell === "string") return isEmptyText(cell) ? DASH : cell;
  return isEmptyText(cell.map((r) => r.text).join("")) ? DASH : cell;
}

/** «1.1. Руководитель …: value» — a bold label followed by the value (or «—»). */
export function labelled(label: string, value: string): Block {
  // Double spaces typed by accident would show in print; the words themselves stay as typed.
  const text = isEmptyText(value) ? DASH : value.trim().replace(/[ \t\u00a0]{2,}/g, " ");
  return paragraph([run(`${label}: `, { bold: true }), run(text)], "justify");
}

/**
 * A long text field as paragraphs, one per line the user typed; an empty field (or one of
 * dashes only) is «—». Lines keep their text exactly.
 */
export function textBlocks(value: string): Block[] {
  const lines = value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => !isEmptyText(l));
  return lines.length === 0 ? [paragraph(DASH, "justify")] : lines.map((l) => paragraph(l, "justify"));
}

export function bold(text: string): Run {
  return run(text, { bold: true });
}

export { heading, paragraph, run };
