/**
 * A stand-in for the Apps Script server (engineer E's src/gas) used only until the built
 * dist/Code.js and its loader exist: the same four ServerApi functions, computed by the REAL
 * core validator from a grid, with an in-memory «active range» and document list.
 */
import type { ReportOutcome, ServerApi, SidebarState, TabState } from "../../src/api.js";
import { type Cell, type WorkbookGrid, cellText, errorCell } from "../../src/core/grid.js";
import { countIssues } from "../../src/core/issues.js";
import { TEMPLATE_LAYOUT } from "../../src/core/template.js";
import { validateWorkbook } from "../../src/core/validate.js";

export interface TemporaryServer extends ServerApi {
  readonly grid: WorkbookGrid;
  active: { sheet: string; cell: string | null } | null;
  documents: string[];
}

export interface GridValues {
  /** Data rows appended under the headers of table tabs, by tab title. */
  tables?: Record<string, Cell[][]>;
  /** Values of key-value tabs, by tab title → label in column A. */
  kv?: Record<string, Record<string, Cell>>;
  /** Tabs left out of the workbook. */
  omit?: readonly string[];
}

/** A template workbook (from TEMPLATE_LAYOUT) with some values typed in. */
export function templateGrid(values: GridValues = {}): WorkbookGrid {
  return {
    templateVersion: "1",
    tabs: TEMPLATE_LAYOUT.filter((tab) => !values.omit?.includes(tab.title)).map((tab) => {
      const kv = values.kv?.[tab.title] ?? {};
      const body = tab.body.map((row): Cell[] => (row[0]! in kv ? [row[0]!, kv[row[0]!]!, row[2] ?? ""] : [...row]));
      return { title: tab.title, rows: [[...tab.headers], ...body, ...(values.tables?.[tab.title] ?? [])] };
    }),
  };
}

function kvValue(grid: WorkbookGrid, tab: string, label: string): string {
  const row = grid.tabs.find((t) => t.title === tab)?.rows.find((r) => cellText(r[0]) === label);
  return row ? cellText(row[1]) : "";
}

export function createTemporaryServer(grid: WorkbookGrid, today = "2022-12-20"): TemporaryServer {
  const state = (): SidebarState => {
    const result = validateWorkbook(grid, { today });
    const tabs = TEMPLATE_LAYOUT.map((layout) => {
      const own = result.issues.filter((i) => i.sheet === layout.title);
      const present = grid.tabs.some((t) => t.title === layout.title);
      const stateOf: TabState = !present
        ? "missing"
        : own.some((i) => i.severity === "error")
          ? "errors"
          : own.some((i) => i.severity === "warning")
            ? "warnings"
            : own.length
              ? "infos"
              : "clean";
      return { title: layout.title, state: stateOf, findings: own.length };
    });
    return {
      organisation: kvValue(grid, "Общие сведения", "Сокращённое наименование"),
      reportType: kvValue(grid, "Общие сведения", "Вид отчёта"),
      period: kvValue(grid, "Общие сведения", "Отчётный период"),
      counts: countIssues(result.issues),
      completeness: result.metrics.completeness,
      planExecution: result.metrics.planExecution,
      tabs,
      issues: result.issues,
      lastReport: null,
      checkedAt: new Date().toISOString(),
    };
  };
  const server: TemporaryServer = {
    grid,
    active: null,
    documents: [],
    sidebarGetState: state,
    sidebarValidate: state,
    sidebarSelectCell(sheet, cell) {
      if (!grid.tabs.some((t) => t.title === sheet)) throw new Error(`Вкладки «${sheet}» нет в таблице.`);
      server.active = { sheet, cell };
    },
    sidebarGenerateReport(): ReportOutcome {
      const { issues } = validateWorkbook(grid, { today });
      const errors = issues.filter((i) => i.severity === "error");
      if (errors.length > 0 && kvValue(grid, "Настройки", "Не формировать отчёт при ошибках") === "Да") return { kind: "blocked", issues: errors };
      const name = `Отчёт МИП — ${kvValue(grid, "Общие сведения", "Сокращённое наименование")} — ${kvValue(grid, "Общие сведения", "Отчётный период")}`;
      const numbered = server.documents.includes(name) ? `${name} (${server.documents.filter((d) => d.startsWith(name)).length + 1})` : name;
      server.documents.push(numbered);
      return {
        kind: "created",
        report: { url: `https://docs.google.com/document/d/tmp${server.documents.length}/edit`, name: numbered, draft: errors.length > 0, createdAt: new Date().toISOString() },
        errors: errors.length,
      };
    },
  };
  return server;
}

export { errorCell };
