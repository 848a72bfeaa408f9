/**
 * Merged group headers in the Google Doc («Основные результаты реализации плана» over two
 * columns, as the official form has them). DocumentApp cannot merge table cells; the Docs API
 * can (mergeTableCells), through the Docs advanced service, after the document is saved: one
 * Documents.get for the tables' start indexes and one batchUpdate — and no call at all when no
 * table has a group header. Any failure leaves the document as DocumentApp drew it (the text in
 * the first cell of the span): the report itself never fails on this.
 */
import type { DocModel, TableBlock } from "../core/report/model.js";

interface DocsAdvanced {
  Documents: {
    get(documentId: string, args: object): { body?: { content?: { startIndex?: number; table?: unknown }[] } };
    batchUpdate(resource: object, documentId: string): unknown;
  };
}

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

/** Merges the group header cells of a saved document drawn from `model`; true when it did. */
export function mergeGroupHeaders(documentId: string, model: DocModel): boolean {
  const tables = model.blocks.filter((b): b is TableBlock => b.type === "table");
  if (!tables.some((t) => (t.headerRows ?? []).some((row) => row.some((cell) => cell.span > 1)))) return false;
  // An advanced service is a global only when enabled: asked by typeof, never through globalThis.
  const docs = typeof Docs === "undefined" ? undefined : (Docs as unknown as DocsAdvanced);
  if (!docs || typeof docs !== "object") return false;
  try {
    const content = docs.Documents.get(documentId, { fields: "body.content(startIndex,table.rows)" }).body?.content ?? [];
    const starts = content.filter((element) => element.table).map((element) => element.startIndex ?? -1);
    // Only when the document's tables are exactly the model's, in order: never merge a wrong table.
    if (starts.length !== tables.length || starts.some((s) => s < 0)) return false;
    const requests = tables.flatMap((table, i) => groupHeaderMerges(table, starts[i]!));
    if (requests.length === 0) return false;
    docs.Documents.batchUpdate({ requests }, documentId);
    return true;
  } catch (error) {
    console.warn(`Объединение ячеек шапки таблицы не выполнено: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}
