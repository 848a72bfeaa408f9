/**
 * Where a refresh stopped, kept in the committee spreadsheet's document properties (user
 * properties keyed by spreadsheet id when a trigger runs without a document context).
 */
import type { RefreshCursor } from "../../core/committee/index.js";

const KEY = "mip.committee.cursor";
const SPREADSHEET_KEY = "mip.committee.spreadsheetId";

function store(spreadsheetId: string): { get(): string | null; set(v: string): void; remove(): void } {
  const doc = PropertiesService.getDocumentProperties();
  if (doc) return { get: () => doc.getProperty(KEY), set: (v) => void doc.setProperty(KEY, v), remove: () => void doc.deleteProperty(KEY) };
  const user = PropertiesService.getUserProperties();
  const key = `${KEY}.${spreadsheetId}`;
  return { get: () => user.getProperty(key), set: (v) => void user.setProperty(key, v), remove: () => void user.deleteProperty(key) };
}

export function loadCursor(spreadsheetId: string): RefreshCursor | null {
  const raw = store(spreadsheetId).get();
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as RefreshCursor;
    return typeof value.next === "number" && typeof value.total === "number" ? value : null;
  } catch {
    return null;
  }
}

export function saveCursor(spreadsheetId: string, cursor: RefreshCursor | null): void {
  const s = store(spreadsheetId);
  if (cursor) s.set(JSON.stringify(cursor));
  else s.remove();
}

/** The committee spreadsheet a time trigger refreshes (a trigger may run without an active one). */
export function rememberCommitteeSpreadsheet(id: string): void {
  PropertiesService.getUserProperties().setProperty(SPREADSHEET_KEY, id);
}

export function committeeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet | null {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return active;
  const id = PropertiesService.getUserProperties().getProperty(SPREADSHEET_KEY);
  return id ? SpreadsheetApp.openById(id) : null;
}
