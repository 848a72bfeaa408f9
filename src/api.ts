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
    }
  | { kind: "blocked"; issues: Issue[] };

// The functions the sidebar calls and their records: src/gas/server-api.ts and src/sidebar-calls.ts.
