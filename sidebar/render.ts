/** Draws the sidebar from plain data. Every value that came from a cell goes in as text. */
import type { ReportLink, ReportRecord, SidebarState, TabState, TabStatus } from "../src/api.js";
import type { Issue, IssueCounts, Severity } from "../src/core/issues.js";
import { type Child, fill, h, linkTo, safeDocsUrl } from "./dom.js";
import { ERRORS, FINDINGS, clampShare, dateTime, percent, plural } from "./format.js";
import type { FailureMessage } from "./messages.js";
import { wholePercent } from "../src/core/percent.js";
import { draftErrorsNote } from "../src/core/report/draft-note.js";
import { upperFirst } from "../src/core/russian.js";
import { SEVERITY_LABELS, SEVERITY_NOUNS, severityPlural } from "../src/core/severity.js";

export type SeverityFilter = Severity | "all";

const COUNT_KEY = { error: "errors", warning: "warnings", info: "infos" } as const satisfies Record<
  Severity,
  keyof IssueCounts
>;

/** How many findings of one tab are drawn before «Показать ещё». */
const FINDINGS_PER_TAB = 30;

const KNOWN_REPORT_TYPES: Record<string, string> = { промежуточный: "Промежуточный отчёт", итоговый: "Итоговый отчёт" };

export function reportTitle(reportType: string, period: string): string {
  const type = reportType.trim();
  const known = KNOWN_REPORT_TYPES[type.toLowerCase()];
  const periodText = period.trim();
  if (known) return periodText ? `${known} за ${periodText}` : known;
  return [type || "Вид отчёта не указан", periodText || "период не указан"].join(" · ");
}

/** The icon that marks a severity without relying on colour alone. */
function severityIcon(severity: Severity | "ok"): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 16 16");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("class", `icon icon-${severity}`);
  const shape = document.createElementNS(ns, "path");
  const paths: Record<Severity | "ok", string> = {
    error: "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm-.9 3.5h1.8v5H7.1zm0 6.2h1.8v1.8H7.1z",
    warning: "M8 1.2 15.3 14H.7zm-.9 4.6v4.4h1.8V5.8zm0 5.3v1.7h1.8v-1.7z",
    info: "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm-.9 3h1.8v1.8H7.1zm0 3h1.8V12H7.1z",
    ok: "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zM6.8 11.3 3.6 8.1l1.2-1.2 2 2 4.4-4.4 1.2 1.2z",
  };
  shape.setAttribute("d", paths[severity]);
  svg.appendChild(shape);
  return svg;
}

function meter(id: string, label: string, share: number | null, emptyText: string): HTMLElement {
  const value = share === null ? null : clampShare(share);
  const valueText = value === null ? emptyText : percent(value);
  const bar = h(
    "div",
    {
      class: "meter-track",
      attrs: {
        role: "progressbar",
        "aria-label": label,
        "aria-valuemin": 0,
        "aria-valuemax": 100,
        "aria-valuenow": value === null ? null : wholePercent(value),
        "aria-valuetext": valueText,
      },
    },
    h("div", { class: value !== null && value >= 1 ? "meter-fill full" : "meter-fill" }),
  );
  (bar.firstChild as HTMLElement).style.width = `${value === null ? 0 : wholePercent(value)}%`;
  return h(
    "div",
    { class: "meter", attrs: { id } },
    h(
      "div",
      { class: "meter-label" },
      h("span", {}, label),
      h("span", { class: value === null ? "meter-value muted" : "meter-value" }, valueText),
    ),
    bar,
  );
}

export function renderSummary(target: HTMLElement, state: SidebarState): void {
  const organisation = state.organisation.trim();
  fill(
    target,
    h(
      "h1",
      { class: organisation ? "org" : "org muted", attrs: { id: "org-name" } },
      organisation || "Организация не указана",
    ),
    h("p", { class: "report-kind", attrs: { id: "report-kind" } }, reportTitle(state.reportType, state.period)),
    h(
      "div",
      { class: "meters" },
      meter("completeness", "Заполненность", state.completeness, "—"),
      meter("plan-execution", "Выполнение плана", state.planExecution, "сроки ещё не наступили"),
    ),
  );
}

