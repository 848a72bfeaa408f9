/**
 * The renderer-agnostic report document model. The pure builder (build.ts) produces it from
 * a validated workbook; the .docx renderer (src/local/docx.ts) and the Google Docs renderer
 * (src/gas/) draw it. Plain JSON only (no classes, no Dates), so it can cross
 * google.script.run and be snapshotted in tests.
 *
 * Every string is final user-visible Russian text: renderers never format numbers or dates.
 */

/** A piece of text with uniform formatting. */
export interface Run {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

export type Align = "left" | "center" | "right" | "justify";

/** A section heading: 1 = «1. Общие сведения», 2 = «2.3. Задачи», 3 = a sub-caption inside a subsection. */
export interface HeadingBlock {
  readonly type: "heading";
  readonly level: 1 | 2 | 3;
  readonly text: string;
}

/** The document title lines (centred, bold). Kept separate from headings so renderers can size it. */
interface TitleBlock {
  readonly type: "title";
  /** e.g. ["ПРОМЕЖУТОЧНЫЙ ОТЧЕТ", "о деятельности муниципальной инновационной площадки на базе … за 2022 год"]. */
  readonly lines: readonly string[];
}

export interface ParagraphBlock {
  readonly type: "paragraph";
  readonly runs: readonly Run[];
  /** Default "justify" for body text. */
  readonly align?: Align;
}

interface ListBlock {
  readonly type: "list";
  /** Ordered lists are numbered 1., 2., … by the renderer. */
  readonly ordered: boolean;
  /** One item = the runs of one line. */
  readonly items: readonly (readonly Run[])[];
}

interface TableColumn {
  readonly header: string;
  /** Relative width weight; renderers scale the weights to the page's text width. */
  readonly width: number;
  /** Cell alignment for this column (numbers are centred). Default "left". */
  readonly align?: Align;
}

/** A merged header cell spanning `span` consecutive columns (first header row of a two-row header). */
export interface HeaderCell {
  readonly text: string;
  readonly span: number;
}

/** A table cell: plain text or formatted runs. "\n" inside a run's text is a line break (in tables and paragraphs alike). */
export type TableCell = string | readonly Run[];

export interface TableBlock {
  readonly type: "table";
  /** Optional caption printed above the table as a paragraph. */
  readonly caption?: string;
  readonly columns: readonly TableColumn[];
  /**
   * Extra header rows printed ABOVE the row of column headers, where the official form has
   * merged group headers. Each row's spans add up to columns.length.
   */
  readonly headerRows?: readonly (readonly HeaderCell[])[];
  /** Body rows; each has exactly columns.length cells. An empty table has one row of «—». */
  readonly rows: readonly (readonly TableCell[])[];
  /** When true the last body row is a totals row (printed bold). */
  readonly totalRow?: boolean;
}

interface PageBreakBlock {
  readonly type: "pageBreak";
}

/** The right-aligned «УТВЕРЖДАЮ» block: lines printed top to bottom. */
interface ApprovalBlock {
  readonly type: "approval";
  readonly lines: readonly string[];
}

/** «Руководитель МОУ «СОШ № 4» (МИП) ______________ А.Б. Иванова» — left part, line, name. */
export interface SignatureBlock {
  readonly type: "signature";
  readonly left: string;
  readonly name: string;
  /** false: no signature line, only the name (the Кировский form's «Руководитель МОУ (МИП)  (Л.В. Фамилия)»). */
  readonly line?: false;
}

/** What a signature prints after its left part: the line and the name, or the name alone. */
export function signatureTail(block: SignatureBlock): string {
  return block.line === false ? block.name : `${SIGNATURE_BLANK}\u00a0${block.name}`;
}

/**
 * A new section of pages from here on, in `orientation`: a portrait report turns one
 * section landscape when its table cannot fit a portrait page with every word whole
 * (sections.ts layoutSections). Renderers that cannot change orientation mid-document start a
 * new page.
 */
interface SectionBlock {
  readonly type: "section";
  readonly orientation: Orientation;
}

export type Block =
  | HeadingBlock
  | SectionBlock
  | TitleBlock
  | ParagraphBlock
  | ListBlock
  | TableBlock
  | PageBreakBlock
  | ApprovalBlock
  | SignatureBlock;

export type Orientation = "portrait" | "landscape";

export interface DocModel {
  /** Document name without extension: «Отчёт МИП — {org_short_name} — {period}» (a draft says so in its title lines, not in the name). */
  readonly title: string;
  readonly orientation: Orientation;
  /** True when made in draft mode (errors present, strict off). */
  readonly draft: boolean;
  /** The id of the form the document follows (report forms only). */
  readonly form?: string;
  readonly blocks: readonly Block[];
}

/** The signature line's blank, shared by renderers so both draw the same length. */
export const SIGNATURE_BLANK = "______________";

/** What an empty table cell row and an empty text field print, as the official form does. */
export const DASH = "—";

/**
 * True for text that says nothing: empty, spaces, or only dashes («-», «–», «—», «--»), which
 * people type into a cell to mean «nothing». It prints as «—» like an empty cell.
 */
export function isEmptyText(text: string): boolean {
  return /^[\s\u00a0]*[-–—]*[\s\u00a0]*$/u.test(text);
}

export const run = (text: string, style: { bold?: boolean; italic?: boolean } = {}): Run => ({ text, ...style });

export const paragraph = (text: string | readonly Run[], align?: Align): ParagraphBlock => ({
  type: "paragraph",
  runs: typeof text === "string" ? [run(text)] : text,
  ...(align ? { align } : {}),
});

export const heading = (level: 1 | 2 | 3, text: string): HeadingBlock => ({ type: "heading", level, text });

/**
 * A paragraph of bold text only introduces what follows («Распорядительные акты:», «7)
 * выступления …:»): renderers keep it with the next block and its lines together, as headings.
 */
export function isCaption(block: ParagraphBlock): boolean {
  return block.runs.length > 0 && block.runs.every((r) => r.bold);
}

/** Plain text of a cell (runs joined), for renderers and tests. */
export function cellPlainText(cell: TableCell): string {
  return typeof cell === "string" ? cell : cell.map((r) => r.text).join("");
}

/** Plain text of any block, one string per visible line; used by tests and text comparisons. */
export function blockText(block: Block): string[] {
  switch (block.type) {
    case "heading":
      return [block.text];
    case "title":
      return [...block.lines];
    case "paragraph":
      return [block.runs.map((r) => r.text).join("")];
    case "list":
      return block.items.map((item, i) => (block.ordered ? `${i + 1}. ` : "") + item.map((r) => r.text).join(""));
    case "table":
      return [
        ...(block.caption ? [block.caption] : []),
        ...(block.headerRows ?? []).map((row) => row.map((c) => c.text).join(" | ")),
        block.columns.map((c) => c.header).join(" | "),
        ...block.rows.map((row) => row.map(cellPlainText).join(" | ")),
      ];
    case "pageBreak":
    case "section":
      return [];
    case "approval":
      return [...block.lines];
    case "signature":
      return [`${block.left} ${block.line === false ? block.name : `${SIGNATURE_BLANK} ${block.name}`}`];
  }
}

/**
 * What buildReport returns: a document, or — in strict mode with errors — no document and the
 * errors that block it. `Issue` is imported as a type only, so the model stays plain JSON.
 */
export type ReportBuild =
  | { readonly kind: "document"; readonly model: DocModel; readonly errors: number }
  | { readonly kind: "blocked"; readonly errors: readonly import("../issues.js").Issue[] };
