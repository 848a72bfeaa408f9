/**
 * A roadmap workbook (or the committee's spreadsheet) → the roadmap as data: the order's fields
 * and the items, each with its outline number, its date read by the plan's term reader (a
 * date without a year takes the roadmap's year), and the schools it concerns. Never throws;
 * what cannot be read is kept as written and becomes a finding (checks.ts).
 *
 * A row without a number under an item is the rest of that item (a table copied from Word
 * splits an item over two rows at a page break, and merged cells leave the number in the
 * first row only): its text is added to the item, and the check says so.
 */
import { parseRegistry } from "../committee/registry.js";
import { REGISTRY_TITLE } from "../committee/headers.js";
import { textOf as cellText } from "../cells.js";
import { type Cell, type WorkbookGrid, isDateCell } from "../grid.js";
import type { Issue } from "../issues.js";
import { outlineKey } from "../rules/plan-index.js";
import { type IsoDate, type Period, type Term, isoOf, parseTerm } from "../terms/index.js";
import { findTab, findTabByTitle, parseKeyValue, parseTable } from "../workbook.js";
import { type OrderKey, ORDER_TAB, ROADMAP_TAB } from "./schema.js";
import { type SchoolMatch, meansAllSchools, schoolMatcher, schoolNamesIn } from "./schools.js";

interface SchoolMention {
  readonly written: string;
  readonly match: SchoolMatch;
}

/** Which schools an item concerns: the ones named, all of them, or none (a municipal item). */
type ItemScope = "named" | "all" | "none";

export interface RoadmapItem {
  /** 1-based sheet row of the item's number. */
  readonly row: number;
  /** Rows without a number joined to this item. */
  readonly continuation: readonly number[];
  /** «8.1.2» as written. */
  readonly number: string;
  /** Canonical outline key («8.1.2»), null when the number is not one. */
  readonly key: string | null;
  readonly name: string;
  readonly dateText: string;
  /** The date cell as it came (a date cell stays one). */
  readonly dateCell: Cell;
  readonly term: Term | null;
  /** Why the date cannot be read; null when it reads or is empty. */
  readonly termProblem: string | null;
  readonly municipal: string;
  readonly institutional: string;
  readonly result: string;
  readonly scope: ItemScope;
  readonly schools: readonly SchoolMention[];
}

interface OrderPoint {
  readonly number: string;
  readonly text: string;
}

interface RoadmapOrder {
  readonly fields: Readonly<Record<OrderKey, string>>;
  /** Row of each field's label in «Распоряжение», null when the label is missing. */
  readonly rows: Readonly<Record<OrderKey, number | null>>;
  readonly date: IsoDate | null;
  readonly points: readonly OrderPoint[];
  readonly present: boolean;
}

export interface Roadmap {
  readonly order: RoadmapOrder;
  /** The roadmap's year: «Год дорожной карты», else the order's year; null when neither reads. */
  readonly year: number | null;
  readonly period: Period | null;
  readonly items: readonly RoadmapItem[];
  /** Rows without a number before the first item (nothing to join them to). */
  readonly orphanRows: readonly number[];
  /** The schools the roadmap is for: the registry's names. */
  readonly schools: readonly string[];
  readonly present: boolean;
}

export interface RoadmapRead {
  readonly roadmap: Roadmap;
  /** Template findings (missing tab, headers, error cells), as for a school workbook. */
  readonly issues: Issue[];
}

export interface ReadOptions {
  /** School names besides the «Реестр» tab's (locally: the schools' workbooks). */
  readonly schools?: readonly string[];
}

const yearPeriod = (year: number): Period => ({
  start: isoOf(year, 1, 1),
  end: isoOf(year, 12, 31),
  label: String(year),
  kind: "year",
});

/** «1. Утвердить …» / «2.1. Разработать …» per line; a line without a number continues the point before. */
function orderPoints(text: string): OrderPoint[] {
  const points: { number: string; text: string }[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "") continue;
    const m = /^(\d+(?:\.\d+)*)\.?\s+(.*)$/u.exec(line);
    if (m) points.push({ number: m[1]!, text: m[2]!.trim() });
    else if (points.length > 0) points[points.length - 1]!.text += ` ${line}`;
    else points.push({ number: "", text: line });
  }
  return points;
}

