/**
 * What the uploaded .docx does not set (wordml-body.ts), applied through the Docs API (the Docs
 * advanced service) once Drive has converted it, in one Documents.get and one batchUpdate:
 * - header rows repeated on every page (pinTableHeaderRows), as the .docx's w:tblHeader;
 * - table rows kept whole on a page as the .docx keeps them (updateTableRowStyle preventOverflow on
 *   the header rows and the rows of up to six lines; widths.ts rowMaySplit);
 * - cell padding as the .docx's (updateTableCellStyle over the whole table), header cells
 *   centred vertically (updateTableCellStyle over the header rows);
 * - table paragraphs single-spaced without spacing, header cells centred and each column's
 *   alignment (updateParagraphStyle per table and per non-left cell);
 * - headings and table captions kept with what follows, headings and the signature kept on one
 *   page (updateParagraphStyle keepWithNext / keepLinesTogether), as the .docx's keepNext/keepLines;
 * - merged group header cells («Основные результаты реализации плана» over two columns, as the
 *   official form has them; mergeTableCells), last, so every index above is still the one read;
 * - landscape sections where the model turns one (a table that cannot hold every word whole on
 *   a portrait page): the page break the upload drew is replaced by a next-page section break,
 *   the section gets its orientation and the .docx's margins, and its tables the column widths
 *   of its own text width — first in the batch, see sectionRequests.
 * Elements are found from the renderer's own plan (docs-render.ts bodyPlan): tables in order
 * with their sizes checked, paragraphs by their text. Any failure leaves the document as
 * the upload drew it: the report itself never fails on this.
 *
 * Sources (Docs API v1 reference, https://developers.google.com/docs/api/reference/rest/v1/documents/request):
 * - PinTableHeaderRowsRequest {tableStartLocation, pinnedHeaderRowsCount}
 *   https://developers.google.com/docs/api/reference/rest/v1/documents/request#pintableheaderrowsrequest
 * - UpdateTableRowStyleRequest {tableStartLocation, rowIndices (none = every row), tableRowStyle.preventOverflow, fields}
 *   https://developers.google.com/docs/api/reference/rest/v1/documents/request#updatetablerowstylerequest,
 *   TableRowStyle: https://developers.google.com/docs/api/reference/rest/v1/documents#tablerowstyle
 * - UpdateTableCellStyleRequest {tableStartLocation = every cell of the table, or tableRange; tableCellStyle; fields}
 *   https://developers.google.com/docs/api/reference/rest/v1/documents/request#updatetablecellstylerequest
 * - UpdateParagraphStyleRequest {range: every paragraph overlapping it, paragraphStyle, fields (at least one)}
 *   https://developers.google.com/docs/api/reference/rest/v1/documents/request#updateparagraphstylerequest,
 *   ParagraphStyle (keepWithNext, keepLinesTogether, lineSpacing in percent, spaceAbove/Below, alignment START|CENTER|END|JUSTIFIED):
 *   https://developers.google.com/docs/api/reference/rest/v1/documents#paragraphstyle
 * - MergeTableCellsRequest: https://developers.google.com/docs/api/reference/rest/v1/documents/request#mergetablecellsrequest
 * - Field masks in Documents.get: https://developers.google.com/docs/api/how-tos/field-masks
 * - InsertSectionBreakRequest {location, sectionType}: «A newline character will be inserted
 *   before the section break»; the location «must be inside the bounds of an existing Paragraph»,
 *   never a table's start index nor inside a table
 *   https://developers.google.com/docs/api/reference/rest/v1/documents/request#insertsectionbreakrequest
 *   (mirrored at https://googleapis.dev/dotnet/Google.Apis.Docs.v1/latest/api/Google.Apis.Docs.v1.Data.InsertSectionBreakRequest.html)
 * - UpdateSectionStyleRequest {range overlapping the sections, sectionStyle, fields (at least one)}
 *   https://developers.google.com/docs/api/reference/rest/v1/documents/request#updatesectionstylerequest
 *   (https://googleapis.dev/dotnet/Google.Apis.Docs.v1/latest/api/Google.Apis.Docs.v1.Data.UpdateSectionStyleRequest.html);
 *   SectionStyle.flipPageOrientation «flip the dimensions of DocumentStyle's page_size for this
 *   section … setting a concrete value is required»; margins default to DocumentStyle's; header
 *   and footer ids «inherit from the previous SectionBreak's SectionStyle» (so «ЧЕРНОВИК» and the
 *   page numbers carry on), page numbering continues
 *   https://developers.google.com/docs/api/reference/rest/v1/documents#sectionstyle
 *   (https://pub.dev/documentation/googleapis/latest/docs_v1/SectionStyle/flipPageOrientation.html)
 * - DeleteContentRangeRequest: refused when it deletes «the newline character before a Table,
 *   TableOfContents or SectionBreak without deleting the element» or a body's last newline
 *   https://developers.google.com/docs/api/reference/rest/v1/documents/request#deletecontentrangerequest
 *   (https://googleapis.dev/dotnet/Google.Apis.Docs.v1/latest/api/Google.Apis.Docs.v1.Data.DeleteContentRangeRequest.html)
 * - UpdateTableColumnPropertiesRequest {tableStartLocation, columnIndices, tableColumnProperties
 *   {widthType FIXED_WIDTH, width ≥ 5 pt}, fields}
 *   https://developers.google.com/docs/api/reference/rest/v1/documents/request#updatetablecolumnpropertiesrequest
 *   (https://googleapis.dev/dotnet/Google.Apis.Docs.v1/latest/api/Google.Apis.Docs.v1.Data.UpdateTableColumnPropertiesRequest.html)
 * - InsertText's rule that a new paragraph copies the style of the paragraph at the insertion
 *   index (https://developers.google.com/docs/api/reference/rest/v1/documents/request#inserttextrequest):
 *   the section break's newline is restyled explicitly rather than trusted to be plain.
 */
