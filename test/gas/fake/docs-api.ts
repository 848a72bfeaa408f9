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
 * - Requests apply in order, each to the document the one before left («…applied in the order
 *   they are specified», batchUpdate page above): indexes are recomputed after a request that
 *   moves text; all on a working copy, committed only when every request is valid.
 * - insertSectionBreak {location | endOfSegmentLocation, sectionType}: «A newline character will
 *   be inserted before the section break»; the location «must be inside the bounds of an
 *   existing Paragraph … it cannot be inserted at a table's start index»; «Section breaks cannot
 *   be inserted inside a table, equation, footnote, header, or footer» and the segment id must be
 *   empty (https://developers.google.com/docs/api/reference/rest/v1/documents/request#insertsectionbreakrequest,
 *   https://googleapis.dev/dotnet/Google.Apis.Docs.v1/latest/api/Google.Apis.Docs.v1.Data.InsertSectionBreakRequest.html).
 *   The new paragraph before the break copies the style of the paragraph it splits, as
 *   InsertTextRequest documents for an inserted newline; the new section copies the style of the
 *   section it splits (undocumented; the code sets every field it relies on).
 * - updateSectionStyle {range «overlapping the sections to style», sectionStyle, fields «At
 *   least one field must be specified»} (https://googleapis.dev/dotnet/Google.Apis.Docs.v1/latest/api/Google.Apis.Docs.v1.Data.UpdateSectionStyleRequest.html);
 *   flipPageOrientation and the margins: «When updating this property, setting a concrete value is
 *   required. Unsetting this property results in a 400 bad request error»; header/footer ids and
 *   sectionType are not writable there (https://developers.google.com/docs/api/reference/rest/v1/documents#sectionstyle,
 *   https://pub.dev/documentation/googleapis/latest/docs_v1/SectionStyle/flipPageOrientation.html).
 *   A range outside the body overlaps no section: refused.
 * - deleteContentRange: refused when it would delete a body's last newline, part of a table, or
 *   «the newline character before a Table, TableOfContents or SectionBreak without deleting the
 *   element» (https://googleapis.dev/dotnet/Google.Apis.Docs.v1/latest/api/Google.Apis.Docs.v1.Data.DeleteContentRangeRequest.html).
 *   Only whole body paragraphs are modelled; a narrower range fails as «fake: not modelled».
 * - updateTableColumnProperties {tableStartLocation, columnIndices (none = every column),
 *   tableColumnProperties {widthType, width}, fields}: a width under 5 points is «a 400 bad request»
 *   (https://googleapis.dev/dotnet/Google.Apis.Docs.v1/latest/api/Google.Apis.Docs.v1.Data.UpdateTableColumnPropertiesRequest.html).
 * Where the reference is silent (pinning more header rows than the table has, an empty range)
 * the fake refuses: a request Google might accept does not pass here by luck.
 */
import type { CallCounter } from "./counter.js";
import type { FileAccess } from "./file-access.js";
import {
  type BodyChild,
  type DocsStyle,
  type FakeBody,
  FakeParagraph,
  FakeTable,
  type FakeTableCell,
  type FakeDocumentApp,
} from "./document.js";

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
      if (!name)
        throw new Error(
          `GoogleJsonResponseException: API call to docs.documents.get ` +
            `failed with error: Invalid field selection ${text}`,
        );
      at += name.length;
      let sub: Mask | true = true;
      if (text[at] === "(") {
        at++;
        sub = list();
        if (text[at] !== ")")
          throw new Error(
            `GoogleJsonResponseException: API call to docs.documents.get ` +
              `failed with error: Invalid field selection ${text}`,
          );
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
  if (at !== text.length)
    throw new Error(
      `GoogleJsonResponseException: API call to docs.documents.get failed with error: Invalid field selection ${text}`,
    );
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
  /** The index of the section break just before this paragraph, if one starts a section here. */
  readonly sectionBreakAt?: number;
}

/** The body as a batch sees it while it runs: a copy, committed only when every request is valid. */
interface Working {
  readonly body: FakeBody;
  readonly children: BodyChild[];
  readonly breaks: Map<FakeParagraph, DocsStyle>;
  readonly first: DocsStyle;
}

function workingCopy(body: FakeBody): Working {
  return {
    body,
    children: [...body._children],
    breaks: new Map([...body._sectionBreaks].map(([p, style]) => [p, { ...style }])),
    first: { ...body._firstSection },
  };
}

function commit(working: Working): void {
  const body = working.body;
  body._children.splice(0, body._children.length, ...working.children);
  for (const child of body._children) child._parent = body;
  body._sectionBreaks.clear();
  for (const [p, style] of working.breaks) body._sectionBreaks.set(p, style);
  body._firstSection = working.first;
}

/** Index arithmetic as the API's: one index per UTF-16 unit, "\n" closing each paragraph, one per table, row and cell start, one per section break. */
function layoutOfBody(working: Working): ElementLayout[] {
  let index = 1; // the first section break takes index 0
  return working.children.map((child) => {
    let sectionBreakAt: number | undefined;
    if (child instanceof FakeParagraph && working.breaks.has(child)) {
      sectionBreakAt = index;
      index += 1;
    }
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
    return { startIndex, endIndex: index, node: child, ...(sectionBreakAt === undefined ? {} : { sectionBreakAt }) };
  });
}

/** The sections in index order: where each starts (its break) and ends, and its style record. */
function sectionsOf(
  elements: readonly ElementLayout[],
  working: Working,
): { start: number; end: number; style: DocsStyle }[] {
  const bodyEnd = elements.length > 0 ? elements[elements.length - 1]!.endIndex : 1;
  const sections = [{ start: 0, end: bodyEnd, style: working.first }];
  for (const e of elements) {
    if (e.sectionBreakAt === undefined) continue;
    sections[sections.length - 1]!.end = e.sectionBreakAt;
    sections.push({ start: e.sectionBreakAt, end: bodyEnd, style: working.breaks.get(e.node as FakeParagraph)! });
  }
  return sections;
}

function documentResource(elements: readonly ElementLayout[], working: Working): Json {
  const content: Json[] = [{ endIndex: 1, sectionBreak: { sectionStyle: { ...working.first } } }];
  for (const e of elements) {
    if (e.sectionBreakAt !== undefined)
      content.push({
        startIndex: e.sectionBreakAt,
        endIndex: e.sectionBreakAt + 1,
        sectionBreak: { sectionStyle: { ...working.breaks.get(e.node as FakeParagraph) } },
      });
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
              content: [
                {
                  startIndex: c.startIndex + 1,
                  endIndex: c.endIndex,
                  paragraph: {
                    elements: [
                      {
                        startIndex: c.startIndex + 1,
                        endIndex: c.endIndex,
                        textRun: { content: `${c.cell._node.text}\n` },
                      },
                    ],
                  },
                },
              ],
            })),
          })),
        },
      });
    } else {
      const text = e.node._kind === "PAGE_BREAK" ? "" : e.node._node.text;
      const elements: Json[] =
        e.node._kind === "PAGE_BREAK" ? [{ startIndex: e.startIndex, endIndex: e.startIndex + 1, pageBreak: {} }] : [];
      elements.push({
        startIndex: e.endIndex - text.length - 1,
        endIndex: e.endIndex,
        textRun: { content: `${text}\n` },
      });
      content.push({ startIndex: e.startIndex, endIndex: e.endIndex, paragraph: { elements } });
    }
  }
  return { body: { content } };
}