function countText(severity: Severity, count: number): string {
  // «Ошибок нет», «Предупреждений нет», «Замечаний нет»: the nouns' genitive plural, as the counts use them.
  if (count === 0) return `${upperFirst(SEVERITY_NOUNS[severity][2])} нет`;
  return plural(count, SEVERITY_NOUNS[severity]);
}

/** The counts double as the severity filter: one press shows only that severity, another shows all. */
export function renderCounts(
  target: HTMLElement,
  counts: IssueCounts,
  filter: SeverityFilter,
  onFilter: (next: SeverityFilter) => void,
): void {
  const chips = (["error", "warning", "info"] as const).map((severity) => {
    const count = counts[COUNT_KEY[severity]];
    const pressed = filter === severity;
    return h(
      "li",
      {},
      h(
        "button",
        {
          class: `chip chip-${count === 0 ? "none" : severity}`,
          attrs: {
            type: "button",
            "aria-pressed": pressed ? "true" : "false",
            "data-severity": severity,
            disabled: count === 0 && !pressed,
            title:
              count === 0 ? null : pressed ? "Показать все находки" : `Показать только ${severityPlural(severity)}`,
          },
          on: { click: () => onFilter(pressed ? "all" : severity) },
        },
        severityIcon(count === 0 && severity === "error" ? "ok" : severity),
        countText(severity, count),
      ),
    );
  });
  fill(target, ...chips);
}

const TAB_STATE_TEXT: Record<TabState, string> = {
  clean: "без замечаний",
  infos: "есть замечания",
  warnings: "есть предупреждения",
  errors: "есть ошибки",
  missing: "вкладки нет в таблице",
};

function tabLabel(tab: TabStatus): string {
  if (tab.state === "clean" || tab.state === "missing") return `${tab.title}: ${TAB_STATE_TEXT[tab.state]}`;
  return `${tab.title}: ${plural(tab.findings, FINDINGS)}, ${TAB_STATE_TEXT[tab.state]}`;
}

export function renderTabs(target: HTMLElement, tabs: readonly TabStatus[], onOpen: (title: string) => void): void {
  fill(
    target,
    ...tabs.map((tab) =>
      h(
        "li",
        {},
        h(
          "button",
          {
            class: `tab tab-${tab.state}`,
            attrs: { type: "button", "aria-label": tabLabel(tab), title: tabLabel(tab), "data-tab": tab.title },
            on: { click: () => onOpen(tab.title) },
          },
          h("span", { class: "tab-dot", attrs: { "aria-hidden": "true" } }),
          h("span", { class: "tab-title" }, tab.title),
          tab.findings > 0 ? h("span", { class: "tab-count", attrs: { "aria-hidden": "true" } }, tab.findings) : null,
        ),
      ),
    ),
  );
}

/** Where a finding points, in words: «F7 · Статус», «строка 7», «вся вкладка». */
export function locationText(issue: Issue): string {
  const place = issue.cell ?? (issue.row !== null ? `строка ${issue.row}` : "вся вкладка");
  return issue.column && issue.cell ? `${place} · ${issue.column}` : place;
}

export interface FindingHandlers {
  onSelect(issue: Issue, button: HTMLButtonElement): void;
  onOpenTab(title: string): void;
  onShowMore(title: string): void;
  onShowAll(): void;
}

function findingItem(issue: Issue, handlers: FindingHandlers): HTMLLIElement {
  const button: HTMLButtonElement = h(
    "button",
    {
      class: `finding finding-${issue.severity}`,
      attrs: { type: "button", "data-rule": issue.rule, "data-cell": issue.cell ?? "" },
      on: { click: () => handlers.onSelect(issue, button) },
    },
    h(
      "span",
      { class: "finding-head" },
      severityIcon(issue.severity),
      h("span", { class: "finding-severity" }, SEVERITY_LABELS[issue.severity]),
      h("span", { class: "finding-where" }, locationText(issue)),
    ),
    h("span", { class: "finding-message" }, issue.message),
  );
  return h("li", {}, button);
}

function emptyState(): HTMLElement {
  return h(
    "div",
    { class: "empty", attrs: { id: "no-findings" } },
    severityIcon("ok"),
    h("p", { class: "empty-title" }, "Ошибок нет"),
    h("p", { class: "empty-text" }, "Таблица заполнена без замечаний. Можно формировать отчёт."),
  );
}

