/**
 * The sheet's earlier reports, for the sidebar's «Прежние отчёты»: one document property of
 * this spreadsheet holding the newest reports (at most HISTORY_LIMIT, fewer when their JSON
 * would pass one property's size limit), oldest first as stored, newest first as shown.
 * Reading takes the store the caller already has (a getProperties() snapshot) so the report
 * click asks the properties service no more than it does anyway.
 */
import type { ReportKind, ReportLink, ReportRecord } from "../api.js";
import { isoToRu } from "../core/grid.js";
import { KEYS, newestThatFit, readJson } from "./properties.js";

type Properties = GoogleAppsScript.Properties.Properties;

/** How many reports the sheet remembers. */
const HISTORY_LIMIT = 20;

const KINDS: Readonly<Record<"interim" | "final", ReportKind>> = { interim: "промежуточный", final: "итоговый" };

/** The record of a report just made: `today` is the ISO day in the spreadsheet's zone the check used. */
export function reportRecord(report: ReportLink, reportType: "interim" | "final" | null, today: string): ReportRecord {
  return {
    name: report.name,
    url: report.url,
    pdfUrl: report.pdfUrl ?? null,
    date: isoToRu(today),
    createdAt: report.createdAt,
    kind: reportType ? KINDS[reportType] : null,
    draft: report.draft,
  };
}

const isRecord = (value: unknown): value is ReportRecord => {
  if (typeof value !== "object" || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.name === "string" &&
    typeof r.url === "string" &&
    (r.pdfUrl === null || typeof r.pdfUrl === "string") &&
    typeof r.date === "string" &&
    typeof r.createdAt === "string" &&
    (r.kind === null || r.kind === "промежуточный" || r.kind === "итоговый") &&
    typeof r.draft === "boolean"
  );
};

/** The stored list, oldest first; anything unreadable in it is dropped, never shown. */
function storedHistory(store?: Properties): ReportRecord[] {
  const raw = readJson<unknown>(KEYS.reportHistory, [], store);
  return Array.isArray(raw) ? raw.filter(isRecord) : [];
}

/**
 * What the history property holds once `record` joins it (oldest first, the oldest dropped past
 * HISTORY_LIMIT or one property's size): `store` may be a getProperties() snapshot, and the
 * value may go out with the run's other properties in one setProperties().
 */
export function historyWith(record: ReportRecord, store?: Properties): ReportRecord[] {
  return newestThatFit([...storedHistory(store), record].slice(-HISTORY_LIMIT));
}

/** Stored oldest first, shown newest first. */
export function newestFirst(history: readonly ReportRecord[]): ReportRecord[] {
  return [...history].reverse();
}

/** The sheet's reports, newest first (the sidebar's «Прежние отчёты»). */
export function reportHistory(store?: Properties): ReportRecord[] {
  return newestFirst(storedHistory(store));
}