const REQUEST_KINDS = [
  "updateParagraphStyle",
  "updateTableCellStyle",
  "updateTableRowStyle",
  "pinTableHeaderRows",
  "mergeTableCells",
  "insertSectionBreak",
  "updateSectionStyle",
  "deleteContentRange",
  "updateTableColumnProperties",
] as const;
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
/** SectionStyle fields an update may set (the header/footer ids and sectionType are not among them). */
const SECTION_FIELDS: Record<string, "dimension" | "boolean" | "integer"> = {
  marginTop: "dimension",
  marginBottom: "dimension",
  marginLeft: "dimension",
  marginRight: "dimension",
  marginHeader: "dimension",
  marginFooter: "dimension",
  flipPageOrientation: "boolean",
  pageNumberStart: "integer",
  useFirstPageHeaderFooter: "boolean",
};
const COLUMN_FIELDS: Record<string, "widthType" | "dimension"> = { widthType: "widthType", width: "dimension" };
const HEADING_OF_NAMED_STYLE: Record<string, string> = {
  NORMAL_TEXT: "NORMAL",
  TITLE: "TITLE",
  SUBTITLE: "SUBTITLE",
  HEADING_1: "HEADING1",
  HEADING_2: "HEADING2",
  HEADING_3: "HEADING3",
  HEADING_4: "HEADING4",
  HEADING_5: "HEADING5",
  HEADING_6: "HEADING6",
};

