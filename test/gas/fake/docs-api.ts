/**
 * The Docs advanced service (Docs API v1) as far as the add-on uses it: Documents.get with a
 * field mask, and Documents.batchUpdate with updateParagraphStyle, updateTableCellStyle,
 * updateTableRowStyle, pinTableHeaderRows and mergeTableCells. It reads the documents the fake
 * DocumentApp made and records what each request sets on the elements themselves
 * (`_docsStyle` on paragraphs, `_docsParagraphStyle` and `_docsCellStyle` on cells,
 * `_docsRowStyle` on rows, `_pinnedHeaderRows` on tables; merges in `tableMerges`).
 *
 * As Google does (sources):
 * - Documents.get returns only the fields the mask names
 *   (https://developers.google.com/docs/api/how-tos/field-masks); body.content starts with the
 *   section break at index 0, paragraphs end with "\n", a table's cells hold paragraphs
 *   (https://developers.google.com/docs/api/concepts/structure).
 * - batchUpdate validates every request before applying any: «If any request is not valid,
 *   then the entire request will fail and nothing will be applied»
 *   (https://developers.google.com/docs/api/reference/rest/v1/documents/batchUpdate).
 * - A request object with no request set fails with «Invalid requests[0]: No request set.»
 *   (the API's answer quoted in https://github.com/googleapis/google-api-php-client/issues/2104);
 *   an unknown request name or field with «Invalid JSON payload received. Unknown name …»
 *   (quoted in https://github.com/googleapis/google-api-nodejs-client/issues/3180).
 * - Every update request needs `fields`: «At least one field must be specified»; a range
 *   styles every paragraph overlapping it; tableStartLocation means every cell or row of the
 *   table; rowIndices omitted means every row
 *   (https://developers.google.com/docs/api/reference/rest/v1/documents/request).
 * - Dimensions are {magnitude, unit: "PT"}; alignment is START, CENTER, END or JUSTIFIED;
 *   lineSpacing is a percentage of normal (https://developers.google.com/docs/api/reference/rest/v1/documents#paragraphstyle).
 * Where the reference is silent (pinning more header rows than the table has, an empty range)
 * the fake refuses: a request Google might accept does not pass here by luck.
 */
import type { CallCounter } from "./counter.js";
import { type DocsStyle, FakeParagraph, FakeTable, type FakeTableCell, type FakeDocumentApp } from "./document.js";

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

type Json = Record<string, unknown>;

/** A parsed field mask: name → sub-mask, or true for the whole field. */
type Mask = Map<string, Mask | true>;

/** Parses "body.content(startIndex,paragraph(elements))" into a tree. */
export function parseFieldMask(text: string): Mask {
  let at = 0;
  const list = (): Mask => {
    const mask: Mask = new Map();
    for (;;) {
      const name = /^[A-Za-z_*]+(?:\.[A-Za-z_*]+)*/.exec(text.slice(at))?.[0];
      if (!name) throw new Error(`GoogleJsonResponseException: API call to docs.documents.get failed with error: Invalid field selection ${text}`);
      at += name.length;
      let sub: Mask | true = true;
      if (text[at] === "(") {
        at++;
        sub = list();
        if (text[at] !== ")") throw new Error(`GoogleJsonResponseException: API call to docs.documents.get failed with error: Invalid field selection ${text}`);
        at++;
      }
      // "a.b.c(x)" is a → b → c(x).
      const parts = name.split(".");
      let node = mask;
      parts.forEach((part, i) => {
        if (i === parts.length - 1) {
          const existing = node.get(part);
          node.set(part, existing instanceof Map && sub instanceof Map ? new Map([...existing, ...sub]) : sub);
        } else {
          const next = node.get(part);
          const child: Mask = next instanceof Map ? next : new Map();
          node.set(part, child);
          node = child;
        }
      });
      if (text[at] !== ",") return mask;
      at++;
    }
  };
  const mask = list();
  if (at !== text.length) throw new Error(`GoogleJsonResponseException: API call to docs.documents.get failed with error: Invalid field selection ${text}`);
  return mask;
}

function applyMask(value: unknown, mask: Mask | true): unknown {
  if (mask === true || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => applyMask(v, mask));
  if (mask.has("*")) return value;
  const out: Json = {};
  for (const [key, sub] of mask) if (key in (value as Json)) out[key] = applyMask((value as Json)[key], sub);
  return out;
}

interface CellLayout {
  readonly cell: FakeTableCell;
  readonly startIndex: number;
  readonly endIndex: number;
}

