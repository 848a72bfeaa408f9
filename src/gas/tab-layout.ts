/**
 * Where the tabs sat at the last full read, so that «Сформировать отчёт» reads the template tabs
 * by position (one getSheetValues each) instead of asking every tab its name first (getName is a
 * call per tab, 22 of them). The sidebar reads the whole workbook with names just before the
 * report button can be pressed (sidebarGetState), and that read writes this layout into the
 * document properties: every title by position, the spreadsheet's time zone and, per template
 * tab, a signature of what identifies it — the header row and, on a «Поле | Значение» tab, the
 * labels column (every such tab has the same header row).
 *
 * The report's read checks the layout against the workbook: the number of tabs, and each
 * template tab's signature against the values it reads anyway. Any difference (a tab added,
 * deleted or moved, a header or label changed) and the report reads the workbook the full way,
 * keeping the values already read. What the check cannot see is a title changed where the values
 * it reads are not: a tab renamed with nothing else changed, or a tab the add-on does not read
 * replaced by another in its place. Until the sidebar next reads the workbook (on opening,
 * «Проверить», or after an edit it notices) such a tab keeps its old title. A template tab renamed
 * this way is what the template warns against; the report then carries the values of the tab that
 * held the template's title minutes before, the same values the sidebar showed, rather than a
 * report without them.
 *
 * The time zone is checked by the values too: a date cell is stored as local midnight, so under a
 * changed zone the dates read stop landing on midnight and the report asks the spreadsheet its
 * zone. With no date cell in the workbook a zone changed since the last full read goes unseen
 * and only «today» (by which rules judge overdue stages) can be a day off, around midnight.
 */
import { TABS } from "../core/schema.js";
import { tabTitleKey } from "../core/tab-title.js";
import type { TabGrid } from "../core/grid.js";
import { fingerprint } from "./fingerprint.js";
import { KEYS, PROPERTY_VALUE_BUDGET, utf8Bytes } from "./properties.js";
import { isTemplateTitle, sheetValues, tabFromValues } from "./read-sheets.js";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface TabLayout {
  /** Every tab's title, by position. */
  readonly titles: readonly string[];
  /** Per position: the template tab's signature, null for a tab the add-on does not read. */
  readonly signatures: readonly (string | null)[];
  /** The spreadsheet's time zone at that read. */
  readonly timeZone: string;
}

const KEY_VALUE_TITLES = new Set(TABS.filter((t) => t.type === "keyValue").map((t) => tabTitleKey(t.title)));

/** What tells one template tab from another: its header row, and a key-value tab's labels too. */
function tabSignature(tab: TabGrid): string {
  const header = tab.rows[0] ?? [];
  const labels = KEY_VALUE_TITLES.has(tabTitleKey(tab.title)) ? tab.rows.map((row) => row[0] ?? null) : [];
  return fingerprint(JSON.stringify([header, labels]));
}

export function layoutOf(tabs: readonly TabGrid[], timeZone: string): TabLayout {
  return {
    titles: tabs.map((t) => t.title),
    signatures: tabs.map((t) => (isTemplateTitle(t.title) ? tabSignature(t) : null)),
    timeZone,
  };
}

function sameLayout(a: TabLayout | null, b: TabLayout): boolean {
  return !!a && JSON.stringify(a) === JSON.stringify(b);
}

/** The layout as stored (null when absent, unreadable, or too large for one property value). */
export function parseLayout(raw: string | null | undefined): TabLayout | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as TabLayout;
    const ok =
      Array.isArray(value.titles) &&
      Array.isArray(value.signatures) &&
      value.titles.length === value.signatures.length &&
      typeof value.timeZone === "string";
    return ok ? value : null;
  } catch {
    return null;
  }
}

/** The layout as a property value, or null when it would not fit in one (a workbook of hundreds of tabs). */
function storedLayout(layout: TabLayout): string | null {
  const text = JSON.stringify(layout);
  return utf8Bytes(text) <= PROPERTY_VALUE_BUDGET ? text : null;
}

/**
 * The document property to write when the layout moved on: `{}` when it is as stored, the new
 * layout otherwise, or "" (no layout) when it no longer fits one property value.
 */
export function layoutChange(stored: TabLayout | null, now: TabLayout): Record<string, string> {
  if (sameLayout(stored, now)) return {};
  const text = storedLayout(now);
  if (text !== null) return { [KEYS.tabLayout]: text };
  return stored ? { [KEYS.tabLayout]: "" } : {};
}

/** What a read by position found: the tabs when the layout held, else the values read so far. */
export type PositionalRead =
  | { readonly held: true; readonly tabs: TabGrid[]; readonly values: ReadonlyMap<number, readonly unknown[][]> }
  | { readonly held: false; readonly values: ReadonlyMap<number, readonly unknown[][]> };

/**
 * The template tabs read by their remembered positions, each checked against its signature.
 * Stops at the first difference, handing back what it read so the full read need not read it again.
 */
export function readByLayout(sheets: readonly Sheet[], layout: TabLayout, offsetMinutes: number): PositionalRead {
  const values = new Map<number, readonly unknown[][]>();
  if (sheets.length !== layout.titles.length) return { held: false, values };
  const tabs: TabGrid[] = [];
  for (let position = 0; position < sheets.length; position++) {
    const title = layout.titles[position]!;
    const signature = layout.signatures[position];
    if (signature === null || signature === undefined) {
      tabs.push({ title, rows: [] });
      continue;
    }
    const raw = sheetValues(sheets[position]!);
    values.set(position, raw);
    const tab = tabFromValues(title, raw, offsetMinutes);
    if (tabSignature(tab) !== signature) return { held: false, values };
    tabs.push(tab);
  }
  return { held: true, tabs, values };
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === "[object Date]";

/**
 * Whether every date read lands on local midnight under the offset (give or take the hour of a
 * summer-time shift): true when the zone the values were read with is the spreadsheet's.
 * A date with a time of day also answers false; the caller then asks the zone, at one call.
 */
export function datesAtMidnight(values: Iterable<readonly unknown[][]>, offsetMinutes: number): boolean {
  for (const grid of values)
    for (const row of grid)
      for (const v of row) {
        if (!isDate(v) || Number.isNaN(v.getTime())) continue;
        const intoDay = (((v.getTime() + offsetMinutes * 60_000) % DAY_MS) + DAY_MS) % DAY_MS;
        if (intoDay > HOUR_MS && intoDay < DAY_MS - HOUR_MS) return false;
      }
  return true;
}
