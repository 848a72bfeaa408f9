/** The sidebar's controller: loads the state, wires the buttons, keeps one action at a time. */
import type { ReportRecord, SidebarState } from "../src/api.js";
import type { Issue } from "../src/core/issues.js";
import { type Bridge, type ServerFunctionName, createBridge, hostRunner } from "./bridge.js";
import { applyContentSecurityPolicy } from "./csp.js";
import { byId, fill, h } from "./dom.js";
import { ERRORS, INFOS, WARNINGS, dateTime, plural } from "./format.js";
import { failureMessage } from "./messages.js";
import { SIDEBAR_CALLS } from "../src/sidebar-calls.js";
import { severityPlural } from "../src/core/severity.js";
import {
  type ReportView,
  type SeverityFilter,
  renderCounts,
  renderFailure,
  renderFindings,
  renderHistory,
  renderReport,
  renderSummary,
  renderTabs,
} from "./render.js";

/** How often an open panel asks whether the sheet was edited (one property read per ask). */
const POLL_MS = 15_000;

interface TestHooks {
  /** Tests shorten the time-outs instead of waiting minutes. */
  mipSidebarTimeoutMs?: number;
  /** Tests set the edit poll interval; 0 switches polling off. */
  mipSidebarPollMs?: number;
}

type Busy = null | "load" | "validate" | "report" | "refresh";

class Sidebar {
  private state: SidebarState | null = null;
  private filter: SeverityFilter = "all";
  private busy: Busy = null;
  private report: ReportView = { kind: "idle" };
  private readonly expandedTabs = new Set<string>();
  /** The sheet's reports, newest first; null until the server has told. */
  private history: ReportRecord[] | null = null;

  private readonly app = byId("app");
  private readonly summary = byId("summary");
  private readonly counts = byId("counts");
  private readonly checkedAt = byId("checked-at");
  private readonly validateButton = byId<HTMLButtonElement>("validate");
  private readonly reportButton = byId<HTMLButtonElement>("generate-report");
  private readonly reportArea = byId("report");
  private readonly failure = byId("failure");
  private readonly status = byId("status");
  private readonly tabs = byId("tabs");
  private readonly findings = byId("findings");
  private readonly findingsTitle = byId("findings-title");
  private readonly historySection = byId("history-section");
  private readonly historyList = byId("history");

  constructor(private readonly bridge: Bridge) {
    this.validateButton.addEventListener("click", () => void this.validate());
    this.reportButton.addEventListener("click", () => void this.generateReport());
  }

  async start(pollMs: number): Promise<void> {
    await this.loadState("load");
    if (pollMs > 0) setInterval(() => void this.refreshIfEdited(), pollMs);
  }

  /**
   * Keeps the panel live while people type: when the sheet's edit stamp has moved on since the
   * shown validation, the findings are read again. A failed ask is simply retried at the next tick
   * (the user can always press «Проверить»), so polling never puts up an error banner.
   */
  private async refreshIfEdited(): Promise<void> {
    if (this.busy || !this.state || document.visibilityState === "hidden") return;
    let stamp: string;
    try {
      stamp = await this.bridge.call("sidebarEditStamp");
    } catch {
      return;
    }
    if (stamp === this.state.editStamp || this.busy) return;
    this.setBusy("refresh");
    try {
      this.state = await this.bridge.call("sidebarGetState");
      this.renderState();
      this.announce(`Таблица изменилась, результаты обновлены: ${this.countsSentence(this.state)}.`);
    } catch {
      // Keep the findings shown; the next tick tries again.
    } finally {
      this.setBusy(null);
    }
  }

  /** «Прежние отчёты»: asked once after the first state arrives; a report click brings the list after it. */
  private async loadHistory(): Promise<void> {
    try {
      const history = await this.bridge.call("sidebarReportHistory");
      // A report made while the list was on its way brought a newer list.
      if (this.history === null) this.history = history;
      this.renderHistory();
    } catch (error) {
      this.showFailure(error, "sidebarReportHistory", () => void this.loadHistory());
    }
  }

  private renderHistory(): void {
    renderHistory(this.historySection, this.historyList, this.history ?? []);
  }

  private validate(): Promise<void> {
    return this.loadState("validate");
  }

  private async loadState(kind: "load" | "validate"): Promise<void> {
    if (this.busy) return;
    this.setBusy(kind);
    if (!this.state) fill(this.summary, skeleton());
    this.announce(kind === "load" ? "Загружаю результаты проверки…" : "Проверяю таблицу…");
    try {
      const state =
        kind === "load" ? await this.bridge.call("sidebarGetState") : await this.bridge.call("sidebarValidate");
      this.clearFailure();
      this.state = state;
      this.renderState();
      this.announce(`Проверка завершена: ${this.countsSentence(state)}.`);
      // The list of earlier reports, once the panel has something to show beside it.
      if (this.history === null) void this.loadHistory();
    } catch (error) {
      if (!this.state) fill(this.summary); // stop the loading skeleton: nothing is coming
      this.showFailure(error, kind === "load" ? "sidebarGetState" : "sidebarValidate", () => void this.loadState(kind));
    } finally {
      this.setBusy(null);
    }
  }