import type { Align, DocModel, Orientation, TableBlock } from "../core/report/model.js";
import { rowMaySplit, textWidthPt } from "../core/report/widths.js";
import { type BodyElement, LAYOUT_PT, MARGINS_PT, bodyPlan, columnWidthsPt, tableCells } from "./docs-render.js";
import type { DocsAdvanced, DocsRequest } from "./google-api.js";

const textWidthOf = (model: DocModel): number => textWidthPt(model.orientation);

interface DocsCell {
  startIndex?: number;
  endIndex?: number;
}

interface DocsStructuralElement {
  startIndex?: number;
  endIndex?: number;
  paragraph?: {
    elements?: { startIndex?: number; endIndex?: number; pageBreak?: object; textRun?: { content?: string } }[];
  };
  table?: { rows?: number; columns?: number; tableRows?: { tableCells?: DocsCell[] }[] };
}

/** The parts of the document the requests need, and nothing else (a 1,000-row table's text is not fetched). */
export const LAYOUT_FIELDS =
  "body.content(startIndex,endIndex,paragraph(elements(startIndex,endIndex,pageBreak,textRun(content))),table(rows,columns,tableRows(tableCells(startIndex,endIndex))))";

const pt = (magnitude: number) => ({ magnitude, unit: "PT" as const });

interface MergeRequest extends DocsRequest {
  mergeTableCells: {
    tableRange: {
      tableCellLocation: { tableStartLocation: { index: number }; rowIndex: number; columnIndex: number };
      rowSpan: number;
      columnSpan: number;
    };
  };
}

