/**
 * Grid → typed workbook. Never throws: a missing tab, a renamed header or an error cell
 * becomes an issue with its location, and whatever can still be read is read.
 */
import { fold } from "./fold.js";
import { type Cell, type TabGrid, type WorkbookGrid, cellText, isEmptyCell, isEmptyRow, isErrorCell } from "./grid.js";
import { type Issue, issueAt, say } from "./issues.js";
import { countWithNoun, lowerFirst } from "./russian.js";
import { mixesLatin, tabTitleKey } from "./tab-title.js";
import {
  type ColumnKey,
  type FieldKey,
  type KeyValueTabDef,
  type KeyValueTabKey,
  type TableTabDef,
  type TableTabKey,
  type TabDef,
  KEY_VALUE_HEADERS,
  TABS,
} from "./schema.js";
import { a1 } from "./schema-lookup.js";
import { versionBefore } from "./upgrade.js";

export interface TableRow<K extends TableTabKey = TableTabKey> {
  /** 1-based sheet row. */
  readonly row: number;
  readonly cells: Readonly<Record<ColumnKey<K>, Cell>>;
}

export interface ParsedTable<K extends TableTabKey = TableTabKey> {
  readonly key: K;
  readonly title: string;
  readonly present: boolean;
  /** 0-based sheet column of every schema column, -1 when it cannot be found. */
  readonly columnIndex: Readonly<Record<ColumnKey<K>, number>>;
  readonly rows: readonly TableRow<K>[];
}

interface KeyValueField {
  readonly value: Cell;
  /** 1-based row where the label was found, null when the label is missing. */
  readonly row: number | null;
}

export interface ParsedKeyValue<K extends KeyValueTabKey = KeyValueTabKey> {
  readonly key: K;
  readonly title: string;
  readonly present: boolean;
  readonly fields: Readonly<Record<FieldKey<K>, KeyValueField>>;
}

export interface Workbook {
  readonly tables: { readonly [K in TableTabKey]: ParsedTable<K> };
  readonly kv: { readonly [K in KeyValueTabKey]: ParsedKeyValue<K> };
  readonly templateVersion: string | null;
  /** Titles of tabs the template does not know (kept, ignored). */
  readonly extraTabs: readonly string[];
}

export interface ParseResult {
  readonly workbook: Workbook;
  readonly issues: Issue[];
}

/** True when the grid has at least one tab of the template (otherwise it is a foreign workbook). */
export function looksLikeMipWorkbook(grid: WorkbookGrid): boolean {
  const titles = new Set(grid.tabs.map((t) => tabTitleKey(t.title)));
  const known = TABS.filter((t) => titles.has(tabTitleKey(t.title))).length;
  return known >= 2 || (known === 1 && grid.tabs.length === 1);
}

const filledRows = (sheet: TabGrid): number => sheet.rows.slice(1).filter((r) => !isEmptyRow(r)).length;

const ROW_NOUNS = ["заполненная строка", "заполненные строки", "заполненных строк"] as const;

const describeTab = (sheet: TabGrid): string => {
  const n = filledRows(sheet);
  return `«${sheet.title}» (${n === 0 ? "пустая" : countWithNoun(n, ROW_NOUNS)})`;
};

/**
 * The tab read for a template tab, and a finding when that choice is not plain. Tabs answer
 * to a template title by tabTitleKey (case, spaces, Latin look-alike letters). Of several,
 * the one with the most filled rows is read (an empty or hidden copy with the exact title
 * must not shadow the data), and the user is told which; a tab found only through a Latin
 * look-alike letter is read, and the user is told to rename it.
 */
export function findTab(grid: WorkbookGrid, tab: TabDef, issues: Issue[]): TabGrid | undefined {
  const key = tabTitleKey(tab.title);
  const candidates = grid.tabs.filter((t) => tabTitleKey(t.title) === key);
  if (candidates.length === 0) return undefined;
  const exact = candidates.find((t) => t.title === tab.title);
  let chosen = exact ?? candidates[0]!;
  for (const candidate of candidates) if (filledRows(candidate) > filledRows(chosen)) chosen = candidate;
  const place = { sheet: chosen.title, row: null, column: null, cell: null };
  if (candidates.length > 1) {
    const others = candidates.filter((t) => t !== chosen);
    issues.push(
      issueAt(
        say("TPL_SHEET_NAME", "several", {
          tab: tab.title,
          count: countWithNoun(candidates.length, TAB_NOUNS),
          listed: listed([chosen, ...others]),
          chosen: chosen.title,
        }),
        place,
      ),
    );
  } else if (fold(chosen.title) !== fold(tab.title) && mixesLatin(chosen.title)) {
    issues.push(issueAt(say("TPL_SHEET_NAME", "latin", { tab: tab.title, written: chosen.title }), place));
  }
  return chosen;
}

