/**
 * The contract between the sidebar (browser) and the Apps Script server functions it calls
 * through google.script.run. Everything here is plain JSON: google.script.run cannot carry
 * Date objects, so dates travel as strings.
 */
import type { Issue, IssueCounts } from "./core/issues.js";

export type TabState = "clean" | "infos" | "warnings" | "errors" | "missing";

export interface TabStatus {
  title: string;
  state: TabState;
  findings: number;
}

export interface ReportLink {
  url: string;
  name: string;
  draft: boolean;
  /** ISO timestamp. */
  createdAt: string;
  /** The PDF saved beside the Google Doc (Drive's export of it). */
  pdfUrl?: string;
  /** Why there is no PDF beside the Doc, in Russian (the Doc itself was made). */
  pdfProblem?: string;
}

/** «Промежуточный» or «Итоговый», as «Вид отчёта» says; null when it is not filled in. */
export type ReportKind = "промежуточный" | "итоговый";

/** One report of the sheet's history (src/gas/report-history.ts), newest first in lists. */
export interface ReportRecord {
  name: string;
  url: string;
  /** null when the PDF could not be saved. */
  pdfUrl: string | null;
  /** The day it was made, «07.12.2026», in the spreadsheet's time zone. */
  date: string;
  /** ISO timestamp. */
  createdAt: string;
  kind: ReportKind | null;
  draft: boolean;
}

export interface SidebarState {
  organisation: string;
  reportType: string;
  period: string;
  counts: IssueCounts;
  /** 0..1 */
  completeness: number;
  /** 0..1, null when no plan row is due yet. */
  planExecution: number | null;
  tabs: TabStatus[];
  issues: Issue[];
  lastReport: ReportLink | null;
  /** ISO timestamp of the validation. */
  checkedAt: string;
  /** The workbook's edit stamp when it was validated ("" before any edit): the sidebar polls
   * sidebarEditStamp() and re-reads the state when the stamp moves on. */
  editStamp: string;
}

export type ReportOutcome =
  | {
      kind: "created";
      report: ReportLink;
      errors: number;
      /** Russian note when the document went somewhere other than asked (folder not accessible). */
      notice?: string;
      /** The sheet's reports after this one, newest first (the sidebar's «Прежние отчёты»). */
      history?: ReportRecord[];
    }
  | { kind: "blocked"; issues: Issue[] };

// The functions the sidebar calls and their records: src/gas/server-api.ts and src/sidebar-calls.ts.
