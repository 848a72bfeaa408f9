/** The sidebar's view of a validation: plain JSON (google.script.run carries no Dates). */
import type { SidebarState, TabState, TabStatus } from "../api.js";
import { cellText } from "../core/grid.js";
import type { Issue } from "../core/issues.js";
import { TEMPLATE_LAYOUT } from "../core/template.js";
import type { ValidationResult } from "../core/validate.js";
import type { StoredReport } from "./properties.js";

function tabState(present: boolean, issues: readonly Issue[]): TabState {
  if (!present) return "missing";
  if (issues.some((i) => i.severity === "error")) return "errors";
  if (issues.some((i) => i.severity === "warning")) return "warnings";
  return issues.length > 0 ? "infos" : "clean";
}

export function sidebarState(
  result: ValidationResult,
  lastReport: StoredReport | null,
  checkedAt: string,
  editStamp: string,
): SidebarState {
  const wb = result.workbook;
  const present = new Set<string>(
    [...Object.values(wb.tables), ...Object.values(wb.kv)].filter((t) => t.present).map((t) => t.title),
  );
  const tabs: TabStatus[] = TEMPLATE_LAYOUT.map((layout) => {
    const own = result.issues.filter((i) => i.sheet === layout.title);
    return { title: layout.title, state: tabState(present.has(layout.title), own), findings: own.length };
  });
  const general = wb.kv.general.fields;
  return {
    organisation: cellText(general.org_short_name?.value ?? null),
    reportType: cellText(general.report_type?.value ?? null),
    period: cellText(general.period?.value ?? null),
    counts: { errors: result.summary.errors, warnings: result.summary.warnings, infos: result.summary.infos },
    completeness: result.summary.completeness,
    planExecution: result.metrics.planExecution,
    tabs,
    issues: result.issues,
    lastReport: lastReport
      ? {
          url: lastReport.url,
          name: lastReport.name,
          draft: lastReport.draft,
          createdAt: lastReport.createdAt,
          ...(lastReport.pdfUrl ? { pdfUrl: lastReport.pdfUrl } : {}),
          ...(lastReport.pdfProblem ? { pdfProblem: lastReport.pdfProblem } : {}),
        }
      : null,
    checkedAt,
    editStamp,
  };
}
