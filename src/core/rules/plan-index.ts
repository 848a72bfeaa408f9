/**
 * The plan's hierarchy: outline numbers («8.1.2», tolerant of «8.1.» and number cells), the
 * index by number that makes parent and duplicate look-ups linear, grouping (heading) rows,
 * and task references in «Задача №». Shared by the PLAN rules and the metrics.
 */
import type { TableRow } from "../workbook.js";
import { isBlank, text } from "./read.js";

type PlanRow = TableRow<"plan">;

/** Already canonical: «8», «8.1.2» (no dots at the end, no leading zeros). */
const PLAIN_OUTLINE = /^[1-9]\d*(?:\.[1-9]\d*)*$/;

/** «8.1.», « 8.1 », «8,1» (a number cell) → «8.1»; null for anything that is not an outline number. */
export function outlineKey(value: string): string | null {
  if (PLAIN_OUTLINE.test(value)) return value;
  const t = value.replace(/\s+/g, "").replace(/,/g, ".").replace(/\.+$/, "");
  if (t.length > 40 || !/^\d+(?:\.\d+)*$/.test(t)) return null;
  return t
    .split(".")
    .map((p) => String(Number(p)))
    .join(".");
}

/** «8.1.2» → «8.1»; null for a top-level number. */
export function parentKey(key: string): string | null {
  const at = key.lastIndexOf(".");
  return at < 0 ? null : key.slice(0, at);
}

/** Task references in «Задача №»: «1», «Задача 2», «№ 1, 3», «1 и 2». */
export function taskRefs(value: string): string[] {
  return value
    .replace(/задач[аиы]?|№/giu, " ")
    .split(/[,;]|\sи\s/u)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

export interface PlanIndex {
  /** Outline number of every row (null when it has none). */
  readonly keyOf: ReadonlyMap<PlanRow, string | null>;
  /** Outline number → first row with it. */
  readonly byNumber: ReadonlyMap<string, PlanRow>;
  /** Outline numbers that have at least one sub-item. */
  readonly hasChildren: ReadonlySet<string>;
}

const indexes = new WeakMap<readonly PlanRow[], PlanIndex>();

/** Index of the plan by outline number; built once per workbook (rules and metrics share it). */
export function indexPlan(rows: readonly PlanRow[]): PlanIndex {
  const known = indexes.get(rows);
  if (known) return known;
  const keyOf = new Map<PlanRow, string | null>();
  const byNumber = new Map<string, PlanRow>();
  const hasChildren = new Set<string>();
  for (const row of rows) {
    const key = outlineKey(text(row, "no"));
    keyOf.set(row, key);
    if (key === null) continue;
    if (!byNumber.has(key)) byNumber.set(key, row);
    const parent = parentKey(key);
    if (parent !== null) hasChildren.add(parent);
  }
  const index = { keyOf, byNumber, hasChildren };
  indexes.set(rows, index);
  return index;
}

/** A heading row: has sub-items and no status or fact of its own. */
export function isGroupingRow(index: PlanIndex, row: PlanRow): boolean {
  const key = index.keyOf.get(row) ?? null;
  return key !== null && index.hasChildren.has(key) && isBlank(row, "status") && isBlank(row, "fact");
}