interface ElementLayout {
  readonly startIndex: number;
  readonly endIndex: number;
  readonly node: FakeParagraph | FakeTable;
  readonly cells?: CellLayout[][];
}

/** Index arithmetic as the API's: one index per UTF-16 unit, "\n" closing each paragraph, one per table, row and cell start. */
function layoutOfBody(children: readonly (FakeParagraph | FakeTable)[]): ElementLayout[] {
  let index = 1; // the section break takes index 0
  return children.map((child) => {
    const startIndex = index;
    if (child instanceof FakeTable) {
      index += 1;
      const cells = child._rows.map((row) => {
        index += 1;
        return row._cells.map((cell) => {
          const cellStart = index;
          index += 1 + cell._node.text.length + 1;
          return { cell, startIndex: cellStart, endIndex: index };
        });
      });
      index += 1;
      return { startIndex, endIndex: index, node: child, cells };
    }
    index += (child._kind === "PAGE_BREAK" ? 1 : child._node.text.length) + 1;
    return { startIndex, endIndex: index, node: child };
  });
}

function documentResource(elements: readonly ElementLayout[]): Json {
  const content: Json[] = [{ endIndex: 1, sectionBreak: { sectionStyle: {} } }];
  for (const e of elements) {
    if (e.node instanceof FakeTable) {
      content.push({
        startIndex: e.startIndex,
        endIndex: e.endIndex,
        table: {
          rows: e.node._rows.length,
          columns: e.node._rows[0]?._cells.length ?? 0,
          tableRows: (e.cells ?? []).map((row) => ({
            tableCells: row.map((c) => ({
              startIndex: c.startIndex,
              endIndex: c.endIndex,
              content: [{ startIndex: c.startIndex + 1, endIndex: c.endIndex, paragraph: { elements: [{ startIndex: c.startIndex + 1, endIndex: c.endIndex, textRun: { content: `${c.cell._node.text}\n` } }] } }],
            })),
          })),
        },
      });
    } else {
      const text = e.node._kind === "PAGE_BREAK" ? "" : e.node._node.text;
      const elements: Json[] = e.node._kind === "PAGE_BREAK" ? [{ startIndex: e.startIndex, endIndex: e.startIndex + 1, pageBreak: {} }] : [];
      elements.push({ startIndex: e.endIndex - text.length - 1, endIndex: e.endIndex, textRun: { content: `${text}\n` } });
      content.push({ startIndex: e.startIndex, endIndex: e.endIndex, paragraph: { elements } });
    }
  }
  return { body: { content } };
}

const REQUEST_KINDS = ["updateParagraphStyle", "updateTableCellStyle", "updateTableRowStyle", "pinTableHeaderRows", "mergeTableCells"] as const;
type RequestKind = (typeof REQUEST_KINDS)[number];

const PARAGRAPH_FIELDS: Record<string, "dimension" | "boolean" | "percent" | "alignment" | "namedStyle"> = {
  alignment: "alignment",
  lineSpacing: "percent",
  spaceAbove: "dimension",
  spaceBelow: "dimension",
  indentStart: "dimension",
  indentEnd: "dimension",
  indentFirstLine: "dimension",
  keepWithNext: "boolean",
  keepLinesTogether: "boolean",
  avoidWidowAndOrphan: "boolean",
  namedStyleType: "namedStyle",
};
const CELL_FIELDS: Record<string, "dimension" | "contentAlignment" | "color"> = {
  paddingTop: "dimension",
  paddingBottom: "dimension",
  paddingLeft: "dimension",
  paddingRight: "dimension",
  contentAlignment: "contentAlignment",
  backgroundColor: "color",
};
const ROW_FIELDS: Record<string, "boolean" | "dimension"> = { preventOverflow: "boolean", minRowHeight: "dimension" };

class InvalidRequest extends Error {}

export class FakeDocsApi {
  readonly Documents: {
    get(documentId: string, args?: { fields?: string }): Json;
    batchUpdate(resource: { requests?: unknown[] }, documentId: string): { replies: object[] };
  };