class InvalidRequest extends Error {}

export class FakeDocsApi {
  /** The drive.file rule per document (file-access.ts), installed by createFakeServices. */
  _access: FileAccess | null = null;
  readonly Documents: {
    get(documentId: string, args?: { fields?: string }): Json;
    batchUpdate(resource: { requests?: unknown[] }, documentId: string): { replies: object[] };
  };

  constructor(documentApp: FakeDocumentApp, counter: CallCounter) {
    const documentOf = (documentId: string, method: string) => {
      this._access?.check(`Docs.Documents.${method}`, documentId);
      const doc = documentApp._documents.get(documentId);
      if (!doc)
        throw new Error(
          `GoogleJsonResponseException: API call to docs.documents.${method} ` +
            `failed with error: Requested entity was not found.`,
        );
      return doc;
    };
    // The fake reading its own documents is not the script's calls: not counted.
    const paused = <T>(read: () => T): T => counter.paused(read);
    this.Documents = {
      get(documentId: string, args?: { fields?: string }) {
        counter.hit("Docs.Documents.get");
        const working = workingCopy(documentOf(documentId, "get")._body);
        const resource = paused(() => documentResource(layoutOfBody(working), working));
        return args?.fields ? (applyMask(resource, parseFieldMask(args.fields)) as Json) : resource;
      },
      batchUpdate(resource: { requests?: unknown[] }, documentId: string) {
        counter.hit("Docs.Documents.batchUpdate");
        const body = documentOf(documentId, "batchUpdate")._body;
        const working = workingCopy(body);
        let elements = paused(() => layoutOfBody(working));
        const requests = resource?.requests ?? [];
        // Each request sees what the ones before it did (on the working copy); styles are
        // applied only once every request has been found valid.
        const effects: (() => void)[] = [];
        requests.forEach((request, i) => {
          try {
            const planned = paused(() => planRequest(request, i, elements, working, counter));
            effects.push(...planned.effects);
            if (planned.moved) elements = paused(() => layoutOfBody(working));
          } catch (error) {
            if (error instanceof InvalidRequest)
              throw new Error(
                `GoogleJsonResponseException: API call to ` +
                  `docs.documents.batchUpdate failed with error: ${error.message}`,
              );
            throw error;
          }
        });
        paused(() => commit(working));
        effects.forEach((apply) => apply());
        return { replies: requests.map(() => ({})) };
      },
    };
  }
}

interface Planned {
  readonly effects: (() => void)[];
  /** The request moved text: indexes after it are recomputed. */
  readonly moved?: boolean;
}