/** The merges one table needs: each group header cell spanning more than one column. */
function groupHeaderMerges(block: TableBlock, tableStart: number): MergeRequest[] {
  const requests: MergeRequest[] = [];
  (block.headerRows ?? []).forEach((row, rowIndex) => {
    let columnIndex = 0;
    for (const cell of row) {
      if (cell.span > 1) {
        requests.push({
          mergeTableCells: {
            tableRange: {
              tableCellLocation: { tableStartLocation: { index: tableStart }, rowIndex, columnIndex },
              rowSpan: 1,
              columnSpan: cell.span,
            },
          },
        });
      }
      columnIndex += cell.span;
    }
  });
  return requests;
}

const DOCS_ALIGNMENT: Record<Align, string> = { left: "START", center: "CENTER", right: "END", justify: "JUSTIFIED" };

/** A cell's paragraphs: from just inside the cell to its end. */
const cellRange = (cell: DocsCell) => ({ startIndex: (cell.startIndex ?? 0) + 1, endIndex: cell.endIndex ?? 0 });

/** Padding, paragraph spacing and alignment, rows kept whole and header rows pinned, for one table. */
function tableLayoutRequests(block: TableBlock, element: DocsStructuralElement): DocsRequest[] {
  const start = element.startIndex!;
  const rows = element.table?.tableRows ?? [];
  const { headerRows } = tableCells(block);
  const first = rows[0]?.tableCells?.[0];
  const last = rows[rows.length - 1]?.tableCells?.slice(-1)[0];
  const padding = LAYOUT_PT.cellPadding;
  const requests: DocsRequest[] = [
    {
      updateTableCellStyle: {
        tableStartLocation: { index: start },
        tableCellStyle: {
          paddingTop: pt(padding.top),
          paddingBottom: pt(padding.bottom),
          paddingLeft: pt(padding.left),
          paddingRight: pt(padding.right),
        },
        fields: "paddingTop,paddingBottom,paddingLeft,paddingRight",
      },
    },
  ];
  const columns = rows[0]?.tableCells?.length ?? 0;
  if (columns > 0 && headerRows <= rows.length) {
    // Header cells centred vertically, as the .docx's w:vAlign="center".
    requests.push({
      updateTableCellStyle: {
        tableRange: {
          tableCellLocation: { tableStartLocation: { index: start }, rowIndex: 0, columnIndex: 0 },
          rowSpan: headerRows,
          columnSpan: columns,
        },
        tableCellStyle: { contentAlignment: "MIDDLE" },
        fields: "contentAlignment",
      },
    });
  }
  if (first && last) {
    // Table text as the .docx's table style: single spacing, nothing before or after, no indents.
    requests.push({
      updateParagraphStyle: {
        range: { startIndex: cellRange(first).startIndex, endIndex: cellRange(last).endIndex },
        paragraphStyle: {
          lineSpacing: LAYOUT_PT.lineSpacing * 100,
          spaceAbove: pt(0),
          spaceBelow: pt(0),
          indentStart: pt(0),
          indentFirstLine: pt(0),
          alignment: "START",
        },
        fields: "lineSpacing,spaceAbove,spaceBelow,indentStart,indentFirstLine,alignment",
      },
    });
  }
  rows.forEach((row, r) =>
    (row.tableCells ?? []).forEach((cell, c) => {
      const align: Align = r < headerRows ? "center" : (block.columns[c]?.align ?? "left");
      if (align !== "left")
        requests.push({
          updateParagraphStyle: {
            range: cellRange(cell),
            paragraphStyle: { alignment: DOCS_ALIGNMENT[align] },
            fields: "alignment",
          },
        });
    }),
  );
  // The rows the .docx keeps whole (w:cantSplit): the header rows and every row up to
  // WHOLE_ROW_LINES lines; a taller row may continue on the next page, as in the .docx.
  const whole = rows
    .map((_, r) => r)
    .filter((r) => r < headerRows || !rowMaySplit(block, block.rows[r - headerRows] ?? []));
  requests.push(
    {
      updateTableRowStyle: {
        tableStartLocation: { index: start },
        ...(whole.length < rows.length ? { rowIndices: whole } : {}),
        tableRowStyle: { preventOverflow: true },
        fields: "preventOverflow",
      },
    },
    { pinTableHeaderRows: { tableStartLocation: { index: start }, pinnedHeaderRowsCount: headerRows } },
  );
  return requests;
}