  constructor(documentApp: FakeDocumentApp, counter: CallCounter) {
    const documentOf = (documentId: string, method: string) => {
      const doc = documentApp._documents.get(documentId);
      if (!doc) throw new Error(`GoogleJsonResponseException: API call to docs.documents.${method} failed with error: Requested entity was not found.`);
      return doc;
    };
    // The fake reading its own documents is not the script's calls: not counted.
    const layout = (documentId: string, method: string) => counter.paused(() => layoutOfBody(documentOf(documentId, method)._body._children));
    this.Documents = {
      get(documentId: string, args?: { fields?: string }) {
        counter.hit("Docs.Documents.get");
        const resource = documentResource(layout(documentId, "get"));
        return args?.fields ? (applyMask(resource, parseFieldMask(args.fields)) as Json) : resource;
      },
      batchUpdate(resource: { requests?: unknown[] }, documentId: string) {
        counter.hit("Docs.Documents.batchUpdate");
        const elements = layout(documentId, "batchUpdate");
        const requests = resource?.requests ?? [];
        // Every request is checked first; only then is anything applied.
        const effects: (() => void)[] = [];
        requests.forEach((request, i) => {
          try {
            effects.push(...planRequest(request, i, elements));
          } catch (error) {
            if (error instanceof InvalidRequest) throw new Error(`GoogleJsonResponseException: API call to docs.documents.batchUpdate failed with error: ${error.message}`);
            throw error;
          }
        });
        effects.forEach((apply) => apply());
        return { replies: requests.map(() => ({})) };
      },
    };
  }
}