  private async generateReport(): Promise<void> {
    if (this.busy) return;
    this.setBusy("report");
    this.report = { kind: "running" };
    this.renderReport();
    this.announce("Формирую отчёт…");
    try {
      const outcome = await this.bridge.call("sidebarGenerateReport");
      this.clearFailure();
      if (outcome.kind === "created") {
        this.report = { kind: "created", report: outcome.report, errors: outcome.errors, notice: outcome.notice };
        if (this.state) this.state = { ...this.state, lastReport: outcome.report };
        if (outcome.history) {
          this.history = outcome.history;
          this.renderHistory();
        }
        this.announce(outcome.report.draft ? "Черновик отчёта сформирован." : "Отчёт сформирован.");
      } else {
        this.report = { kind: "blocked", issues: outcome.issues };
        this.announce("Отчёт не сформирован: в таблице есть ошибки.");
      }
    } catch (error) {
      this.report = { kind: "idle" };
      this.showFailure(error, "sidebarGenerateReport", () => void this.generateReport());
    } finally {
      this.setBusy(null);
      this.renderReport();
    }
    // Keyboard users land on the result: the link to the document, or the first blocking error
    // (after a failure the focus stays on «Повторить»).
    if (this.report.kind !== "idle") this.reportArea.querySelector<HTMLElement>("a, .finding")?.focus();
  }

  private async select(sheet: string, cell: string | null, where: string, source?: HTMLButtonElement): Promise<void> {
    for (const current of Array.from(document.querySelectorAll("[aria-current='true']")))
      current.removeAttribute("aria-current");
    source?.setAttribute("aria-current", "true");
    try {
      await this.bridge.call("sidebarSelectCell", sheet, cell);
      this.clearFailure();
      this.announce(`Открыто: ${where}.`);
    } catch (error) {
      this.showFailure(error, "sidebarSelectCell", () => void this.select(sheet, cell, where, source));
    }
  }

  private selectIssue(issue: Issue, source: HTMLButtonElement): void {
    // A whole-row finding selects the row's first cell; a whole-tab finding just opens the tab.
    const cell = issue.cell ?? (issue.row !== null ? `A${issue.row}` : null);
    void this.select(
      issue.sheet,
      cell,
      cell ? `вкладка «${issue.sheet}», ячейка ${cell}` : `вкладка «${issue.sheet}»`,
      source,
    );
  }

  private openTab(title: string): void {
    void this.select(title, null, `вкладка «${title}»`);
  }

  private setBusy(busy: Busy): void {
    this.busy = busy;
    this.app.setAttribute("aria-busy", busy ? "true" : "false");
    this.app.dataset.busy = busy ?? "";
    this.validateButton.disabled = busy !== null;
    this.reportButton.disabled = busy !== null;
    this.validateButton.textContent =
      busy === "validate" || busy === "load" || busy === "refresh" ? "Проверяю…" : "Проверить";
    this.reportButton.textContent = busy === "report" ? "Формирую отчёт…" : "Сформировать отчёт";
  }

  private renderState(): void {
    const state = this.state;
    if (!state) return;
    this.app.dataset.loaded = "true";
    renderSummary(this.summary, state);
    renderCounts(this.counts, state.counts, this.filter, (next) => this.setFilter(next));
    this.checkedAt.textContent = `Проверено ${dateTime(state.checkedAt)}`;
    renderTabs(this.tabs, state.tabs, (title) => this.openTab(title));
    this.renderFindings();
    this.renderReport();
  }

  private renderFindings(): void {
    const state = this.state;
    if (!state) return;
    this.findingsTitle.textContent = this.filter === "all" ? "Находки" : `Находки: только ${this.filterTitle()}`;
    renderFindings(this.findings, state.issues, this.filter, this.expandedTabs, {
      onSelect: (issue, button) => this.selectIssue(issue, button),
      onOpenTab: (title) => this.openTab(title),
      onShowMore: (title) => {
        this.expandedTabs.add(title);
        this.renderFindings();
      },
      onShowAll: () => this.setFilter("all"),
    });
  }

  private filterTitle(): string {
    return severityPlural(this.filter === "all" ? "error" : this.filter);
  }

  private renderReport(): void {
    renderReport(this.reportArea, this.report, this.state?.lastReport ?? null, (issue, button) =>
      this.selectIssue(issue, button),
    );
  }

  private setFilter(next: SeverityFilter): void {
    this.filter = next;
    if (!this.state) return;
    renderCounts(this.counts, this.state.counts, this.filter, (value) => this.setFilter(value));
    this.renderFindings();
    const pressed = this.counts.querySelector<HTMLButtonElement>("[aria-pressed='true']");
    (pressed ?? this.counts.querySelector<HTMLButtonElement>("button:not([disabled])"))?.focus();
    this.announce(next === "all" ? "Показаны все находки." : `Показаны только ${this.filterTitle()}.`);
  }

  private countsSentence(state: SidebarState): string {
    const { errors, warnings, infos } = state.counts;
    if (errors + warnings + infos === 0) return "ошибок нет";
    return [plural(errors, ERRORS), plural(warnings, WARNINGS), plural(infos, INFOS)].join(", ");
  }

  private showFailure(error: unknown, name: ServerFunctionName, retry: () => void): void {
    const message = failureMessage(error, name);
    renderFailure(this.failure, message, () => {
      this.clearFailure();
      retry();
    });
    this.announce(message.text);
    this.failure.querySelector<HTMLButtonElement>("#retry")?.focus();
  }

  private clearFailure(): void {
    renderFailure(this.failure, null, () => undefined);
  }

  private announce(text: string): void {
    this.status.textContent = text;
  }
}

function skeleton(): HTMLElement {
  return h("div", { class: "skeleton", attrs: { "aria-hidden": "true" } }, h("div"), h("div"), h("div"));
}

function boot(): void {
  applyContentSecurityPolicy(document);
  const hooks = globalThis as unknown as TestHooks;
  const bridge = createBridge({
    runner: hostRunner,
    timeoutMs: (name) => hooks.mipSidebarTimeoutMs ?? SIDEBAR_CALLS[name].timeoutMs,
  });
  void new Sidebar(bridge).start(hooks.mipSidebarPollMs ?? POLL_MS);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
else boot();
