/**
 * The template's layout derived from the schema: what `mip template` writes and what
 * «Создать / обновить шаблон» builds in Sheets. Adapters draw it; they never restate it.
 */
import { type EnumName, type TabDef, ENUMS, KEY_VALUE_HEADERS, TABS, TEMPLATE_VERSION } from "./schema.js";
import { headersOf } from "./schema-lookup.js";

interface Dropdown {
  /** 0-based column. */
  readonly column: number;
  /** First 1-based row the list applies to (rows below the header). */
  readonly fromRow: number;
  /** Last 1-based row (inclusive). */
  readonly toRow: number;
  readonly enumName: EnumName;
  readonly values: readonly string[];
}

interface HeaderNote {
  readonly column: number;
  readonly text: string;
}

export interface TabLayout {
  readonly key: string;
  readonly title: string;
  readonly kind: TabDef["type"];
  readonly headers: readonly string[];
  /** Pre-filled rows below the header (key-value tabs: label, default value, hint). */
  readonly body: readonly (readonly string[])[];
  /** Column widths in characters. */
  readonly widths: readonly number[];
  readonly dropdowns: readonly Dropdown[];
  readonly notes: readonly HeaderNote[];
  readonly frozenRows: 1;
}

/** How many data rows get dropdowns on a fresh table tab. */
export const TABLE_VALIDATION_ROWS = 500;

/** Approximate pixel width in Sheets for a width in characters. */
export const charsToPixels = (chars: number): number => Math.round(chars * 7 + 10);

function layoutOf(tab: TabDef): TabLayout {
  if (tab.type === "table") {
    const dropdowns: Dropdown[] = [];
    tab.columns.forEach((col, i) => {
      if (col.enumName)
        dropdowns.push({
          column: i,
          fromRow: 2,
          toRow: TABLE_VALIDATION_ROWS + 1,
          enumName: col.enumName,
          values: ENUMS[col.enumName],
        });
    });
    const notes = tab.columns.flatMap((col, i) => (col.hint ? [{ column: i, text: col.hint }] : []));
    return {
      key: tab.key,
      title: tab.title,
      kind: "table",
      headers: headersOf(tab),
      body: [],
      widths: tab.columns.map((col) => col.width),
      dropdowns,
      notes,
      frozenRows: 1,
    };
  }
  const dropdowns: Dropdown[] = [];
  tab.fields.forEach((fd, i) => {
    if (fd.enumName)
      dropdowns.push({ column: 1, fromRow: i + 2, toRow: i + 2, enumName: fd.enumName, values: ENUMS[fd.enumName] });
  });
  return {
    key: tab.key,
    title: tab.title,
    kind: "keyValue",
    headers: KEY_VALUE_HEADERS,
    body: tab.fields.map((fd) => [fd.label, fd.defaultValue ?? "", fd.required ? `Обязательно. ${fd.hint}` : fd.hint]),
    widths: [44, 60, 60],
    dropdowns,
    notes: [],
    frozenRows: 1,
  };
}

export const TEMPLATE_LAYOUT: readonly TabLayout[] = TABS.map(layoutOf);

export { TEMPLATE_VERSION };
