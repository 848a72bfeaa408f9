/** Workbooks for the bundle tests: the sample project (invented names) and variations of it. */
import type { ReportOutcome } from "../../src/api.js";
import type { Cell, TabGrid, WorkbookGrid } from "../../src/core/grid.js";
import { sampleGrid, sampleReportDate } from "../../src/demo/sample.js";
import { TEMPLATE_LAYOUT } from "../../src/core/template.js";

export { sampleGrid, sampleReportDate };

/** The clock the bundle sees in tests (the sample is validated as of its report date). */
export const NOW = `${sampleReportDate}T12:00:00+03:00`;

export function mapTab(grid: WorkbookGrid, title: string, change: (tab: TabGrid) => TabGrid): WorkbookGrid {
  return { ...grid, tabs: grid.tabs.map((t) => (t.title === title ? change(t) : t)) };
}

/** Sets one key-value field (by its label in column A). */
export function withField(grid: WorkbookGrid, title: string, label: string, value: Cell): WorkbookGrid {
  return mapTab(grid, title, (tab) => ({
    ...tab,
    rows: tab.rows.map((r) => (r[0] === label ? [r[0], value, ...r.slice(2)] : r)),
  }));
}

export function layoutOf(title: string) {
  const layout = TEMPLATE_LAYOUT.find((l) => l.title === title);
  if (!layout) throw new Error(`no layout ${title}`);
  return layout;
}

/** A Google Doc's id from the link the add-on returns (Drive's webViewLink, …/document/d/{id}/edit). */
export function documentIdOf(url: string): string {
  const id = /\/document\/d\/([-\w]+)/.exec(url)?.[1];
  if (!id) throw new Error(`not a Google Doc link: ${url}`);
  return id;
}

/** The outcome of a report click that made a document (a test fails with what came instead). */
export function createdReport(outcome: ReportOutcome): Extract<ReportOutcome, { kind: "created" }> {
  if (outcome.kind !== "created") throw new Error(`expected a document, got ${JSON.stringify(outcome).slice(0, 300)}`);
  return outcome;
}
