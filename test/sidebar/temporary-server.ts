/**
 * A stand-in for the Apps Script server (engineer E's src/gas) used only until the built
 * dist/Code.js and its loader exist: the same four ServerApi functions, computed by the REAL
 * core validator from a grid, with an in-memory «active range» and document list.
 */
import type { ReportOutcome, ServerApi, SidebarState, TabState } from "../../src/api.js";
import { type Cell, type WorkbookGrid, cellText } from "../../src/core/grid.js";
import { countIssues } from "../../src/core/issues.js";
import { TEMPLATE_LAYOUT } from "../../src/core/template.js";
import { validateWorkbook } from "../../src/core/validate.js";

export interface TemporaryServer extends ServerApi {
  readonly grid: WorkbookGrid;
  active: { sheet: string; cell: string | null } | null;
  documents: string[];
}

export interface Edits {
  /** Key-value tabs: tab title → label in column A → new value. */
  kv?: Record<string, Record<string, Cell>>;
  /** Table cells: tab title, 1-based sheet row, header text. */
  cells?: { tab: string; row: number; header: string; value: Cell }[];
  /** Tabs left out of the workbook. */
  omit?: readonly string[];
}

/** A copy of `grid` with some values typed over, as a user would in the sheet. */
export function editGrid(grid: WorkbookGrid, edits: Edits): WorkbookGrid {
  return {
    templateVersion: grid.templateVersion ?? null,
    tabs: grid.tabs
      .filter((tab) => !edits.omit?.includes(tab.title))
      .map((tab) => {
        const rows = tab.rows.map((row) => [...row]);
        for (const [label, value] of Object.entries(edits.kv?.[tab.title] ?? {})) {
          const row = rows.find((r) => cellText(r[0]) === label);
          if (!row) throw new Error(`no field «${label}» on «${tab.title}»`);
          row[1] = value;
        }
        for (const edit of edits.cells?.filter((c) => c.tab === tab.title) ?? []) {
          const column = rows[0]!.findIndex((h) => cellText(h) === edit.header);
          if (column < 0) throw new Error(`no column «${edit.header}» on «${tab.title}»`);
          while (rows.length < edit.row) rows.push([]);
          rows[edit.row - 1]![column] = edit.value;
        }
        return { title: tab.title, rows };
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

