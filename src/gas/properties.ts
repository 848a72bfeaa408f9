/**
 * What the add-on remembers about a workbook. Document properties belong to this add-on and
 * this spreadsheet; the report link is also written as developer metadata, which the
 * committee dashboard can read when it opens the school's spreadsheet by id.
 */
import type { ReportLink } from "../api.js";

export const KEYS = {
  /** Set once the user has run a check: from then on edits are re-checked live. */
  live: "mip.live",
  /** Bounding boxes of the cells whose notes carry the add-on's messages, by tab title. */
  marks: "mip.marks",
  /** A digest of each tab's marks as last written, by tab title: an edit that changes none rewrites nothing. */
  markDigests: "mip.markDigests",
  lastReport: "mip.lastReport",
  /** Names of every report made from this workbook (numbering never reuses one). */
  reportNames: "mip.reportNames",
  /** Moves on with every edit of a template tab (set by onEdit); the sidebar polls it. */
  editStamp: "mip.editStamp",
} as const;

export const METADATA_KEYS = {
  templateVersion: "mip.templateVersion",
  lastReport: "mip.lastReport",
  /** When the template tabs last changed (ISO time): the committee skips a workbook whose stamp has not moved. */
  changeStamp: "mip.changeStamp",
} as const;

export interface StoredReport extends ReportLink {
  /** Hash of the workbook's content when the report was made. */
  fingerprint: string;
}

export type MarkBox = [top: number, left: number, bottom: number, right: number];

type Properties = GoogleAppsScript.Properties.Properties;
const props = () => PropertiesService.getDocumentProperties();

/** `store`: the document properties already fetched in this run (onEdit fetches them once). */
export function readJson<T>(key: string, fallback: T, store: Properties = props()): T {
  const raw = store.getProperty(key);
  if (!raw) return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

/**
 * The document properties as one getProperties() read them, readable like a store: a run that
 * needs several keys asks once.
 */
export function propertySnapshot(all: Readonly<Record<string, string>>): Properties {
  return { getProperty: (key: string) => all[key] ?? null } as unknown as Properties;
}

export function writeJson(key: string, value: unknown, store: Properties = props()): void {
  store.setProperty(key, JSON.stringify(value));
}

/** Apps Script refuses a property value over 9 KB (UTF-8 bytes); lists stay under this. */
const PROPERTY_VALUE_BUDGET = 8 * 1024;

/** UTF-8 size of a string (Cyrillic takes two bytes a letter), without a service call. */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The newest items of a list whose JSON fits one property value (oldest dropped first). */
export function newestThatFit<T>(items: readonly T[], budget: number = PROPERTY_VALUE_BUDGET): T[] {
  const kept: T[] = [];
  let bytes = 2; // the brackets
  for (let i = items.length - 1; i >= 0; i--) {
    const size = utf8Bytes(JSON.stringify(items[i])) + (kept.length > 0 ? 1 : 0);
    if (bytes + size > budget) break;
    bytes += size;
    kept.unshift(items[i]!);
  }
  return kept;
}

/** The workbook's current edit stamp ("" before the first edit). */
export function editStamp(): string {
  return props().getProperty(KEYS.editStamp) ?? "";
}

export function deleteKey(key: string): void {
  props().deleteProperty(key);
}

/** Sets (or updates) one developer metadata entry on the spreadsheet. */
export function setSpreadsheetMetadata(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, key: string, value: string): void {
  const existing = ss.getDeveloperMetadata().filter((m) => m.getKey() === key);
  const first = existing[0];
  if (first) {
    if (first.getValue() !== value) first.setValue(value);
    existing.slice(1).forEach((m) => m.remove());
  } else {
    ss.addDeveloperMetadata(key, value, SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT);
  }
}

/**
 * Moves the workbook's change stamp on (developer metadata, DOCUMENT visibility, which the
 * committee deployment reads with Spreadsheets.get). One finder lookup and one write: cheap
 * enough for every edit (spreadsheets.currentonly covers it, and a simple trigger may write
 * to its own file).
 */
export function stampChange(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, at: Date = new Date()): string {
  const value = at.toISOString();
  const found = ss.createDeveloperMetadataFinder().withKey(METADATA_KEYS.changeStamp).find();
  const first = found[0];
  if (first) {
    first.setValue(value);
    found.slice(1).forEach((m) => m.remove());
  } else {
    ss.addDeveloperMetadata(METADATA_KEYS.changeStamp, value, SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT);
  }
  return value;
}

export function getSpreadsheetMetadata(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, key: string): string | null {
  for (const m of ss.getDeveloperMetadata()) if (m.getKey() === key) return m.getValue();
  return null;
}
