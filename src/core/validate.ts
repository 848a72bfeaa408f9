/** The validation entry point: grid in, issues + metrics out. Pure; never throws on data. */
import type { WorkbookGrid } from "./grid.js";
import { type Issue, type IssueCounts, RULES, SEVERITY_ORDER, countIssues } from "./issues.js";
import type { Metrics } from "./metrics.js";
import { RULE_FAMILIES } from "./rules/index.js";
import { computeMetrics } from "./rules/metrics.js";
import { buildContext } from "./rules/context.js";
import type { RuleContext, ValidateOptions } from "./rules/types.js";
import type { TabKey } from "./schema.js";
import { TABS } from "./schema.js";
import { readableWorkbook } from "./readable.js";
import { type Workbook, parseWorkbook } from "./workbook.js";

export type { ValidateOptions } from "./rules/types.js";

interface ValidationSummary extends IssueCounts {
  completeness: number;
}

export interface ValidationResult {
  readonly workbook: Workbook;
  readonly context: Omit<RuleContext, "emit">;
  readonly issues: Issue[];
  readonly summary: ValidationSummary;
  readonly metrics: Metrics;
  readonly templateVersion: string | null;
}

const TAB_ORDER = new Map<string, number>(TABS.map((t, i) => [t.title, i]));

/** Issues in a stable, readable order: tab order, then row, then severity. */
function sortIssues(issues: Issue[]): Issue[] {
  return issues.sort(
    (a, b) =>
      (TAB_ORDER.get(a.sheet) ?? 99) - (TAB_ORDER.get(b.sheet) ?? 99) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.cell ?? "").localeCompare(b.cell ?? ""),
  );
}

export function validateWorkbook(grid: WorkbookGrid, options: ValidateOptions = {}): ValidationResult {
  const parsed = parseWorkbook(grid);
  const issues: Issue[] = options.onlyTabs ? [] : parsed.issues;
  if (options.onlyTabs) {
    const titles = new Set<string>(options.onlyTabs.map((k) => TABS.find((t) => t.key === k)!.title));
    issues.push(...parsed.issues.filter((i) => titles.has(i.sheet)));
  }
  const base = buildContext(parsed.workbook, options);
  // A cell holding a spreadsheet error gets one finding (TPL_CELL_ERROR), not one per rule that reads it.
  const errorCells = new Set(
    parsed.issues.filter((i) => i.rule === "TPL_CELL_ERROR" && i.cell).map((i) => `${i.sheet}!${i.cell}`),
  );
  const ctx: RuleContext = {
    ...base,
    emit(issue) {
      if (issue.cell && errorCells.size > 0 && errorCells.has(`${issue.sheet}!${issue.cell}`)) return;
      issues.push({ ...issue, severity: issue.severity ?? RULES[issue.rule].severity });
    },
  };
  const only = options.onlyTabs ? new Set<TabKey>(options.onlyTabs) : null;
  for (const family of RULE_FAMILIES) {
    if (only && !family.reads.some((k) => only.has(k))) continue;
    family.check(ctx);
  }
  // The figures count what the documents print: values with errors left out (readable.ts).
  const metrics = computeMetrics({ ...ctx, workbook: readableWorkbook(parsed.workbook, issues) });
  const counts = countIssues(issues);
  return {
    workbook: parsed.workbook,
    context: base,
    issues: sortIssues(issues),
    summary: { ...counts, completeness: metrics.completeness },
    metrics,
    templateVersion: parsed.workbook.templateVersion,
  };
}
