/**
 * The roadmap's checks (rule ids ROADMAP_*, docs/RULES.md): items without a date, a responsible
 * official or an expected result; dates that do not read, that have no start or span the whole
 * year, that fall outside the roadmap's year; sub-items that begin before their direction (or
 * run on far past it — the same tolerance as the plan's sub-items); numbering gaps, repeats
 * and items out of order; rows without a number; schools the registry does not know, and
 * short forms matched as a guess; the order's missing fields.
 */
import { type Issue, type RuleId, type Said, issueAt, say } from "../issues.js";
import { CHILD_LATE_GRACE_DAYS } from "../rules/plan.js";
import { parentKey } from "../rules/plan-index.js";
import { a1 } from "../schema-lookup.js";
import { addDays } from "../terms/index.js";
import type { Roadmap, RoadmapItem } from "./read.js";
import { type RoadmapColumnKey, ORDER_TAB, ORDER_TITLE, ROADMAP_TAB, ROADMAP_TITLE } from "./schema.js";

/** The rules the roadmap workbook's checker emits (a school's validator never does). */
export const ROADMAP_WORKBOOK_RULES = [
  "ROADMAP_EMPTY",
  "ROADMAP_NUMBER_INVALID",
  "ROADMAP_NUMBER_DUPLICATE",
  "ROADMAP_NUMBER_GAP",
  "ROADMAP_NUMBER_ORDER",
  "ROADMAP_NUMBER_MISSING",
  "ROADMAP_NAME_MISSING",
  "ROADMAP_DATE_MISSING",
  "ROADMAP_DATE_INVALID",
  "ROADMAP_DATE_VAGUE",
  "ROADMAP_DATE_OUTSIDE_YEAR",
  "ROADMAP_CHILD_OUTSIDE_PARENT",
  "ROADMAP_RESPONSIBLE_MISSING",
  "ROADMAP_RESULT_MISSING",
  "ROADMAP_SCHOOL_UNKNOWN",
  "ROADMAP_SCHOOL_GUESS",
  "ROADMAP_ORDER_FIELD_MISSING",
  "ROADMAP_ORDER_DATE_INVALID",
] as const satisfies readonly RuleId[];

const COLUMN_AT: Readonly<Record<RoadmapColumnKey, number>> = Object.fromEntries(
  ROADMAP_TAB.columns.map((c, i) => [c.key, i]),
) as Record<RoadmapColumnKey, number>;
const HEADER: Readonly<Record<RoadmapColumnKey, string>> = Object.fromEntries(
  ROADMAP_TAB.columns.map((c) => [c.key, c.header]),
) as Record<RoadmapColumnKey, string>;

function at(said: Said, row: number, column: RoadmapColumnKey): Issue {
  return issueAt(said, { sheet: ROADMAP_TITLE, row, column: HEADER[column], cell: a1(row, COLUMN_AT[column]) });
}

/** Outline parts: «8.1.2» → [8, 1, 2]. */
const partsOf = (key: string): number[] => key.split(".").map(Number);

function compareKeys(a: string, b: string): number {
  const pa = partsOf(a);
  const pb = partsOf(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? -1;
    const y = pb[i] ?? -1;
    if (x !== y) return x - y;
  }
  return 0;
}

/** The number that should have come before `key` among its siblings: «8.3» → «8.2», «1» → null. */
function previousSibling(key: string): string | null {
  const parts = partsOf(key);
  const last = parts[parts.length - 1]!;
  if (last <= 1) return null;
  return [...parts.slice(0, -1), last - 1].join(".");
}