function planRequest(
  request: unknown,
  i: number,
  elements: readonly ElementLayout[],
  working: Working,
  counter: CallCounter,
): Planned {
  const styles = planStyleRequest(request, i, elements, working, counter);
  return Array.isArray(styles) ? { effects: styles } : styles;
}

function planStyleRequest(
  request: unknown,
  i: number,
  elements: readonly ElementLayout[],
  working: Working,
  counter: CallCounter,
): (() => void)[] | Planned {
  const keys = request && typeof request === "object" ? Object.keys(request) : [];
  if (keys.length === 0) throw new InvalidRequest(`Invalid requests[${i}]: No request set.`);
  const unknown = keys.find((k) => !(REQUEST_KINDS as readonly string[]).includes(k));
  if (unknown)
    throw new InvalidRequest(
      `Invalid JSON payload received. Unknown name "${unknown}" at 'requests[${i}]': Cannot find field.`,
    );
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
          ? typeof (value as Json).magnitude === "number" &&
            Number.isFinite((value as Json).magnitude) &&
            (value as Json).unit === "PT"
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
                    : kindOf === "integer"
                      ? Number.isInteger(value)
                      : kindOf === "widthType"
                        ? ["EVENLY_DISTRIBUTED", "FIXED_WIDTH"].includes(String(value))
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
      if (!(start >= 1 && end > start && end <= bodyEnd))
        fail(`The range [${start}, ${end}) must be a non-empty range inside the body (1–${bodyEnd}).`);
      const value = picked(style, names);
      const targets: { record: DocsStyle }[] = [];
      for (const e of elements) {
        if (e.endIndex <= start || e.startIndex >= end) continue;
        if (e.node instanceof FakeParagraph) targets.push({ record: e.node._docsStyle });
        else
          for (const row of e.cells ?? [])
            for (const c of row)
              if (c.endIndex > start && c.startIndex + 1 < end) targets.push({ record: c.cell._docsParagraphStyle });
      }
      const named = typeof value.namedStyleType === "string" ? HEADING_OF_NAMED_STYLE[value.namedStyleType] : undefined;
      const paragraphs = named
        ? elements
            .filter((e) => e.node instanceof FakeParagraph && e.endIndex > start && e.startIndex < end)
            .map((e) => e.node as FakeParagraph)
        : [];
      return [
        () => {
          targets.forEach((t) => Object.assign(t.record, value));
          // A named style is the paragraph's heading, as DocumentApp's getHeading reads it.
          paragraphs.forEach((p) => (p._heading = named!));
        },
      ];
    }
    case "insertSectionBreak": {
      const location = body.location as { index?: unknown; segmentId?: unknown } | undefined;
      if (body.endOfSegmentLocation !== undefined)
        throw new Error("fake: insertSectionBreak at endOfSegmentLocation is not modelled");
      if (!location || typeof location.index !== "number") fail("A location must be specified.");
      if (location!.segmentId)
        fail("Section breaks can only be inserted inside the body: the segment ID must be empty.");
      if (!["NEXT_PAGE", "CONTINUOUS"].includes(String(body.sectionType)))
        fail(
          `Invalid value at 'requests[${i}].insert_section_break.section_type': ${JSON.stringify(body.sectionType)}`,
        );
      const index = location!.index as number;
      const holder = elements.find((e) => index >= e.startIndex && index < e.endIndex);
      if (!holder) fail(`The insertion index ${index} must be inside the bounds of an existing paragraph.`);
      if (holder!.node instanceof FakeTable)
        fail(
          holder!.startIndex === index
            ? "The insertion index cannot be a table's start index."
            : "Section breaks cannot be inserted inside a table.",
        );
      if (holder!.startIndex !== index)
        throw new Error("fake: a section break inside a paragraph's text is not modelled (only at its start)");
      const paragraph = holder!.node as FakeParagraph;
      // The newline before the break ends a new paragraph styled as the one it splits.
      const before = new FakeParagraph("PARAGRAPH", "", counter, working.body._state);
      before._heading = paragraph._heading;
      before._alignment = paragraph._alignment;
      before._attrs = { ...paragraph._attrs };
      before._docsStyle = { ...paragraph._docsStyle };
      const section = sectionsOf(elements, working)
        .filter((x) => x.start <= index)
        .pop()!;
      const previous = working.breaks.get(paragraph);
      working.children.splice(working.children.indexOf(paragraph), 0, before);
      if (previous) working.breaks.set(before, previous);
      working.breaks.set(paragraph, { ...section.style, sectionType: body.sectionType });
      return { effects: [], moved: true };
    }
    case "deleteContentRange": {
      const range = (body.range ?? {}) as { startIndex?: number; endIndex?: number; segmentId?: string };
      const start = range.startIndex ?? 0;
      const end = range.endIndex ?? 0;
      if (!(end > start && start >= 1)) fail(`The range [${start}, ${end}) must not be empty.`);
      const partTable = elements.find(
        (e) =>
          e.node instanceof FakeTable &&
          e.startIndex < end &&
          e.endIndex > start &&
          (e.startIndex < start || e.endIndex > end),
      );
      if (partTable) fail("Deleting the start or end of a table without deleting the entire table is not allowed.");
      const first = elements.findIndex((e) => e.startIndex === start);
      const last = elements.findIndex((e) => e.endIndex === end);
      if (first < 0 || last < first || elements.slice(first, last + 1).some((e) => !(e.node instanceof FakeParagraph)))
        throw new Error("fake: deleteContentRange is modelled for whole body paragraphs only");
      const next = elements[last + 1];
      if (!next) fail("The range cannot include the last newline character of the body.");
      if (next!.node instanceof FakeTable)
        fail("Deleting the newline character before a table without deleting the table is not allowed.");
      if (next!.sectionBreakAt !== undefined)
        fail(
          "Deleting the newline character before a section break without deleting the section break is not allowed.",
        );
      const gone = elements.slice(first, last + 1).map((e) => e.node as FakeParagraph);
      // A section starting at the first deleted paragraph now starts at the paragraph after.
      const carried = gone.map((p) => working.breaks.get(p)).find(Boolean);
      for (const p of gone) {
        working.breaks.delete(p);
        working.children.splice(working.children.indexOf(p), 1);
      }
      if (carried) working.breaks.set(next!.node as FakeParagraph, carried);
      return { effects: [], moved: true };
    }
    case "updateSectionStyle": {
      const names = fieldsOf(SECTION_FIELDS);
      const style = (body.sectionStyle ?? {}) as Json;
      checkValues(style, names, SECTION_FIELDS, "section_style");
      const unset = names.find((n) => style[n] === undefined);
      if (unset)
        fail(`Invalid value at 'section_style.${unset}': a field in the mask must be set to a concrete value.`);
      const range = (body.range ?? {}) as { startIndex?: number; endIndex?: number; segmentId?: string };
      if (range.segmentId) fail("Section styles can only be updated in the body: the segment ID must be empty.");
      const start = range.startIndex ?? 0;
      const end = range.endIndex ?? 0;
      const bodyEnd = elements.length > 0 ? elements[elements.length - 1]!.endIndex : 1;
      if (!(start >= 0 && end > start && end <= bodyEnd))
        fail(`The range [${start}, ${end}) overlaps no section of the body (0–${bodyEnd}).`);
      const value = picked(style, names);
      const sections = sectionsOf(elements, working).filter((x) => x.start < end && x.end > start);
      return [() => sections.forEach((x) => Object.assign(x.style, value))];
    }
    case "updateTableColumnProperties": {
      const names = fieldsOf(COLUMN_FIELDS);
      const properties = (body.tableColumnProperties ?? {}) as Json;
      checkValues(properties, names, COLUMN_FIELDS, "table_column_properties");
      const table = tableAt(body.tableStartLocation).node;
      const columns = table._rows[0]?._cells.length ?? 0;
      const indices = (body.columnIndices as number[] | undefined) ?? Array.from({ length: columns }, (_, c) => c);
      if (indices.some((c) => !Number.isInteger(c) || c < 0 || c >= columns))
        fail("A column index is outside the table.");
      const width = (properties.width as { magnitude?: number } | undefined)?.magnitude;
      if (names.includes("width") && !(typeof width === "number" && width >= 5))
        fail("The column width must be at least 5 points.");
      if (properties.widthType === "FIXED_WIDTH" && width === undefined) fail("A fixed-width column needs a width.");
      return [
        () =>
          indices.forEach((c) =>
            width === undefined ? table._columnWidths.delete(c) : table._columnWidths.set(c, width),
          ),
      ];
    }
    case "updateTableCellStyle": {
      const names = fieldsOf(CELL_FIELDS);
      const style = (body.tableCellStyle ?? {}) as Json;
      checkValues(style, names, CELL_FIELDS, "table_cell_style");
      const range = body.tableRange as
        | {
            tableCellLocation?: { tableStartLocation?: unknown; rowIndex?: number; columnIndex?: number };
            rowSpan?: number;
            columnSpan?: number;
          }
        | undefined;
      if (range && body.tableStartLocation) fail("Only one of tableRange and tableStartLocation may be set.");
      const table = tableAt(range ? range.tableCellLocation?.tableStartLocation : body.tableStartLocation);
      const rows = table.node._rows;
      const r0 = range?.tableCellLocation?.rowIndex ?? 0;
      const c0 = range?.tableCellLocation?.columnIndex ?? 0;
      const rowSpan = range ? (range.rowSpan ?? 0) : rows.length;
      const columnSpan = range ? (range.columnSpan ?? 0) : (rows[0]?._cells.length ?? 0);
      if (
        rowSpan < 1 ||
        columnSpan < 1 ||
        r0 + rowSpan > rows.length ||
        c0 + columnSpan > (rows[0]?._cells.length ?? 0)
      )
        fail("The table range is outside the table.");
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
      if (indices.some((r) => !Number.isInteger(r) || r < 0 || r >= rows.length))
        fail("A row index is outside the table.");
      const value = picked(style, names);
      return [() => indices.forEach((r) => Object.assign(rows[r]!._docsRowStyle, value))];
    }
    case "pinTableHeaderRows": {
      const table = tableAt(body.tableStartLocation);
      const count = body.pinnedHeaderRowsCount ?? 0;
      if (typeof count !== "number" || !Number.isInteger(count) || count < 0 || count > table.node._rows.length)
        fail(`pinnedHeaderRowsCount ${JSON.stringify(count)} is not a row count of this table.`);
      return [
        () => {
          table.node._pinnedHeaderRows = count as number;
        },
      ];
    }
    case "mergeTableCells": {
      const range = (
        body as {
          tableRange?: {
            tableCellLocation?: { tableStartLocation?: unknown; rowIndex?: number; columnIndex?: number };
            rowSpan?: number;
            columnSpan?: number;
          };
        }
      ).tableRange;
      const location = range?.tableCellLocation;
      const table = tableAt(location?.tableStartLocation).node;
      const merge = {
        row: location?.rowIndex ?? 0,
        column: location?.columnIndex ?? 0,
        rowSpan: range?.rowSpan ?? 0,
        columnSpan: range?.columnSpan ?? 0,
      };
      const width = table._rows[0]?._cells.length ?? 0;
      if (
        merge.rowSpan < 1 ||
        merge.columnSpan < 1 ||
        merge.rowSpan * merge.columnSpan < 2 ||
        merge.row + merge.rowSpan > table._rows.length ||
        merge.column + merge.columnSpan > width
      )
        fail("The table range is outside the table.");
      return [() => merges.set(table, [...(merges.get(table) ?? []), merge])];
    }
  }
}