export function renderFindings(
  target: HTMLElement,
  issues: readonly Issue[],
  filter: SeverityFilter,
  expandedTabs: ReadonlySet<string>,
  handlers: FindingHandlers,
): void {
  if (issues.length === 0) {
    fill(target, emptyState());
    return;
  }
  const shown = filter === "all" ? issues : issues.filter((issue) => issue.severity === filter);
  if (shown.length === 0) {
    fill(
      target,
      h(
        "div",
        { class: "empty small" },
        h("p", {}, `Находок вида «${filter === "all" ? "все" : severityPlural(filter)}» нет.`),
        h(
          "button",
          { class: "link-button", attrs: { type: "button" }, on: { click: handlers.onShowAll } },
          "Показать все находки",
        ),
      ),
    );
    return;
  }
  const bySheet = new Map<string, Issue[]>();
  for (const issue of shown) {
    const list = bySheet.get(issue.sheet);
    if (list) list.push(issue);
    else bySheet.set(issue.sheet, [issue]);
  }
  const groups: Child[] = [];
  for (const [sheet, list] of bySheet) {
    const limit = expandedTabs.has(sheet) ? list.length : FINDINGS_PER_TAB;
    const hidden = list.length - limit;
    groups.push(
      h(
        "section",
        { class: "group", attrs: { "data-sheet": sheet } },
        h(
          "h3",
          { class: "group-title" },
          h(
            "button",
            {
              class: "group-open",
              attrs: { type: "button", title: `Открыть вкладку «${sheet}»` },
              on: { click: () => handlers.onOpenTab(sheet) },
            },
            h("span", { class: "group-name" }, sheet),
            h("span", { class: "group-count" }, plural(list.length, FINDINGS)),
          ),
        ),
        h("ul", { class: "finding-list" }, ...list.slice(0, limit).map((issue) => findingItem(issue, handlers))),
        hidden > 0
          ? h(
              "button",
              { class: "link-button more", attrs: { type: "button" }, on: { click: () => handlers.onShowMore(sheet) } },
              `Показать ещё ${plural(hidden, FINDINGS)}`,
            )
          : null,
      ),
    );
  }
  fill(target, ...groups);
}

/** What the report area shows. */
export type ReportView =
  | { kind: "idle" }
  | { kind: "running" }
  | { kind: "created"; report: ReportLink; errors: number; notice?: string }
  | { kind: "blocked"; issues: Issue[] };

function reportLink(report: ReportLink, text: string): Child {
  return externalLink(report.url, text, "Ссылка на документ недоступна: это не адрес Google Документов.");
}

function externalLink(url: string, text: string, refused: string): Child {
  return safeDocsUrl(url)
    ? linkTo(url, text, h("span", { class: "sr-only" }, " (откроется в новой вкладке)"))
    : h("span", { class: "muted" }, refused);
}

const PDF_REFUSED = "Ссылка на PDF недоступна: это не адрес Google Диска.";

/** The PDF beside the report: its link, or why there is none. */
function pdfLine(report: ReportLink): HTMLElement | null {
  if (report.pdfUrl) return h("p", { class: "report-pdf" }, externalLink(report.pdfUrl, "Открыть PDF", PDF_REFUSED));
  if (report.pdfProblem) return h("p", { class: "report-note report-pdf-problem" }, report.pdfProblem);
  return null;
}

function draftBadge(): HTMLElement {
  return h("span", { class: "badge-draft" }, "Черновик");
}