function checkNumbers(items: readonly RoadmapItem[], out: Issue[]): void {
  const seen = new Map<string, RoadmapItem>();
  let previous: RoadmapItem | null = null;
  for (const item of items) {
    if (item.key === null) {
      out.push(at(say("ROADMAP_NUMBER_INVALID", { row: item.row, number: item.number }), item.row, "no"));
      continue;
    }
    const first = seen.get(item.key);
    if (first) {
      const said = say("ROADMAP_NUMBER_DUPLICATE", { number: item.number, row: item.row, firstRow: first.row });
      out.push(at(said, item.row, "no"));
      continue;
    }
    seen.set(item.key, item);
    if (previous?.key && compareKeys(item.key, previous.key) < 0) {
      const said = say("ROADMAP_NUMBER_ORDER", { number: item.number, row: item.row, previous: previous.number });
      out.push(at(said, item.row, "no"));
    }
    previous = item;
  }
  for (const item of seen.values()) {
    const key = item.key!;
    const parent = parentKey(key);
    if (parent !== null && !seen.has(parent)) {
      out.push(
        at(say("ROADMAP_NUMBER_GAP", "noParent", { number: item.number, row: item.row, parent }), item.row, "no"),
      );
      continue;
    }
    const before = previousSibling(key);
    if (before !== null && !seen.has(before)) {
      out.push(
        at(say("ROADMAP_NUMBER_GAP", "skipped", { number: item.number, row: item.row, before }), item.row, "no"),
      );
    }
  }
}

function checkFilled(item: RoadmapItem, out: Issue[]): void {
  const need: [RoadmapColumnKey, string, ColumnRule][] = [
    ["name", item.name, "ROADMAP_NAME_MISSING"],
    ["date", item.dateText, "ROADMAP_DATE_MISSING"],
    ["municipal", item.municipal, "ROADMAP_RESPONSIBLE_MISSING"],
    ["result", item.result, "ROADMAP_RESULT_MISSING"],
  ];
  for (const [column, value, rule] of need) {
    if (value.trim() !== "" || (column === "date" && item.dateCell !== null && item.term !== null)) continue;
    const said = say(rule, { number: item.number, row: item.row, header: HEADER[column], what: WHAT[column] });
    out.push(at(said, item.row, column));
  }
}

type ColumnRule =
  "ROADMAP_NAME_MISSING" | "ROADMAP_DATE_MISSING" | "ROADMAP_RESPONSIBLE_MISSING" | "ROADMAP_RESULT_MISSING";

const itemDate = (item: RoadmapItem): { number: string; row: number; date: string } => ({
  number: item.number,
  row: item.row,
  date: item.dateText,
});

const WHAT: Readonly<Record<RoadmapColumnKey, string>> = {
  no: "номер",
  name: "направление деятельности",
  date: "дата",
  municipal: "ответственные на муниципальном уровне",
  institutional: "ответственные на институциональном уровне",
  result: "ожидаемый результат",
};

function checkDate(item: RoadmapItem, roadmap: Roadmap, out: Issue[]): void {
  if (item.termProblem !== null) {
    const said = say("ROADMAP_DATE_INVALID", { ...itemDate(item), problem: item.termProblem });
    out.push(at(said, item.row, "date"));
    return;
  }
  const term = item.term;
  if (!term) return;
  if (term.kind === "deadline" || term.kind === "always" || term.kind === "year" || term.kind === "ongoing") {
    const said =
      term.kind === "deadline"
        ? say("ROADMAP_DATE_VAGUE", "deadline", { ...itemDate(item), end: term.end! })
        : say("ROADMAP_DATE_VAGUE", term.kind === "ongoing" ? "ongoing" : "wholeYear", itemDate(item));
    out.push(at(said, item.row, "date"));
    return;
  }
  const period = roadmap.period;
  if (period && term.start !== null && term.end !== null && (term.end < period.start || term.start > period.end)) {
    const said = say("ROADMAP_DATE_OUTSIDE_YEAR", { ...itemDate(item), year: period.label, tab: ORDER_TITLE });
    out.push(at(said, item.row, "date"));
  }
}

