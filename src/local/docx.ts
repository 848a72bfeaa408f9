/**
 * DocModel → .docx with the `docx` library: A4, margins 20 mm (left 30 mm), Times New Roman
 * 14 pt text and 12 pt tables, bordered tables whose bold shaded header rows repeat on every
 * page, page numbers in the footer. Draws any DocModel (the report and the committee summary).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  Tab,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
  convertMillimetersToTwip,
} from "docx";
import {
  type Align,
  type Block,
  type DocModel,
  type Run,
  type TableBlock,
  type TableCell as ModelCell,
  SIGNATURE_BLANK,
} from "../core/report/model.js";

export const FONT = "Times New Roman";
/** Half-points, as Word counts font sizes. */
export const TEXT_SIZE = 28;
export const TABLE_SIZE = 24;
export const HEADER_SHADE = "D9D9D9";

/** Millimetres → twips, rounded (the library's helper truncates: 20 mm would become 1133). */
const mm = (value: number): number => Math.round((value * 1440) / 25.4);

const A4 = { width: mm(210), height: mm(297) };
export const MARGINS = {
  top: mm(20),
  right: mm(20),
  bottom: mm(20),
  left: mm(30),
};
/** First-line indent of body text, 1.25 cm as in Russian official documents. */
const FIRST_LINE = mm(12.5);

/** Width available for text and tables, in twips. */
export function textWidth(orientation: DocModel["orientation"]): number {
  const pageWidth = orientation === "landscape" ? A4.height : A4.width;
  return Math.round(pageWidth - MARGINS.left - MARGINS.right);
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

/** Runs whose text may hold "\n": each line after the first starts with a line break. */
function textRuns(runs: readonly Run[], size: number, extra: { bold?: boolean } = {}): TextRun[] {
  const out: TextRun[] = [];
  for (const r of runs) {
    r.text.split("\n").forEach((line, i) => {
      out.push(
        new TextRun({
          text: line,
          bold: extra.bold || r.bold || undefined,
          italics: r.italic || undefined,
          size,
          font: FONT,
          ...(i > 0 ? { break: 1 } : {}),
        }),
      );
    });
  }
  return out;
}

const cellRuns = (cell: ModelCell): readonly Run[] => (typeof cell === "string" ? [{ text: cell }] : cell);

function tableParagraph(cell: ModelCell, align: Align, bold: boolean): Paragraph {
  return new Paragraph({
    alignment: ALIGN[align],
    spacing: { before: 0, after: 0, line: 240 },
    children: textRuns(cellRuns(cell), TABLE_SIZE, { bold }),
  });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const CELL_MARGIN = { top: 20, bottom: 20, left: 57, right: 57 };

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

function columnMinimums(block: TableBlock): number[] {
  return block.columns.map((col, i) => {
    const texts = [...block.rows.map((r) => cellText(r[i] ?? ""))];
    const body = texts.reduce((m, t) => Math.max(m, wordTwips(longestWord(t), false)), 0);
    return Math.max(body, wordTwips(longestWord(col.header), true));
  });
}

const cellText = (cell: ModelCell): string => (typeof cell === "string" ? cell : cell.map((r) => r.text).join(""));

function headerCell(text: string, width: number, span = 1): TableCell {
  return new TableCell({
    children: [tableParagraph(text, "center", true)],
    shading: { type: ShadingType.CLEAR, color: "auto", fill: HEADER_SHADE },
    verticalAlign: VerticalAlign.CENTER,
    width: { size: width, type: WidthType.DXA },
    margins: CELL_MARGIN,
    ...(span > 1 ? { columnSpan: span } : {}),
  });
}

function renderTable(block: TableBlock, width: number): (Paragraph | Table)[] {
  const widths = fitColumnWidths(
    block.columns.map((c) => c.width),
    columnMinimums(block),
    width,
  );
  const spanWidth = (from: number, span: number) => widths.slice(from, from + span).reduce((a, b) => a + b, 0);
  const headerRows = (block.headerRows ?? []).map((row) => {
    let at = 0;
    const cells = row.map((h) => {
      const cell = headerCell(h.text, spanWidth(at, h.span), h.span);
      at += h.span;
      return cell;
    });
    return new TableRow({ tableHeader: true, cantSplit: true, children: cells });
  });
  const columnHeader = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((c, i) => headerCell(c.header, widths[i]!)),
  });
  const lastRow = block.rows.length - 1;
  const body = block.rows.map(
    (row, r) =>
      new TableRow({
        children: block.columns.map(
          (col, i) =>
            new TableCell({
              children: [tableParagraph(row[i] ?? "", col.align ?? "left", Boolean(block.totalRow && r === lastRow))],
              width: { size: widths[i]!, type: WidthType.DXA },
              margins: CELL_MARGIN,
            }),
        ),
      }),
  );
  const caption = block.caption
    ? [new Paragraph({ spacing: { before: 120, after: 60 }, keepNext: true, children: textRuns([{ text: block.caption }], TEXT_SIZE) })]
    : [];
  return [
    ...caption,
    new Table({
      rows: [...headerRows, columnHeader, ...body],
      width: { size: width, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    }),
    // Word merges tables that touch; a small empty paragraph keeps them apart and adds air.
    new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }),
  ];
}