// eslint-disable-next-line no-control-regex -- a vertical tab is how Docs returns a soft line break
const normalise = (text: string): string => text.replace(/[\s\u00a0\u000b]+/gu, " ").trim();
const paragraphText = (element: DocsStructuralElement): string =>
  (element.paragraph?.elements ?? []).map((e) => e.textRun?.content ?? "").join("");

type PlannedParagraph = Extract<BodyElement, { kind: "paragraph" }>;
type PlannedTable = Extract<BodyElement, { kind: "table" }>;

export interface PlanMatch {
  readonly tables: { planned: PlannedTable; block: TableBlock; element: DocsStructuralElement; index: number }[];
  readonly paragraphs: { planned: PlannedParagraph; element: DocsStructuralElement }[];
  /** The page-break paragraph the upload drew for each section of the plan, in order. */
  readonly sections: { orientation: Orientation; index: number }[];
  readonly tablesComplete: boolean;
  readonly sectionsComplete: boolean;
}

const isPageBreak = (element: DocsStructuralElement | undefined): boolean =>
  (element?.paragraph?.elements ?? []).some((e) => e.pageBreak !== undefined);

/**
 * The saved document's tables, paragraphs and page breaks matched to the plan, in order: a
 * table to the next table of the same size, a paragraph to the next paragraph with the same
 * text, a page break or a section to the next paragraph holding a page break. Elements the
 * document has and the plan does not (an empty paragraph Docs kept) are passed over.
 */
export function matchPlan(plan: readonly BodyElement[], content: readonly DocsStructuralElement[]): PlanMatch {
  const tables: PlanMatch["tables"] = [];
  const paragraphs: PlanMatch["paragraphs"] = [];
  const sections: PlanMatch["sections"] = [];
  let at = 0;
  let tablesComplete = true;
  let sectionsComplete = true;
  for (const planned of plan) {
    if (planned.kind === "table") {
      const { cells } = tableCells(planned.block);
      const found = content.findIndex((e, i) => i >= at && e.table !== undefined);
      const element = content[found];
      if (
        !element ||
        element.table?.rows !== cells.length ||
        element.table?.columns !== cells[0]!.length ||
        element.startIndex === undefined
      ) {
        tablesComplete = false;
        continue;
      }
      tables.push({ planned, block: planned.block, element, index: found });
      at = found + 1;
    } else if (planned.kind === "pageBreak" || planned.kind === "section") {
      const found = content.findIndex((e, i) => i >= at && isPageBreak(e));
      if (found < 0) {
        if (planned.kind === "section") sectionsComplete = false;
        continue;
      }
      if (planned.kind === "section") sections.push({ orientation: planned.orientation, index: found });
      at = found + 1;
    } else if (planned.kind === "paragraph" && normalise(planned.text) !== "") {
      const text = normalise(planned.text);
      const found = content.findIndex(
        (e, i) => i >= at && e.paragraph !== undefined && normalise(paragraphText(e)) === text,
      );
      if (found < 0) continue;
      paragraphs.push({ planned, element: content[found]! });
      at = found + 1;
    }
  }
  return { tables, paragraphs, sections, tablesComplete, sectionsComplete };
}

/** The .docx's page margins (docx-layout.ts MARGINS), the same in every section. */
const SECTION_MARGINS = {
  marginTop: pt(MARGINS_PT.top),
  marginBottom: pt(MARGINS_PT.bottom),
  marginLeft: pt(MARGINS_PT.left),
  marginRight: pt(MARGINS_PT.right),
};