function checkParents(items: readonly RoadmapItem[], out: Issue[]): void {
  const byKey = new Map(items.filter((i) => i.key !== null).map((i) => [i.key!, i]));
  for (const item of items) {
    if (item.key === null || !item.term || item.term.start === null || item.term.end === null) continue;
    // The nearest direction above with a readable date.
    let parentKeyNow = parentKey(item.key);
    let parent: RoadmapItem | undefined;
    while (parentKeyNow !== null) {
      const candidate = byKey.get(parentKeyNow);
      if (candidate?.term && candidate.term.start !== null && candidate.term.end !== null) {
        parent = candidate;
        break;
      }
      parentKeyNow = parentKey(parentKeyNow);
    }
    if (!parent?.term?.start || !parent.term.end) continue;
    const early = item.term.start < parent.term.start;
    const late = !early && item.term.end > addDays(parent.term.end, CHILD_LATE_GRACE_DAYS);
    if (!early && !late) continue;
    const said = say("ROADMAP_CHILD_OUTSIDE_PARENT", early ? "early" : "late", {
      ...itemDate(item),
      parentNumber: parent.number,
      parentRow: parent.row,
      parentDate: parent.dateText,
    });
    out.push(at(said, item.row, "date"));
  }
}

function checkSchools(item: RoadmapItem, roadmap: Roadmap, out: Issue[]): void {
  for (const mention of item.schools) {
    const m = mention.match;
    if (m.kind === "exact") continue;
    if (m.kind === "guess") {
      const said = say("ROADMAP_SCHOOL_GUESS", {
        number: item.number,
        row: item.row,
        school: mention.written,
        name: m.name,
      });
      out.push(at(said, item.row, "institutional"));
      continue;
    }
    if (roadmap.schools.length === 0) continue;
    const said = say("ROADMAP_SCHOOL_UNKNOWN", {
      number: item.number,
      row: item.row,
      school: mention.written,
      suggestion: m.suggestion ?? null,
    });
    out.push(at(said, item.row, "institutional"));
  }
}

function checkContinuations(roadmap: Roadmap, out: Issue[]): void {
  for (const item of roadmap.items) {
    for (const row of item.continuation) {
      const said = say("ROADMAP_NUMBER_MISSING", "continuation", { row, number: item.number, itemRow: item.row });
      out.push(at(said, row, "no"));
    }
  }
  for (const row of roadmap.orphanRows) {
    out.push(at(say("ROADMAP_NUMBER_MISSING", "orphan", { row }), row, "no"));
  }
}

function checkOrder(roadmap: Roadmap, out: Issue[]): void {
  const order = roadmap.order;
  if (!order.present) return;
  const tab = ORDER_TAB;
  for (const fd of tab.fields) {
    if (!fd.required || order.fields[fd.key].trim() !== "") continue;
    const row = order.rows[fd.key];
    const said = say("ROADMAP_ORDER_FIELD_MISSING", { tab: ORDER_TITLE, label: fd.label, noRow: row === null });
    out.push(issueAt(said, { sheet: ORDER_TITLE, row, column: "Значение", cell: row === null ? null : a1(row, 1) }));
  }
  const dateRow = order.rows.date;
  if (order.fields.date !== "" && order.date === null) {
    const said = say("ROADMAP_ORDER_DATE_INVALID", { date: order.fields.date });
    const cell = dateRow === null ? null : a1(dateRow, 1);
    out.push(issueAt(said, { sheet: ORDER_TITLE, row: dateRow, column: "Значение", cell }));
  }
}

/** Every ROADMAP_* finding of a read roadmap, in sheet order within each tab. */
export function checkRoadmap(roadmap: Roadmap): Issue[] {
  const out: Issue[] = [];
  checkOrder(roadmap, out);
  if (roadmap.present && roadmap.items.length === 0) {
    const said = say("ROADMAP_EMPTY", { tab: ROADMAP_TITLE });
    out.push(issueAt(said, { sheet: ROADMAP_TITLE, row: null, column: null, cell: null }));
  }
  checkNumbers(roadmap.items, out);
  checkContinuations(roadmap, out);
  for (const item of roadmap.items) {
    checkFilled(item, out);
    checkDate(item, roadmap, out);
    checkSchools(item, roadmap, out);
  }
  checkParents(roadmap.items, out);
  return out.sort((a, b) =>
    a.sheet === b.sheet ? (a.row ?? 0) - (b.row ?? 0) : a.sheet === ORDER_TITLE ? -1 : b.sheet === ORDER_TITLE ? 1 : 0,
  );
}