const HEADING_LEVEL = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function renderBlock(block: Block, width: number): (Paragraph | Table)[] {
  switch (block.type) {
    case "title":
      return block.lines.map(
        (line, i) =>
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: i === 0 ? 240 : 0, after: i === block.lines.length - 1 ? 240 : 60 },
            children: textRuns([{ text: line, bold: true }], i === 0 && /^[А-ЯЁ ]+$/u.test(line) ? 32 : TEXT_SIZE),
          }),
      );
    case "heading":
      return [
        new Paragraph({
          heading: HEADING_LEVEL[block.level],
          alignment: AlignmentType.LEFT,
          keepNext: true,
          keepLines: true,
          spacing: { before: block.level === 1 ? 240 : 120, after: 60 },
          children: [new TextRun({ text: block.text, bold: true, italics: block.level === 3 || undefined, size: TEXT_SIZE, font: FONT, color: "000000" })],
        }),
      ];
    case "paragraph": {
      const align = block.align ?? "justify";
      return [
        new Paragraph({
          alignment: ALIGN[align],
          indent: align === "justify" ? { firstLine: FIRST_LINE } : undefined,
          spacing: { before: 0, after: 60 },
          children: textRuns(block.runs, TEXT_SIZE),
        }),
      ];
    }
    case "list":
      return block.items.map(
        (item, i) =>
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            indent: { left: mm(10), hanging: mm(6) },
            spacing: { before: 0, after: 40 },
            children: textRuns([{ text: block.ordered ? `${i + 1}.\u00a0` : "–\u00a0" }, ...item], TEXT_SIZE),
          }),
      );
    case "table":
      return renderTable(block, width);
    case "pageBreak":
      return [new Paragraph({ children: [new PageBreak()] })];
    case "approval":
      return block.lines.map(
        (line, i) =>
          new Paragraph({
            alignment: AlignmentType.LEFT,
            indent: { left: Math.round(width * 0.55) },
            spacing: { before: 0, after: i === block.lines.length - 1 ? 240 : 40 },
            children: textRuns([{ text: line, bold: i === 0 }], TEXT_SIZE),
          }),
      );
    case "signature":
      return [
        new Paragraph({
          spacing: { before: 480, after: 0 },
          keepLines: true,
          // One right tab: the line and the name stay together at the right margin, on the
          // same line as the organisation when it fits, else right-aligned on the next line.
          tabStops: [{ type: TabStopType.RIGHT, position: width }],
          children: [
            new TextRun({ text: block.left, size: TEXT_SIZE, font: FONT }),
            new TextRun({ children: [new Tab(), `${SIGNATURE_BLANK}\u00a0${block.name}`], size: TEXT_SIZE, font: FONT }),
          ],
        }),
      ];
  }
}

function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: TABLE_SIZE, font: FONT })],
      }),
    ],
  });
}

/** The .docx document for a model (not yet packed). */
export function docxDocument(model: DocModel): Document {
  const width = textWidth(model.orientation);
  return new Document({
    title: model.title,
    creator: "МИП-отчёт",
    // Word hyphenates the Russian text (ru-RU below); narrow table columns then break cleanly.
    hyphenation: { autoHyphenation: true },
    description: model.draft ? "Черновик отчёта: в таблице есть ошибки" : "Отчёт о деятельности МИП",
    styles: {
      default: {
        document: { run: { font: FONT, size: TEXT_SIZE, language: { value: "ru-RU" } } },
        heading1: { run: { font: FONT, size: TEXT_SIZE, bold: true, color: "000000" } },
        heading2: { run: { font: FONT, size: TEXT_SIZE, bold: true, color: "000000" } },
        heading3: { run: { font: FONT, size: TEXT_SIZE, bold: true, italics: true, color: "000000" } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: A4.width,
              height: A4.height,
              orientation: model.orientation === "landscape" ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: MARGINS,
          },
        },
        footers: { default: pageNumberFooter() },
        children: model.blocks.flatMap((b) => renderBlock(b, width)),
      },
    ],
  });
}

/** DocModel → .docx bytes. */
export async function renderDocx(model: DocModel): Promise<Buffer> {
  return Packer.toBuffer(docxDocument(model));
}