function readOrder(grid: WorkbookGrid, issues: Issue[]): RoadmapOrder {
  const parsed = parseKeyValue(ORDER_TAB, findTab(grid, ORDER_TAB, issues), issues);
  const raw = parsed.fields as unknown as Record<OrderKey, { value: Cell; row: number | null }>;
  const fields = {} as Record<OrderKey, string>;
  const rows = {} as Record<OrderKey, number | null>;
  for (const fd of ORDER_TAB.fields) {
    fields[fd.key] = cellText(raw[fd.key].value);
    rows[fd.key] = raw[fd.key].row;
  }
  const dateCell = raw.date.value;
  let date: IsoDate | null = null;
  if (isDateCell(dateCell)) date = dateCell.iso;
  else {
    const read = parseTerm(dateCell, { period: null });
    if (read?.ok && read.term.kind === "date") date = read.term.start;
  }
  return { fields, rows, date, points: orderPoints(fields.points), present: parsed.present };
}

function yearOf(order: RoadmapOrder): number | null {
  const written = /^\s*(\d{4})\s*(?:г\.?|год)?\s*$/u.exec(order.fields.year);
  if (written) return Number(written[1]);
  if (order.date) return Number(order.date.slice(0, 4));
  const inTitle = /на\s+(\d{4})\s+год/u.exec(order.fields.title);
  return inTitle ? Number(inTitle[1]) : null;
}

/** The registry's names, then each extra name the registry does not already know (by name or short form). */
function registryNames(grid: WorkbookGrid, extra: readonly string[]): string[] {
  const tab = findTabByTitle(grid, REGISTRY_TITLE);
  const names = [...new Set((tab ? parseRegistry(tab.rows).map((e) => e.organisation) : []).filter((n) => n !== ""))];
  const known = schoolMatcher(names);
  for (const name of extra) {
    if (name.trim() !== "" && known.match(name).kind === "unknown" && !names.includes(name)) names.push(name);
  }
  return names;
}

const joined = (a: string, b: string): string => (a === "" ? b : b === "" ? a : `${a}\n${b}`);

export function readRoadmap(grid: WorkbookGrid, options: ReadOptions = {}): RoadmapRead {
  const issues: Issue[] = [];
  const order = readOrder(grid, issues);
  const year = yearOf(order);
  const period = year === null ? null : yearPeriod(year);
  const schools = registryNames(grid, options.schools ?? []);
  const matcher = schoolMatcher(schools);
  const table = parseTable(ROADMAP_TAB, findTab(grid, ROADMAP_TAB, issues), issues);

  interface Draft {
    row: number;
    continuation: number[];
    number: string;
    dateCell: Cell;
    texts: Record<"name" | "date" | "municipal" | "institutional" | "result", string>;
  }
  const drafts: Draft[] = [];
  const orphanRows: number[] = [];
  for (const tableRow of table.rows) {
    const cells = tableRow.cells as unknown as Record<string, Cell>;
    const texts = {
      name: cellText(cells.name),
      date: cellText(cells.date),
      municipal: cellText(cells.municipal),
      institutional: cellText(cells.institutional),
      result: cellText(cells.result),
    };
    const number = cellText(cells.no);
    const last = drafts[drafts.length - 1];
    if (number === "") {
      if (!last) {
        orphanRows.push(tableRow.row);
        continue;
      }
      last.continuation.push(tableRow.row);
      // The rest of a date typed over two rows («Февраль-ноябрь,» + «4») is read as one text.
      for (const key of Object.keys(texts) as (keyof typeof texts)[])
        last.texts[key] =
          key === "date" ? `${last.texts.date} ${texts.date}`.trim() : joined(last.texts[key], texts[key]);
      if (texts.date !== "") last.dateCell = last.texts.date;
      continue;
    }
    drafts.push({ row: tableRow.row, continuation: [], number, dateCell: cells.date ?? null, texts });
  }

  const items: RoadmapItem[] = drafts.map((d) => {
    const read = parseTerm(d.dateCell, { period });
    const written = schoolNamesIn(d.texts.institutional);
    const scope: ItemScope = written.length > 0 ? "named" : meansAllSchools(d.texts.institutional) ? "all" : "none";
    return {
      row: d.row,
      continuation: d.continuation,
      number: d.number,
      key: outlineKey(d.number),
      name: d.texts.name,
      dateText: d.texts.date,
      dateCell: d.dateCell,
      term: read?.ok ? read.term : null,
      termProblem: read && !read.ok ? read.reason : null,
      municipal: d.texts.municipal,
      institutional: d.texts.institutional,
      result: d.texts.result,
      scope,
      schools: written.map((w) => ({ written: w, match: matcher.match(w) })),
    };
  });
  return {
    roadmap: { order, year, period, items, orphanRows, schools, present: table.present },
    issues,
  };
}

/** The schools an item concerns, by registry name (named ones that matched, or all). */
export function concernedSchools(item: RoadmapItem, all: readonly string[]): string[] {
  if (item.scope === "all") return [...all];
  if (item.scope === "none") return [];
  const names = item.schools.flatMap((s) => (s.match.kind === "unknown" ? [] : [s.match.name]));
  return [...new Set(names)];
}
