/** Sidebar states for UI tests, with invented names only. */
import type { ReportOutcome, SidebarState, TabStatus } from "../../src/api.js";
import { type Cell, type WorkbookGrid, cellText } from "../../src/core/grid.js";
import { type Issue, RULES, type RuleId, type RuleMessage, countIssues } from "../../src/core/issues.js";
import { TABS } from "../../src/core/schema.js";

export function issue(
  rule: RuleId,
  sheet: string,
  cell: string | null,
  message: string,
  row: number | null = null,
  column: string | null = null,
): Issue {
  const rowFromCell = cell ? Number(/\d+$/.exec(cell)?.[0]) : null;
  // A sidebar state shows whatever text a finding carries; its wording is the catalogue's business.
  const text = message as RuleMessage;
  return { rule, severity: RULES[rule].severity, sheet, row: row ?? rowFromCell, column, cell, message: text };
}

export function tabsFor(issues: readonly Issue[], missing: readonly string[] = []): TabStatus[] {
  return TABS.map((tab) => {
    const own = issues.filter((i) => i.sheet === tab.title);
    const state = missing.includes(tab.title)
      ? "missing"
      : own.some((i) => i.severity === "error")
        ? "errors"
        : own.some((i) => i.severity === "warning")
          ? "warnings"
          : own.length > 0
            ? "infos"
            : "clean";
    return { title: tab.title, state, findings: own.length };
  });
}

export const SAMPLE_ISSUES: Issue[] = [
  issue(
    "GEN_EMAIL_INVALID",
    "Общие сведения",
    "B10",
    "Адрес электронной почты «centr@@obr» записан с ошибкой. Исправьте его, например: school@example.ru.",
    null,
    "Значение",
  ),
  issue(
    "PLAN_DEVIATION_ACTION_MISSING",
    "План-факт",
    "L7",
    "В строке 7 статус «Выполнено частично», но управленческие действия " +
      "не указаны («-»). Заполните столбец «Управленческие действия».",
    null,
    "Управленческие действия",
  ),
  issue(
    "PLAN_STATUS_QTY_MISMATCH",
    "План-факт",
    "H9",
    "В строке 9 проведено 1 занятие из 7 запланированных, а статус «Выполнено». Укажите «Выполнено частично».",
    null,
    "Статус",
  ),
  issue(
    "PLAN_RESPONSIBLE_MISSING",
    "План-факт",
    "F11",
    "В строке 11 не указан ответственный. Заполните столбец «Ответственный».",
    null,
    "Ответственный",
  ),
  issue(
    "MENT_ORG_UNKNOWN",
    "Наставничество",
    "F14",
    "Организации «МОУ «Лесновкая СОШ»» нет на вкладке «Организации». Возможно, имелась в виду «МОУ «Лесновская СОШ»».",
    null,
    "Организация наставляемого",
  ),
  issue(
    "MENT_LOAD_EXCEEDED",
    "Наставничество",
    null,
    "У наставника Берёзкина А. П. 7 наставляемых при допустимых " +
      "5. Перераспределите пары или измените предел в «Настройках».",
    5,
  ),
  issue(
    "MENT_SAME_ORG",
    "Наставничество",
    "C18",
    "Наставник и наставляемый в строке 18 из одной организации «МОУ «СОШ № 4»» — это не сетевое наставничество.",
    null,
    "Организация наставника",
  ),
  issue(
    "PART_COUNT_TEXT",
    "Участники",
    "B3",
    "Количество «7 чел.» записано текстом; прочитано как 7.",
    null,
    "Количество",
  ),
];

export function sidebarState(overrides: Partial<SidebarState> = {}, issues: Issue[] = SAMPLE_ISSUES): SidebarState {
  return {
    organisation: "МОУ ДО «Центр развития образования» Озёрского района",
    reportType: "Промежуточный",
    period: "2022",
    counts: countIssues(issues),
    completeness: 0.87,
    planExecution: 0.75,
    tabs: tabsFor(issues),
    issues,
    lastReport: null,
    checkedAt: "2022-12-20T11:05:00.000Z",
    editStamp: "",
    ...overrides,
  };
}

export function createdOutcome(
  draft: boolean,
  url = "https://docs.google.com/document/d/1AbCdEfGhIjKlMnOp/edit",
): ReportOutcome {
  return {
    kind: "created",
    report: { url, name: "Отчёт МИП — ЦРО Озёрского района — 2022", draft, createdAt: "2022-12-20T11:07:00.000Z" },
    errors: draft ? 2 : 0,
  };
}

/** Cell payloads that would run code if the sidebar ever treated data as markup. */
export const INJECTIONS = {
  img: `<img src=x onerror="window.__pwned='img'">`,
  script: `<script>window.__pwned='script'</script>`,
  link: `javascript:window.__pwned='link'`,
  svg: `<svg onload="window.__pwned='svg'"></svg>`,
} as const;

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
