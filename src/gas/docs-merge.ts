/**
 * What DocumentApp cannot set, applied through the Docs API (the Docs advanced service) after
 * the document is saved, in one Documents.get and one batchUpdate:
 * - header rows repeated on every page (pinTableHeaderRows), as the .docx's w:tblHeader;
 * - table rows never split across pages (updateTableRowStyle preventOverflow; docs/REPORT.md: «a
 *   table row never split across pages unless it is taller than a page»);
 * - cell padding as the .docx's (updateTableCellStyle over the whole table), header cells
 *   centred vertically (updateTableCellStyle over the header rows);
 * - table paragraphs single-spaced without spacing, header cells centred and each column's
 *   alignment (updateParagraphStyle per table and per non-left cell);
 * - headings and table captions kept with what follows, headings and the signature kept on one
 *   page (updateParagraphStyle keepWithNext / keepLinesTogether), as the .docx's keepNext/keepLines;
 * - merged group header cells («Основные результаты реализации плана» over two columns, as the
 *   official form has them; mergeTableCells), last, so every index above is still the one read.
 * Elements are found from the renderer's own plan (docs-render.ts bodyPlan): tables in order
 * with their sizes checked, paragraphs by their text. Any failure leaves the document as
 * DocumentApp drew it: the report itself never fails on this.
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
 */
import type { Align, DocModel, TableBlock } from "../core/report/model.js";
import { type BodyElement, LAYOUT_PT, bodyPlan, tableCells } from "./docs-render.js";

interface DocsCell {
  startIndex?: number;
  endIndex?: number;
}

interface DocsStructuralElement {
  startIndex?: number;
  endIndex?: number;
  paragraph?: { elements?: { textRun?: { content?: string } }[] };
  table?: { rows?: number; columns?: number; tableRows?: { tableCells?: DocsCell[] }[] };
}

interface DocsAdvanced {
  Documents: {
    get(documentId: string, args: object): { body?: { content?: DocsStructuralElement[] } };
    batchUpdate(resource: object, documentId: string): unknown;
  };
}

/** The parts of the document the requests need, and nothing else (a 1,000-row table's text is not fetched). */
export const LAYOUT_FIELDS = "body.content(startIndex,endIndex,paragraph(elements(textRun(content))),table(rows,columns,tableRows(tableCells(startIndex,endIndex))))";

const pt = (magnitude: number) => ({ magnitude, unit: "PT" });

export interface MergeRequest {
  mergeTableCells: {
    tableRange: {
      tableCellLocation: { tableStartLocation: { index: number }; rowIndex: number; columnIndex: number };
      rowSpan: number;
      columnSpan: number;
    };
  };
}

