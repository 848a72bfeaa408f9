/**
 * Lookups and addresses derived from the template schema (schema.ts keeps the declarations
 * only): a tab or field by its key, a tab's headers, A1 addresses, the version's named range.
 */
import {
  type FieldDef,
  type FieldKey,
  type KeyValueTabDef,
  type KeyValueTabKey,
  type TabDef,
  type TabKey,
  KEY_VALUE_HEADERS,
  TABS,
  TEMPLATE_VERSION,
} from "./schema.js";

/**
 * The version also travels as a named range «MIP_TEMPLATE_V1» (on «Общие сведения»!A1):
 * Google Sheets keeps developer metadata out of its .xlsx download, but named ranges
 * survive it, so `mip` can tell the version of a workbook exported from the add-on.
 */
const VERSION_RANGE_PREFIX = "MIP_TEMPLATE_V";

export function versionRangeName(version: string = TEMPLATE_VERSION): string {
  return VERSION_RANGE_PREFIX + version.replace(/[^0-9A-Za-z]/g, "_");
}

/** «MIP_TEMPLATE_V1» → "1", «MIP_TEMPLATE_V1_2» → "1.2"; null for any other name. */
export function versionFromRangeName(name: string): string | null {
  const m = new RegExp(`^${VERSION_RANGE_PREFIX}([0-9][0-9_]*)$`).exec(name.trim());
  return m ? m[1]!.replace(/_/g, ".") : null;
}

export function tabByKey<K extends TabKey>(key: K): Extract<(typeof TABS)[number], { key: K }> {
  const tab = TABS.find((t) => t.key === key);
  if (!tab) throw new Error(`unknown tab key ${key}`);
  return tab as Extract<(typeof TABS)[number], { key: K }>;
}

/** Headers of a tab in order (key-value tabs share one header row). */
export function headersOf(tab: TabDef): readonly string[] {
  return tab.type === "table" ? tab.columns.map((col) => col.header) : KEY_VALUE_HEADERS;
}

export function fieldOf<K extends KeyValueTabKey>(tabKey: K, key: FieldKey<K>): FieldDef {
  const tab = tabByKey(tabKey) as KeyValueTabDef;
  const field = tab.fields.find((fd) => fd.key === key);
  if (!field) throw new Error(`unknown field ${tabKey}.${key}`);
  return field;
}

/** 0-based column index → spreadsheet letters (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address from a 1-based row and a 0-based column index. */
export function a1(row: number, columnIndex: number): string {
  return `${columnLetter(columnIndex)}${row}`;
}