/**
 * Each section of the model as a real section of the Doc. For the page-break paragraph P at
 * [s, s+2) (its page break and its newline) and the heading H after it:
 * 1. delete P, so H starts at s;
 * 2. insert a NEXT_PAGE section break at s: Docs puts a newline before it, so an empty
 *    paragraph [s, s+1) closes the section before (as the .docx's w:sectPr paragraph), the
 *    break takes s+1 and H starts at s+2 again — two indexes out, two in: every index after
 *    is the one read, and no other request of the batch needs shifting;
 * 3. make that empty paragraph plain (it copies H's heading style);
 * 4. style the new section: the page turned or not relative to the document's page, and the
 *    .docx's margins.
 * Sections are written from the end of the document backwards all the same, so a request
 * never depends on a change further up. Nothing is sent unless every section's page break is
 * found as exactly that paragraph between two paragraphs; otherwise the page breaks stay.
 */
function sectionRequests(model: DocModel, content: readonly DocsStructuralElement[], match: PlanMatch): DocsRequest[] {
  if (!match.sectionsComplete || match.sections.length === 0) return [];
  const turns = match.sections.map(({ orientation, index }) => ({ orientation, index, element: content[index]! }));
  const fits = turns.every(({ index, element }) => {
    const before = content[index - 1];
    const after = content[index + 1];
    return (
      element.startIndex !== undefined &&
      element.endIndex === element.startIndex + 2 &&
      before?.paragraph !== undefined &&
      before.startIndex !== undefined &&
      after?.paragraph !== undefined &&
      after.startIndex === element.endIndex
    );
  });
  if (!fits) return [];
  return [...turns].reverse().flatMap(({ orientation, element }): DocsRequest[] => {
    const s = element.startIndex!;
    return [
      { deleteContentRange: { range: { startIndex: s, endIndex: s + 2 } } },
      { insertSectionBreak: { location: { index: s }, sectionType: "NEXT_PAGE" } },
      {
        updateParagraphStyle: {
          range: { startIndex: s, endIndex: s + 1 },
          paragraphStyle: {
            namedStyleType: "NORMAL_TEXT",
            keepWithNext: false,
            keepLinesTogether: false,
            spaceAbove: pt(0),
            spaceBelow: pt(0),
          },
          fields: "namedStyleType,keepWithNext,keepLinesTogether,spaceAbove,spaceBelow",
        },
      },
      {
        updateSectionStyle: {
          range: { startIndex: s + 2, endIndex: s + 3 },
          sectionStyle: { flipPageOrientation: orientation !== model.orientation, ...SECTION_MARGINS },
          fields: "flipPageOrientation,marginTop,marginBottom,marginLeft,marginRight",
        },
      },
    ];
  });
}

/** A table in a turned section gets the column widths of that section's text width, to the twip as the .docx's. */
function sectionTableWidths(model: DocModel, table: PlanMatch["tables"][number]): DocsRequest[] {
  const page = columnWidthsPt(
    table.block.columns.map((c) => c.width),
    textWidthOf(model),
  );
  const own = columnWidthsPt(
    table.block.columns.map((c) => c.width),
    table.planned.width,
  );
  if (own.every((w, i) => w === page[i])) return [];
  return own.map((width, i) => ({
    updateTableColumnProperties: {
      tableStartLocation: { index: table.element.startIndex! },
      columnIndices: [i],
      tableColumnProperties: { widthType: "FIXED_WIDTH", width: pt(width) },
      fields: "widthType,width",
    },
  }));
}

/**
 * Every request the saved document needs: the section turns first (they leave every index
 * as read), merges last (they are the only other requests that move text).
 */
