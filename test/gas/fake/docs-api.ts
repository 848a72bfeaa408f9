/**
 * The Docs advanced service (Docs API v1) as far as the add-on uses it: Documents.get for the
 * start index of every body table, and Documents.batchUpdate with mergeTableCells. It reads the
 * documents the fake DocumentApp made; merges are recorded on the table (`_merges`) and checked
 * the way the API checks them (inside the table, a real span, the table found by its index).
 */
import type { CallCounter } from "./counter.js";
import { FakeTable, type FakeDocumentApp } from "./document.js";

export interface TableMerge {
  readonly row: number;
  readonly column: number;
  readonly rowSpan: number;
  readonly columnSpan: number;
}

const merges = new WeakMap<FakeTable, TableMerge[]>();

/** Merges the Docs API made in a fake table. */
export function tableMerges(table: FakeTable): readonly TableMerge[] {
  return merges.get(table) ?? [];
}

interface MergeRequest {
  mergeTableCells?: {
    tableRange?: {
      tableCellLocation?: { tableStartLocation?: { index?: number }; rowIndex?: number; columnIndex?: number };
      rowSpan?: number;
      columnSpan?: number;
    };
  };
}

export class FakeDocsApi {
  readonly Documents: {
    get(documentId: string, args?: object): { body: { content: { startIndex: number; endIndex: number; table?: { rows: number; columns: number } }[] } };
    batchUpdate(resource: { requests?: MergeRequest[] }, documentId: string): { replies: object[] };
  };

  constructor(documentApp: FakeDocumentApp, counter: CallCounter) {
    // The fake reading its own documents is not the script's calls: not counted.
    const layout = (documentId: string) => counter.paused(() => layoutOf(documentId));
    const layoutOf = (documentId: string) => {
      const doc = documentApp._documents.get(documentId);
      if (!doc) throw new Error(`GoogleJsonResponseException: API call to docs.documents.get failed with error: Requested entity was not found.`);
      // Index arithmetic like the API's: one position per character plus a paragraph end; a table
      // takes its cells' text plus structural markers. Only the order and uniqueness matter here.
      let index = 1;
      return doc._body._children.map((child) => {
        const startIndex = index;
        if (child instanceof FakeTable) {
          index += 1 + child._rows.reduce((a, r) => a + 1 + r._cells.reduce((b, c) => b + 2 + c._node.text.length, 0), 0) + 1;
          return { startIndex, endIndex: index, node: child, table: { rows: child._rows.length, columns: child._rows[0]?._cells.length ?? 0 } };
        }
        index += child.getText().length + 1;
        return { startIndex, endIndex: index, node: child };
      });
    };
    this.Documents = {
      get(documentId: string) {
        counter.hit("Docs.Documents.get");
        return { body: { content: layout(documentId).map(({ node: _, ...element }) => element) } };
      },
      batchUpdate(resource: { requests?: MergeRequest[] }, documentId: string) {
        counter.hit("Docs.Documents.batchUpdate");
        const elements = layout(documentId);
        for (const request of resource.requests ?? []) {
          const range = request.mergeTableCells?.tableRange;
          const location = range?.tableCellLocation;
          const table = elements.find((e) => e.startIndex === location?.tableStartLocation?.index)?.node;
          if (!range || !location || !(table instanceof FakeTable)) throw new Error("GoogleJsonResponseException: Invalid requests[0].mergeTableCells: the table start location is not a table.");
          const merge = { row: location.rowIndex ?? 0, column: location.columnIndex ?? 0, rowSpan: range.rowSpan ?? 0, columnSpan: range.columnSpan ?? 0 };
          const width = table._rows[0]?._cells.length ?? 0;
          if (merge.rowSpan < 1 || merge.columnSpan < 1 || merge.rowSpan * merge.columnSpan < 2 || merge.row + merge.rowSpan > table._rows.length || merge.column + merge.columnSpan > width)
            throw new Error("GoogleJsonResponseException: Invalid requests[0].mergeTableCells: the table range is outside the table.");
          merges.set(table, [...(merges.get(table) ?? []), merge]);
        }
        return { replies: (resource.requests ?? []).map(() => ({})) };
      },
    };
  }
}