/** The merges one table needs: each group header cell spanning more than one column. */
export function groupHeaderMerges(block: TableBlock, tableStart: number): MergeRequest[] {
  const requests: MergeRequest[] = [];
  (block.headerRows ?? []).forEach((row, rowIndex) => {
    let columnIndex = 0;
    for (const cell of row) {
      if (cell.span > 1) {
        requests.push({
          mergeTableCells: {
            tableRange: { tableCellLocation: { tableStartLocation: { index: tableStart }, rowIndex, columnIndex }, rowSpan: 1, columnSpan: cell.span },
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
export function tableLayoutRequests(block: TableBlock, element: DocsStructuralElement): object[] {
  const start = element.startIndex!;
  const rows = element.table?.tableRows ?? [];
  const { headerRows } = tableCells(block);
  const first = rows[0]?.tableCells?.[0];
  const last = rows[rows.length - 1]?.tableCells?.slice(-1)[0];
  const padding = LAYOUT_PT.cellPadding;
  const requests: object[] = [
    {
      updateTableCellStyle: {
        tableStartLocation: { index: start },
        tableCellStyle: { paddingTop: pt(padding.top), paddingBottom: pt(padding.bottom), paddingLeft: pt(padding.left), paddingRight: pt(padding.right) },
        fields: "paddingTop,paddingBottom,paddingLeft,paddingRight",
      },
    },
  ];
  const columns = rows[0]?.tableCells?.length ?? 0;
  if (columns > 0 && headerRows <= rows.length) {
    // Header cells centred vertically, as the .docx's w:vAlign="center".
    requests.push({
      updateTableCellStyle: {
        tableRange: { tableCellLocation: { tableStartLocation: { index: start }, rowIndex: 0, columnIndex: 0 }, rowSpan: headerRows, columnSpan: columns },
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
        paragraphStyle: { lineSpacing: LAYOUT_PT.lineSpacing * 100, spaceAbove: pt(0), spaceBelow: pt(0), indentStart: pt(0), indentFirstLine: pt(0), alignment: "START" },
        fields: "lineSpacing,spaceAbove,spaceBelow,indentStart,indentFirstLine,alignment",
      },
    });
  }
  rows.forEach((row, r) =>
    (row.tableCells ?? []).forEach((cell, c) => {
      const align: Align = r < headerRows ? "center" : (block.columns[c]?.align ?? "left");
      if (align !== "left") requests.push({ updateParagraphStyle: { range: cellRange(cell), paragraphStyle: { alignment: DOCS_ALIGNMENT[align] }, fields: "alignment" } });
    }),
  );
  requests.push(
    { updateTableRowStyle: { tableStartLocation: { index: start }, tableRowStyle: { preventOverflow: true }, fields: "preventOverflow" } },
    { pinTableHeaderRows: { tableStartLocation: { index: start }, pinnedHeaderRowsCount: headerRows } },
  );
  return requests;
}

// eslint-disable-next-line no-control-regex -- a vertical tab is how Docs returns a soft line break
const normalise = (text: string): string => text.replace(/[\s\u00a0\u000b]+/gu, " ").trim();
const paragraphText = (element: DocsStructuralElement): string => (element.paragraph?.elements ?? []).map((e) => e.textRun?.content ?? "").join("");

/**
 * The saved document's tables and paragraphs matched to the plan, in order: a table to the next
 * table of the same size, a paragraph to the next paragraph with the same text. Elements the
 * document has and the plan does not (an empty paragraph Docs kept) are passed over.
 */
export function matchPlan(
  plan: readonly BodyElement[],
  content: readonly DocsStructuralElement[],
): { tables: { block: TableBlock; element: DocsStructuralElement }[]; paragraphs: { planned: Extract<BodyElement, { kind: "paragraph" }>; element: DocsStructuralElement }[]; tablesComplete: boolean } {
  const tables: { block: TableBlock; element: DocsStructuralElement }[] = [];
  const paragraphs: { planned: Extract<BodyElement, { kind: "paragraph" }>; element: DocsStructuralElement }[] = [];
  let at = 0;
  let tablesComplete = true;
  for (const planned of plan) {
    if (planned.kind === "table") {
      const { cells } = tableCells(planned.block);
      const found = content.findIndex((e, i) => i >= at && e.table !== undefined);
      const element = content[found];
      if (!element || element.table?.rows !== cells.length || element.table?.columns !== cells[0]!.length || element.startIndex === undefined) {
        tablesComplete = false;
        continue;
      }
      tables.push({ block: planned.block, element });
      at = found + 1;
    } else if (planned.kind === "paragraph" && normalise(planned.text) !== "") {
      const text = normalise(planned.text);
      const found = content.findIndex((e, i) => i >= at && e.paragraph !== undefined && normalise(paragraphText(e)) === text);
      if (found < 0) continue;
      paragraphs.push({ planned, element: content[found]! });
      at = found + 1;
    }
  }
  return { tables, paragraphs, tablesComplete };
}

/** Every request the saved document needs, merges last (they are the only ones that move text). */
export function layoutRequests(model: DocModel, content: readonly DocsStructuralElement[]): object[] {
  const { tables, paragraphs, tablesComplete } = matchPlan(bodyPlan(model), content);
  const keep = paragraphs
    .filter(({ planned }) => planned.look.keepWithNext || planned.look.keepLines)
    .map(({ planned, element }) => ({
      updateParagraphStyle: {
        range: { startIndex: element.startIndex!, endIndex: element.endIndex! },
        paragraphStyle: { keepWithNext: planned.look.keepWithNext, keepLinesTogether: planned.look.keepLines },
        fields: "keepWithNext,keepLinesTogether",
      },
    }));
  // Never style or merge a wrong table: table requests only when every table was found.
  if (!tablesComplete) return keep;
  return [
    ...keep,
    ...tables.flatMap(({ block, element }) => tableLayoutRequests(block, element)),
    ...tables.flatMap(({ block, element }) => groupHeaderMerges(block, element.startIndex!)),
  ];
}

/** Applies the Docs API layout to a saved document drawn from `model`; true when it did. */
export function applyDocsLayout(documentId: string, model: DocModel): boolean {
  // `typeof` on the bare name, as Apps Script exposes an enabled advanced service: a global
  // identifier, not necessarily a property of globalThis.
  const docs: DocsAdvanced | undefined = typeof Docs !== "undefined" && Docs && typeof Docs === "object" ? (Docs as unknown as DocsAdvanced) : undefined;
  if (!docs) return false;
  try {
    const content = docs.Documents.get(documentId, { fields: LAYOUT_FIELDS }).body?.content ?? [];
    const requests = layoutRequests(model, content);
    if (requests.length === 0) return false;
    docs.Documents.batchUpdate({ requests }, documentId);
    return true;
  } catch (error) {
    console.warn(
      `Объединение ячеек шапки таблицы не выполнено, повтор шапки на каждой странице и неразрывные строки не заданы: ${error instanceof Error ? error.message : String(error)}`,
    );
    return false;
  }
}

/** The name the report and the справка call it by. */
export const mergeGroupHeaders = applyDocsLayout;