function planRequest(request: unknown, i: number, elements: readonly ElementLayout[]): (() => void)[] {
  const keys = request && typeof request === "object" ? Object.keys(request) : [];
  if (keys.length === 0) throw new InvalidRequest(`Invalid requests[${i}]: No request set.`);
  const unknown = keys.find((k) => !(REQUEST_KINDS as readonly string[]).includes(k));
  if (unknown) throw new InvalidRequest(`Invalid JSON payload received. Unknown name "${unknown}" at 'requests[${i}]': Cannot find field.`);
  if (keys.length > 1) throw new InvalidRequest(`Invalid requests[${i}]: more than one request set.`);
  const kind = keys[0] as RequestKind;
  const body = (request as Json)[kind] as Json;
  const where = `Invalid requests[${i}].${kind}`;
  const fail = (why: string): never => {
    throw new InvalidRequest(`${where}: ${why}`);
  };
  const tableAt = (location: unknown): ElementLayout & { node: FakeTable } => {
    const index = (location as { index?: unknown } | undefined)?.index;
    const found = elements.find((e) => e.startIndex === index);
    if (!found || !(found.node instanceof FakeTable)) fail("The table start location must be the start of a table.");
    return found as ElementLayout & { node: FakeTable };
  };
  const fieldsOf = (allowed: Record<string, string>): string[] => {
    const fields = body.fields;
    if (typeof fields !== "string" || fields.trim() === "") fail("At least one field must be specified.");
    const names = (fields as string).split(",").map((f) => f.trim());
    const bad = names.find((f) => f !== "*" && !(f in allowed));
    if (bad) fail(`Invalid field: ${bad}`);
    return names.includes("*") ? Object.keys(allowed) : names;
  };
  const checkValues = (style: Json, names: string[], kinds: Record<string, string>, label: string) => {
    for (const name of names) {
      const value = style?.[name];
      if (value === undefined) continue; // in the mask but unset: reset to the default
      const kindOf = kinds[name];
      const ok =
        kindOf === "dimension"
          ? typeof (value as Json).magnitude === "number" && Number.isFinite((value as Json).magnitude) && (value as Json).unit === "PT"
          : kindOf === "boolean"
            ? typeof value === "boolean"
            : kindOf === "percent"
              ? typeof value === "number" && Number.isFinite(value) && value > 0
              : kindOf === "alignment"
                ? ["START", "CENTER", "END", "JUSTIFIED"].includes(String(value))
                : kindOf === "contentAlignment"
                  ? ["TOP", "MIDDLE", "BOTTOM"].includes(String(value))
                  : kindOf === "namedStyle"
                    ? /^(NORMAL_TEXT|TITLE|SUBTITLE|HEADING_[1-6])$/.test(String(value))
                    : typeof value === "object";
      if (!ok) fail(`Invalid value at '${label}.${name}': ${JSON.stringify(value)}`);
    }
  };
  const picked = (style: Json, names: string[]): DocsStyle => Object.fromEntries(names.map((n) => [n, style?.[n]]));

  switch (kind) {
    case "updateParagraphStyle": {
      const names = fieldsOf(PARAGRAPH_FIELDS);
      const style = (body.paragraphStyle ?? {}) as Json;
      checkValues(style, names, PARAGRAPH_FIELDS, "paragraph_style");
      const range = (body.range ?? {}) as { startIndex?: number; endIndex?: number };
      const start = range.startIndex ?? 0;
      const end = range.endIndex ?? 0;
      const bodyEnd = elements.length > 0 ? elements[elements.length - 1]!.endIndex : 1;
      if (!(start >= 1 && end > start && end <= bodyEnd)) fail(`The range [${start}, ${end}) must be a non-empty range inside the body (1–${bodyEnd}).`);
      const value = picked(style, names);
      const targets: { record: DocsStyle }[] = [];
      for (const e of elements) {
        if (e.endIndex <= start || e.startIndex >= end) continue;
        if (e.node instanceof FakeParagraph) targets.push({ record: e.node._docsStyle });
        else for (const row of e.cells ?? []) for (const c of row) if (c.endIndex > start && c.startIndex + 1 < end) targets.push({ record: c.cell._docsParagraphStyle });
      }
      return [() => targets.forEach((t) => Object.assign(t.record, value))];
    }
    case "updateTableCellStyle": {
      const names = fieldsOf(CELL_FIELDS);
      const style = (body.tableCellStyle ?? {}) as Json;
      checkValues(style, names, CELL_FIELDS, "table_cell_style");
      const range = body.tableRange as { tableCellLocation?: { tableStartLocation?: unknown; rowIndex?: number; columnIndex?: number }; rowSpan?: number; columnSpan?: number } | undefined;
      if (range && body.tableStartLocation) fail("Only one of tableRange and tableStartLocation may be set.");
      const table = tableAt(range ? range.tableCellLocation?.tableStartLocation : body.tableStartLocation);
      const rows = table.node._rows;
      const r0 = range?.tableCellLocation?.rowIndex ?? 0;
      const c0 = range?.tableCellLocation?.columnIndex ?? 0;
      const rowSpan = range ? (range.rowSpan ?? 0) : rows.length;
      const columnSpan = range ? (range.columnSpan ?? 0) : (rows[0]?._cells.length ?? 0);
      if (rowSpan < 1 || columnSpan < 1 || r0 + rowSpan > rows.length || c0 + columnSpan > (rows[0]?._cells.length ?? 0)) fail("The table range is outside the table.");
      const value = picked(style, names);
      const cells = rows.slice(r0, r0 + rowSpan).flatMap((row) => row._cells.slice(c0, c0 + columnSpan));
      return [() => cells.forEach((cell) => Object.assign(cell._docsCellStyle, value))];
    }
    case "updateTableRowStyle": {
      const names = fieldsOf(ROW_FIELDS);
      const style = (body.tableRowStyle ?? {}) as Json;
      checkValues(style, names, ROW_FIELDS, "table_row_style");
      const table = tableAt(body.tableStartLocation);
      const rows = table.node._rows;
      const indices = (body.rowIndices as number[] | undefined) ?? rows.map((_, r) => r);
      if (indices.some((r) => !Number.isInteger(r) || r < 0 || r >= rows.length)) fail("A row index is outside the table.");
      const value = picked(style, names);
      return [() => indices.forEach((r) => Object.assign(rows[r]!._docsRowStyle, value))];
    }
    case "pinTableHeaderRows": {
      const table = tableAt(body.tableStartLocation);
      const count = body.pinnedHeaderRowsCount ?? 0;
      if (typeof count !== "number" || !Number.isInteger(count) || count < 0 || count > table.node._rows.length) fail(`pinnedHeaderRowsCount ${JSON.stringify(count)} is not a row count of this table.`);
      return [
        () => {
          table.node._pinnedHeaderRows = count as number;
        },
      ];
    }
    case "mergeTableCells": {
      const range = (body as { tableRange?: { tableCellLocation?: { tableStartLocation?: unknown; rowIndex?: number; columnIndex?: number }; rowSpan?: number; columnSpan?: number } }).tableRange;
      const location = range?.tableCellLocation;
      const table = tableAt(location?.tableStartLocation).node;
      const merge = { row: location?.rowIndex ?? 0, column: location?.columnIndex ?? 0, rowSpan: range?.rowSpan ?? 0, columnSpan: range?.columnSpan ?? 0 };
      const width = table._rows[0]?._cells.length ?? 0;
      if (merge.rowSpan < 1 || merge.columnSpan < 1 || merge.rowSpan * merge.columnSpan < 2 || merge.row + merge.rowSpan > table._rows.length || merge.column + merge.columnSpan > width)
        fail("The table range is outside the table.");
      return [() => merges.set(table, [...(merges.get(table) ?? []), merge])];
    }
  }
}
