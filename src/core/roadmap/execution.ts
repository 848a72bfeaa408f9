/**
 * Execution of the roadmap: every item × every school it concerns.
 * - done: a linked row carries it out (with its fact);
 * - in progress: a row is linked, nothing done yet, the date has not passed;
 * - overdue: the item's date has passed and nothing is linked or the fact is empty;
 * - not due: nothing linked yet and the date has not passed;
 * - not concerned: the item is not the school's (a school that linked a row anyway is shown).
 * A direction with sub-items takes its state from them (aggregateDirections).
 * Per item, the share of the concerned schools that did it. The same computation feeds the
 * committee's tab «Исполнение дорожной карты», the local matrix .xlsx and the report.
 */
import { ruNumber } from "../russian.js";
import { percentOf } from "../percent.js";
import type { IsoDate } from "../terms/types.js";
import type { RoadmapLink } from "./links.js";
import { type Roadmap, type RoadmapItem, concernedSchools } from "./read.js";
import { type ExecutionState, EXECUTION_HEADERS, EXECUTION_STATES } from "./schema.js";
import { parentKey } from "../rules/plan-index.js";

interface ExecutionCell {
  readonly state: ExecutionState;
  /** The school's rows linked to the item (done ones first). */
  readonly links: readonly RoadmapLink[];
}

interface ExecutionRow {
  readonly item: RoadmapItem;
  /** One per school, in Execution.schools order. */
  readonly cells: readonly ExecutionCell[];
  readonly concerned: number;
  readonly done: number;
  /** done / concerned; null when the item concerns no school. */
  readonly share: number | null;
  readonly due: boolean;
}

export interface Execution {
  readonly today: IsoDate;
  readonly schools: readonly string[];
  readonly rows: readonly ExecutionRow[];
}

export interface SchoolLinks {
  /** The school's name as the roadmap knows it (Execution.schools). */
  readonly school: string;
  readonly links: readonly RoadmapLink[];
}

/** The item's date has passed: its last day is before today. An unreadable date never passes. */
function isDue(item: RoadmapItem, today: IsoDate): boolean {
  return item.term?.end != null && item.term.end < today;
}

function stateOf(concerned: boolean, links: readonly RoadmapLink[], due: boolean): ExecutionState {
  if (links.some((l) => l.done)) return "done";
  if (!concerned && links.length === 0) return "notConcerned";
  if (due) return "overdue";
  return links.length > 0 ? "inProgress" : "notDue";
}

export function computeExecution(roadmap: Roadmap, schools: readonly SchoolLinks[], today: IsoDate): Execution {
  const names = [...roadmap.schools];
  const byItem = new Map<string, Map<string, RoadmapLink[]>>();
  for (const school of schools) {
    if (!names.includes(school.school)) names.push(school.school);
    for (const link of school.links) {
      const perSchool = byItem.get(link.item) ?? new Map<string, RoadmapLink[]>();
      const list = perSchool.get(school.school) ?? [];
      list.push(link);
      perSchool.set(school.school, list);
      byItem.set(link.item, perSchool);
    }
  }
  const none: readonly RoadmapLink[] = [];
  const own = roadmap.items.map((item) => {
    // «All schools» needs no set: most items of a large roadmap are for every school.
    const named = item.scope === "named" ? new Set(concernedSchools(item, names)) : null;
    const concernedBy = (school: string) => (named ? named.has(school) : item.scope === "all");
    const due = isDue(item, today);
    const linked = item.key === null ? undefined : byItem.get(item.key);
    const cells: ExecutionCell[] = names.map((school) => {
      const mine = linked?.get(school);
      const links = mine ? [...mine].sort((a, b) => Number(b.done) - Number(a.done)) : none;
      return { state: stateOf(concernedBy(school), links, due), links };
    });
    return { item, cells, due };
  });
  aggregateDirections(own);
  const rows = own.map(({ item, cells, due }): ExecutionRow => {
    let concerned = 0;
    let done = 0;
    for (const c of cells) {
      if (c.state !== "notConcerned") concerned++;
      if (c.state === "done") done++;
    }
    return { item, cells, concerned, done, share: concerned === 0 ? null : done / concerned, due };
  });
  return { today, schools: names, rows };
}

/**
 * A direction with sub-items is carried out through them: for a school, it is done when every
 * sub-item concerning the school is done, overdue when one is overdue, in progress when some
 * are done or in progress — unless the school linked the direction itself and did it. Deepest
 * directions first, so 8 sees the states 8.1 got from 8.1.1–8.1.4.
 */
function aggregateDirections(rows: { item: RoadmapItem; cells: ExecutionCell[] }[]): void {
  const children = new Map<string, { cells: ExecutionCell[] }[]>();
  for (const row of rows) {
    const parent = row.item.key === null ? null : parentKey(row.item.key);
    if (parent === null) continue;
    const list = children.get(parent) ?? [];
    list.push(row);
    children.set(parent, list);
  }
  const depth = (key: string | null) => (key === null ? 0 : key.split(".").length);
  const parents = rows
    .filter((r) => r.item.key !== null && children.has(r.item.key))
    .sort((a, b) => depth(b.item.key) - depth(a.item.key));
  for (const row of parents) {
    const subs = children.get(row.item.key!)!;
    row.cells = row.cells.map((cell, s) => {
      if (cell.state === "done") return cell;
      const states = subs.map((sub) => sub.cells[s]!).filter((c) => c.state !== "notConcerned");
      if (states.length === 0) return cell;
      const links = [...cell.links, ...states.flatMap((c) => c.links)];
      const state: ExecutionState = states.some((c) => c.state === "overdue")
        ? "overdue"
        : states.every((c) => c.state === "done")
          ? "done"
          : states.some((c) => c.state === "done" || c.state === "inProgress")
            ? "inProgress"
            : cell.state === "notConcerned"
              ? "notDue"
              : cell.state;
      return { state, links };
    });
  }
}

/** «75 %», «—» for an item that concerns no school. */
export function shareText(share: number | null): string {
  return share === null ? EXECUTION_STATES.notConcerned : `${ruNumber(percentOf(share, 0))} %`;
}

/** The matrix as rows of text: the header, then per item its number, name, date, share and one state per school. */
export function executionGrid(execution: Execution): string[][] {
  return [
    [...EXECUTION_HEADERS, ...execution.schools],
    ...execution.rows.map((r) => [
      r.item.number,
      r.item.name,
      r.item.dateText,
      shareText(r.share),
      ...r.cells.map((c) => EXECUTION_STATES[c.state]),
    ]),
  ];
}

/** Fill colours of the states that stand out (overdue red, done green, in progress amber), RGB hex. */
export const STATE_FILLS: Partial<Record<ExecutionState, string>> = {
  overdue: "F4C7C3",
  done: "D9EAD3",
  inProgress: "FCE8B2",
};
