/**
 * A school's rows tied to the committee's roadmap: «План-факт» and «Мероприятия МИП» rows whose
 * «Пункт дорожной карты» (template version 3) names an item. Read with the rest of the
 * workbook — nothing more is asked of the school's spreadsheet.
 *
 * A plan row carries its item out when it has a fact and its status is not one of «Не
 * выполнено», «Перенесено», «В работе»; an event row when it has a name and took place (its
 * date has come, or it has no readable date: the tab lists events held).
 */
import { textOf } from "../cells.js";
import { type Cell, cellText } from "../grid.js";
import { enumValue } from "../cells.js";
import { outlineKey } from "../rules/plan-index.js";
import { INTERNAL_EVENTS, PLAN } from "../schema.js";
import { type IsoDate, type Period, parseTerm } from "../terms/index.js";
import type { Workbook } from "../workbook.js";

export interface RoadmapLink {
  /** The item's outline key («8.1.2»). */
  readonly item: string;
  readonly sheet: string;
  readonly row: number;
  /** What the row is: the planned activity or the event's name. */
  readonly activity: string;
  /** What was done, as the school wrote it ("" when nothing yet). */
  readonly fact: string;
  readonly done: boolean;
}

const NOT_DONE_STATUSES = new Set(["Не выполнено", "Перенесено", "В работе"]);

/** The item numbers a «Пункт дорожной карты» cell names, and the parts of it that are not item numbers. */
export function readItemRefs(cell: Cell): { keys: string[]; unreadable: string[] } {
  if (typeof cell === "number") {
    // A number cell that is no number at all (NaN, Infinity) is empty, as everywhere in the core.
    if (!Number.isFinite(cell)) return { keys: [], unreadable: [] };
    const key = outlineKey(String(cell));
    return key ? { keys: [key], unreadable: [] } : { keys: [], unreadable: [cellText(cell)] };
  }
  const text = textOf(cell)
    .replace(/пункт[ыа]?|п\.|№|\sи\s/giu, " ")
    .trim();
  const keys: string[] = [];
  const unreadable: string[] = [];
  for (const part of text.split(/[;,]\s*|\s+/u)) {
    if (part.trim() === "") continue;
    const key = outlineKey(part.trim());
    if (key === null) unreadable.push(part.trim());
    else if (!keys.includes(key)) keys.push(key);
  }
  return { keys, unreadable };
}

/** «8.1.2», «п. 8.1.1, 8.1.2», «8.1.1; 8.2», a number cell 8.1 → outline keys. */
export function itemRefs(cell: Cell): string[] {
  return readItemRefs(cell).keys;
}

/** The rows of a validated school workbook that name a roadmap item. */
export function roadmapLinksOf(wb: Workbook, today: IsoDate, period: Period | null): RoadmapLink[] {
  const links: RoadmapLink[] = [];
  for (const row of wb.tables.plan?.rows ?? []) {
    const refs = itemRefs(row.cells.roadmap_item ?? null);
    if (refs.length === 0) continue;
    const fact = textOf(row.cells.fact);
    const status = enumValue(row.cells.status, "planStatus");
    const done = fact !== "" && !(status !== null && NOT_DONE_STATUSES.has(status));
    for (const item of refs)
      links.push({ item, sheet: PLAN.title, row: row.row, activity: textOf(row.cells.activity), fact, done });
  }
  for (const row of wb.tables.internal_events?.rows ?? []) {
    const refs = itemRefs(row.cells.roadmap_item ?? null);
    if (refs.length === 0) continue;
    const name = textOf(row.cells.name);
    const date = parseTerm(row.cells.date, { period });
    const start = date?.ok ? date.term.start : null;
    const held = name !== "" && (start === null || start <= today);
    const attendees = textOf(row.cells.attendees);
    const fact = held
      ? [name, textOf(row.cells.date), attendees === "" ? "" : `присутствовало: ${attendees}`]
          .filter((p) => p !== "")
          .join(", ")
      : "";
    for (const item of refs)
      links.push({ item, sheet: INTERNAL_EVENTS.title, row: row.row, activity: name, fact, done: held });
  }
  return links;
}