export function layoutRequests(model: DocModel, content: readonly DocsStructuralElement[]): DocsRequest[] {
  const match = matchPlan(bodyPlan(model), content);
  const { tables, paragraphs, tablesComplete } = match;
  const keep = paragraphs
    .filter(({ planned }) => planned.look.keepWithNext || planned.look.keepLines)
    .map(({ planned, element }) => ({
      updateParagraphStyle: {
        range: { startIndex: element.startIndex!, endIndex: element.endIndex! },
        paragraphStyle: { keepWithNext: planned.look.keepWithNext, keepLinesTogether: planned.look.keepLines },
        fields: "keepWithNext,keepLinesTogether",
      },
    }));
  // Never style or merge a wrong table: table requests only when every table was found; a
  // section is turned only with its tables' widths, so the sections need every table too.
  if (!tablesComplete) return keep;
  const turns = sectionRequests(model, content, match);
  return [
    ...turns,
    ...keep,
    ...tables.flatMap(({ block, element }) => tableLayoutRequests(block, element)),
    ...(turns.length > 0 ? tables.flatMap((table) => sectionTableWidths(model, table)) : []),
    ...tables.flatMap(({ block, element }) => groupHeaderMerges(block, element.startIndex!)),
  ];
}

/** What one kind of layout request gives the document, as the user is told it is missing. */
const MISSING_BY_REQUEST: readonly (readonly [keyof DocsRequest, string])[] = [
  ["insertSectionBreak", "широкие таблицы остались на книжных страницах"],
  ["pinTableHeaderRows", "шапки таблиц не повторяются на каждой странице"],
  ["updateTableRowStyle", "строки таблиц могут разрываться между страницами"],
  ["mergeTableCells", "ячейки групповых заголовков в шапках таблиц не объединены"],
  ["updateTableCellStyle", "поля и вертикальное выравнивание ячеек таблиц не заданы"],
  ["updateParagraphStyle", "заголовки могут отрываться от текста, выравнивание в таблицах не задано"],
];

/** One Russian sentence: what the document lacks when `requests` could not be applied. */
function missingLayout(requests: readonly DocsRequest[] | null): string {
  const parts = requests
    ? MISSING_BY_REQUEST.filter(([kind]) => requests.some((r) => r[kind])).map(([, text]) => text)
    : [];
  const what = parts.length > 0 ? parts.join("; ") : "повтор шапок таблиц, неразрывные строки и объединённые ячейки";
  return (
    `Документ создан, но Google Документы не приняли его оформление: ${what}. ` +
    `Текст отчёта полный; оформление можно поправить вручную или сформировать отчёт ещё раз.`
  );
}

export interface LayoutResult {
  /** The batch was applied. */
  readonly applied: boolean;
  /** A Russian sentence when the document needed layout it did not get; null when nothing is missing. */
  readonly missing: string | null;
}

/** Applies the Docs API layout to a saved document drawn from `model`. */
export function applyDocsLayout(documentId: string, model: DocModel): LayoutResult {
  // `typeof` on the bare name, as Apps Script exposes an enabled advanced service: a global
  // identifier, not necessarily a property of globalThis.
  const docs: DocsAdvanced | undefined =
    typeof Docs !== "undefined" && Docs && typeof Docs === "object" ? (Docs as unknown as DocsAdvanced) : undefined;
  if (!docs) return { applied: false, missing: null };
  let requests: DocsRequest[] | null = null;
  try {
    // LAYOUT_FIELDS asks for exactly the fields DocsStructuralElement reads.
    const content = (docs.Documents.get(documentId, { fields: LAYOUT_FIELDS }).body?.content ??
      []) as DocsStructuralElement[];
    requests = layoutRequests(model, content);
    if (requests.length === 0) return { applied: false, missing: null };
    docs.Documents.batchUpdate({ requests }, documentId);
    return { applied: true, missing: null };
  } catch (error) {
    console.warn(
      `Объединение ячеек шапки таблицы не выполнено, повтор шапки на каждой ` +
        `странице и неразрывные строки не заданы, широкие таблицы остались на книжных ` +
        `страницах: ${error instanceof Error ? error.message : String(error)}`,
    );
    return { applied: false, missing: missingLayout(requests) };
  }
}