export function renderReport(
  target: HTMLElement,
  view: ReportView,
  lastReport: ReportLink | null,
  onSelect: (issue: Issue, button: HTMLButtonElement) => void,
): void {
  target.className = `report report-${view.kind}${view.kind === "created" && view.report.draft ? " draft" : ""}`;
  switch (view.kind) {
    case "running":
      fill(
        target,
        h(
          "div",
          { class: "progress", attrs: { role: "progressbar", "aria-label": "Формирование отчёта" } },
          h("div", { class: "progress-bar" }),
        ),
        h("p", {}, "Формирую отчёт в Google Документах… Обычно это занимает до минуты."),
      );
      return;
    case "created": {
      const { report, errors } = view;
      fill(
        target,
        h(
          "p",
          { class: "report-title" },
          report.draft ? draftBadge() : null,
          report.draft ? "Черновик отчёта сформирован" : "Отчёт сформирован",
        ),
        h("p", { class: "report-name" }, report.name),
        report.draft ? h("p", { class: "report-note" }, upperFirst(draftErrorsNote(errors))) : null,
        view.notice ? h("p", { class: "report-note" }, view.notice) : null,
        h("p", {}, reportLink(report, "Открыть отчёт")),
        pdfLine(report),
      );
      return;
    }
    case "blocked": {
      const errors = view.issues.filter((issue) => issue.severity === "error");
      const list = errors.length > 0 ? errors : view.issues;
      fill(
        target,
        h("p", { class: "report-title" }, "Отчёт не сформирован"),
        h(
          "p",
          {},
          `В таблице ${plural(errors.length, ERRORS)}, а на вкладке «Настройки» включено ` +
            `«Не формировать отчёт при ошибках». Исправьте ошибки или выключите эту настройку.`,
        ),
        h(
          "ul",
          { class: "finding-list" },
          ...list.slice(0, 10).map((issue) =>
            h(
              "li",
              {},
              h(
                "button",
                {
                  class: `finding finding-${issue.severity}`,
                  attrs: { type: "button" },
                  on: { click: (e) => onSelect(issue, e.currentTarget as HTMLButtonElement) },
                },
                h(
                  "span",
                  { class: "finding-head" },
                  severityIcon(issue.severity),
                  h("span", { class: "finding-where" }, `${issue.sheet} · ${locationText(issue)}`),
                ),
                h("span", { class: "finding-message" }, issue.message),
              ),
            ),
          ),
        ),
        list.length > 10
          ? h("p", { class: "muted" }, `и ещё ${plural(list.length - 10, ERRORS)} — см. список находок ниже.`)
          : null,
      );
      return;
    }
    case "idle":
      if (!lastReport) {
        fill(target);
        target.className = "report report-none";
        return;
      }
      fill(
        target,
        h(
          "p",
          { class: "report-last" },
          "Последний отчёт",
          lastReport.draft ? " (черновик)" : "",
          ` от ${dateTime(lastReport.createdAt)}: `,
          reportLink(lastReport, lastReport.name),
          lastReport.pdfUrl ? " · " : null,
          lastReport.pdfUrl ? externalLink(lastReport.pdfUrl, "PDF", PDF_REFUSED) : null,
        ),
      );
      return;
  }
}

const KIND_TITLES: Readonly<Record<string, string>> = { промежуточный: "Промежуточный", итоговый: "Итоговый" };

/** «Прежние отчёты»: the sheet's reports, newest first, each with its date, kind and links. */
export function renderHistory(section: HTMLElement, list: HTMLElement, history: readonly ReportRecord[]): void {
  section.hidden = history.length === 0;
  fill(
    list,
    ...history.map((record) =>
      h(
        "li",
        { class: "history-item" },
        h(
          "p",
          { class: "history-head" },
          h("span", { class: "history-date" }, record.date),
          " · ",
          record.kind ? (KIND_TITLES[record.kind] ?? record.kind) : "Вид не указан",
          record.draft ? " · " : null,
          record.draft ? draftBadge() : null,
        ),
        h("p", { class: "history-name" }, record.name),
        h(
          "p",
          { class: "history-links" },
          externalLink(record.url, "Документ", "Ссылка на документ недоступна."),
          record.pdfUrl ? " · " : null,
          record.pdfUrl ? externalLink(record.pdfUrl, "PDF", "Ссылка на PDF недоступна.") : null,
          record.pdfUrl ? null : h("span", { class: "muted" }, " · PDF не сохранён"),
        ),
      ),
    ),
  );
}

export function renderFailure(target: HTMLElement, failure: FailureMessage | null, onRetry: () => void): void {
  target.hidden = failure === null;
  if (!failure) {
    fill(target);
    return;
  }
  fill(
    target,
    h("p", { class: "failure-text" }, failure.text),
    failure.detail ? h("p", { class: "failure-detail" }, `Ответ сервера: ${failure.detail}`) : null,
    h("button", { class: "btn", attrs: { type: "button", id: "retry" }, on: { click: onRetry } }, "Повторить"),
  );
}