/** The tab answering to a title the way template tabs are found (tabTitleKey), the exact title first. */
export function findTabByTitle(grid: WorkbookGrid, title: string): TabGrid | undefined {
  const key = tabTitleKey(title);
  return grid.tabs.find((t) => t.title === title) ?? grid.tabs.find((t) => tabTitleKey(t.title) === key);
}

const TAB_NOUNS = ["вкладка", "вкладки", "вкладок"] as const;

/** Tabs named in one finding at most; a workbook with a thousand copies gets one sentence, not a page. */
const MAX_TABS_NAMED = 5;

const listed = (tabs: readonly TabGrid[]): string => {
  const named = tabs.slice(0, MAX_TABS_NAMED).map(describeTab).join(", ");
  const rest = tabs.length - MAX_TABS_NAMED;
  return rest > 0 ? `${named} и ещё ${rest}` : named;
};

function cellErrorIssue(tabTitle: string, row: number, col: number, header: string | null, cell: Cell): Issue {
  const code = isErrorCell(cell) ? cell.code : cellText(cell);
  const at = a1(row, col);
  return issueAt(say("TPL_CELL_ERROR", { cell: at, code }), { sheet: tabTitle, row, column: header, cell: at });
}

/**
 * Match schema headers to sheet columns: an exact (folded) header wins wherever it stands;
 * a header that is not found falls back to its own position if that column is not claimed
 * by another header (a renamed header keeps its data readable).
 */
function matchHeaders(
  tab: TableTabDef,
  headerRow: readonly Cell[],
  issues: Issue[],
  version: string | null | undefined,
): Record<string, number> {
  const found = headerRow.map((cell) => fold(cellText(cell)));
  const known = new Set(tab.columns.map((c) => fold(c.header)));
  const index: Record<string, number> = {};
  const claimed = new Set<number>();
  tab.columns.forEach((col) => {
    const at = found.indexOf(fold(col.header));
    if (at >= 0 && !claimed.has(at)) {
      index[col.key] = at;
      claimed.add(at);
    }
  });
  tab.columns.forEach((col, expectedAt) => {
    const actual = index[col.key];
    const seen = cellText(headerRow[expectedAt]);
    const cellRef = a1(1, expectedAt);
    // A column a later template version added, and the user's own column standing where it goes
    // (the template allows extra columns at the right end): the user's column is not read as
    // ours, and the update moves it right whole (upgrade.ts).
    const addedLater =
      actual === undefined &&
      col.since !== undefined &&
      version !== undefined &&
      versionBefore(version, col.since) &&
      seen !== "" &&
      !known.has(fold(seen));
    if (addedLater) {
      index[col.key] = -1;
      const said = say("TPL_HEADER_MISMATCH", "laterColumn", {
        tab: tab.title,
        header: col.header,
        since: col.since,
        cell: cellRef,
        written: seen,
      });
      issues.push(issueAt(said, { sheet: tab.title, row: 1, column: col.header, cell: cellRef }));
    } else if (actual === undefined) {
      const fallback =
        !claimed.has(expectedAt) && expectedAt < Math.max(found.length, 1) && seen !== "" ? expectedAt : -1;
      index[col.key] = fallback;
      if (fallback >= 0) claimed.add(fallback);
      const said =
        seen === ""
          ? say("TPL_HEADER_MISMATCH", "missing", { tab: tab.title, header: col.header, cell: cellRef })
          : say("TPL_HEADER_MISMATCH", "renamed", { cell: cellRef, written: seen, header: col.header });
      issues.push(issueAt(said, { sheet: tab.title, row: 1, column: col.header, cell: cellRef }));
    } else if (actual !== expectedAt) {
      const cell = a1(1, actual);
      const said = say("TPL_HEADER_MISMATCH", "moved", { header: col.header, cell, expected: cellRef });
      issues.push(issueAt(said, { sheet: tab.title, row: 1, column: col.header, cell }));
    }
  });
  return index;
}

/**
 * One table tab by its definition (the template's, or another table such as the committee's
 * roadmap). `templateVersion`: the school workbook's recorded version (null: unknown), so a
 * column a later version added is told apart from a user's column in its place; undefined for
 * tables outside the template's versions.
 */
export function parseTable(
  tab: TableTabDef,
  sheet: TabGrid | undefined,
  issues: Issue[],
  templateVersion?: string | null,
): ParsedTable {
  const emptyIndex = Object.fromEntries(tab.columns.map((c) => [c.key, -1]));
  if (!sheet)
    return {
      key: tab.key as TableTabKey,
      title: tab.title,
      present: false,
      columnIndex: emptyIndex as never,
      rows: [],
    };
  const headerRow = sheet.rows[0] ?? [];
  const index = matchHeaders(tab, headerRow, issues, templateVersion);
  const rows: TableRow[] = [];
  for (let r = 1; r < sheet.rows.length; r++) {
    const raw = sheet.rows[r];
    // One pass over the row: an empty row has no cell with text, so `any` stays false.
    if (!raw) continue;
    const cells: Record<string, Cell> = {};
    let any = false;
    for (const col of tab.columns) {
      const at = index[col.key] ?? -1;
      const cell = at >= 0 ? (raw[at] ?? null) : null;
      cells[col.key] = cell;
      if (!isEmptyCell(cell)) any = true;
      if (isErrorCell(cell)) issues.push(cellErrorIssue(tab.title, r + 1, at, col.header, cell));
    }
    // A row filled only in the user's own extra columns is not a data row of the template.
    if (any) rows.push({ row: r + 1, cells: cells as never });
  }
  return {
    key: tab.key as TableTabKey,
    title: tab.title,
    present: true,
    columnIndex: index as never,
    rows: rows as never,
  };
}

/** One key-value tab by its definition: fields found by their label in column A. */
export function parseKeyValue(tab: KeyValueTabDef, sheet: TabGrid | undefined, issues: Issue[]): ParsedKeyValue {
  const fields: Record<string, KeyValueField> = {};
  for (const fd of tab.fields) fields[fd.key] = { value: null, row: null };
  if (!sheet) return { key: tab.key as KeyValueTabKey, title: tab.title, present: false, fields: fields as never };
  const headerRow = sheet.rows[0] ?? [];
  KEY_VALUE_HEADERS.forEach((header, i) => {
    const seen = cellText(headerRow[i]);
    if (fold(seen) !== fold(header)) {
      const cell = a1(1, i);
      const said =
        seen === ""
          ? say("TPL_HEADER_MISMATCH", "fieldMissing", { tab: tab.title, cell, header })
          : say("TPL_HEADER_MISMATCH", "fieldRenamed", { cell, written: seen, header });
      issues.push(issueAt(said, { sheet: tab.title, row: 1, column: header, cell }));
    }
  });
  const byLabel = new Map(tab.fields.map((fd) => [fold(fd.label), fd.key]));
  for (let r = 1; r < sheet.rows.length; r++) {
    const raw = sheet.rows[r] ?? [];
    const key = byLabel.get(fold(cellText(raw[0])));
    if (!key || fields[key]!.row !== null) continue;
    const value = raw[1] ?? null;
    fields[key] = { value, row: r + 1 };
    if (isErrorCell(value)) issues.push(cellErrorIssue(tab.title, r + 1, 1, KEY_VALUE_HEADERS[1], value));
  }
  return { key: tab.key as KeyValueTabKey, title: tab.title, present: true, fields: fields as never };
}

export function parseWorkbook(grid: WorkbookGrid): ParseResult {
  const issues: Issue[] = [];
  const tables: Record<string, ParsedTable> = {};
  const kv: Record<string, ParsedKeyValue> = {};
  for (const tab of TABS) {
    const sheet = findTab(grid, tab, issues);
    if (!sheet) {
      const purpose = lowerFirst(tab.purpose.replace(/\.$/, ""));
      const said = say("TPL_SHEET_MISSING", { tab: tab.title, purpose });
      issues.push(issueAt(said, { sheet: tab.title, row: null, column: null, cell: null }));
    }
    if (tab.type === "table") tables[tab.key] = parseTable(tab, sheet, issues, grid.templateVersion ?? null);
    else kv[tab.key] = parseKeyValue(tab, sheet, issues);
  }
  const known = new Set(TABS.map((t) => tabTitleKey(t.title)));
  const extraTabs = grid.tabs.map((t) => t.title).filter((title) => !known.has(tabTitleKey(title)));
  return {
    workbook: {
      tables: tables as unknown as Workbook["tables"],
      kv: kv as unknown as Workbook["kv"],
      templateVersion: grid.templateVersion ?? null,
      extraTabs,
    },
    issues,
  };
}

/** Location helpers for rules. */
export function cellRef<K extends TableTabKey>(
  table: ParsedTable<K>,
  row: TableRow<K>,
  key: ColumnKey<K>,
): string | null {
  const at = table.columnIndex[key];
  return at >= 0 ? a1(row.row, at) : null;
}
