/**
 * Apps Script entry points. Every export becomes a real top-level function in dist/Code.js
 * (scripts/build.mjs generates the wrappers), so menus, triggers and google.script.run can
 * call it. Menu handlers show Russian messages; sidebar functions throw Russian messages to
 * the sidebar's failure handler; triggers never throw.
 */
import type { ReportOutcome, ReportRecord, SidebarState } from "../api.js";
import { activeSpreadsheet } from "./check.js";
import { userMessage } from "./errors.js";
import { recheckAfterEdit } from "./live.js";
import { MARKS_BUSY, MARKS_LOCK_WAIT_MS, clearMarks } from "./marks.js";
import { underDocumentLock } from "./document-lock.js";
import { HELP_TEXT, buildMenu } from "./menu.js";
import { draftErrorsNote } from "../core/report/draft-note.js";
import { countWithNoun } from "../core/russian.js";
import { clearedText, countsText, escapeHtml, setupText } from "./messages.js";
import { ERRORS } from "../core/severity.js";
import { editStamp, stampChange } from "./properties.js";
import { reportHistory } from "./report-history.js";
import { currentState, reportFromSidebar, selectCell, showSidebar } from "./sidebar.js";
import { setupTemplate } from "./template-sheets.js";
import { checkedArguments } from "./sidebar-args.js";
import { SIDEBAR_CALLS, type SidebarFunctionName } from "../sidebar-calls.js";

const TITLE = "МИП-отчёт";

function alert(message: string, title = TITLE): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

/** Runs a menu action; a failure becomes a Russian alert, never a stack trace. */
function fromMenu(doing: string, action: () => void): void {
  try {
    action();
  } catch (error) {
    alert(userMessage(error, doing));
  }
}

/**
 * Runs a sidebar call; a failure reaches withFailureHandler as a Russian message, «Не удалось …»
 * with the action phrase of the function's record (src/sidebar-calls.ts) the sidebar also uses.
 */
function forSidebar<T>(name: SidebarFunctionName, action: () => T): T {
  try {
    return action();
  } catch (error) {
    // Only the message crosses google.script.run, and the ES2019 bundle has no Error cause.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(userMessage(error, SIDEBAR_CALLS[name].action));
  }
}

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  try {
    recheckAfterEdit(e);
  } catch (error) {
    // A simple trigger has no one to tell; the next full check shows the state.
    console.warn(userMessage(error, "перепроверить изменённую вкладку"));
  }
}

export function menuOpenSidebar(): void {
  fromMenu("открыть панель", showSidebar);
}

export function menuValidate(): void {
  fromMenu("проверить таблицу", () => {
    const state = currentState({ markCells: true });
    activeSpreadsheet().toast(`${countsText(state.counts)} Подробности — в панели «МИП → Открыть панель».`, TITLE, 10);
  });
}

export function menuGenerateReport(): void {
  fromMenu("сформировать отчёт", () => {
    const outcome = reportFromSidebar();
    if (outcome.kind === "blocked") {
      const first = outcome.issues.slice(0, 10).map((i) => `• ${i.sheet}${i.cell ? `, ${i.cell}` : ""}: ${i.message}`);
      alert(
        `Отчёт не сформирован: на вкладке «Настройки» включено «Не формировать отчёт при ошибках», ` +
          `а в таблице ${countWithNoun(outcome.issues.length, ERRORS)}.\n\n${first.join("\n")}`,
      );
      return;
    }
    const { report } = outcome;
    const draft = report.draft ? `<p>${escapeHtml(`Это черновик: ${draftErrorsNote(outcome.errors)}`)}</p>` : "";
    const notice = outcome.notice ? `<p>${escapeHtml(outcome.notice)}</p>` : "";
    const pdf = report.pdfUrl
      ? `<p><a href="${escapeHtml(report.pdfUrl)}" target="_blank" rel="noopener">${escapeHtml(`${report.name}.pdf`)}</a></p>`
      : report.pdfProblem
        ? `<p>${escapeHtml(report.pdfProblem)}</p>`
        : "";
    const html = HtmlService.createHtmlOutput(
      `<div style="font:14px Arial,sans-serif"><p>Документ создан:</p><p><a href="${escapeHtml(report.url)}" ` +
        `target="_blank" rel="noopener">${escapeHtml(report.name)}</a></p>${pdf}${draft}${notice}</div>`,
    )
      .setWidth(420)
      .setHeight(240);
    SpreadsheetApp.getUi().showModalDialog(html, "Отчёт готов");
  });
}

export function menuSetupTemplate(): void {
  fromMenu("создать или обновить шаблон", () => {
    const ss = activeSpreadsheet();
    const result = setupTemplate(ss);
    // Only a template run that changed something moves the stamp the committee compares.
    if (
      result.created.length + result.repairedHeaders.length + result.addedFields.length > 0 ||
      result.removedBlankTab ||
      result.versionRecorded
    )
      stampChange(ss);
    alert(setupText(result), "Шаблон МИП");
  });
}

export function menuClearMarks(): void {
  fromMenu("убрать подсветку", () => {
    const ss = activeSpreadsheet();
    underDocumentLock(
      MARKS_LOCK_WAIT_MS,
      () => alert(MARKS_BUSY),
      () => ss.toast(clearedText(clearMarks(ss)), TITLE, 5),
    );
  });
}

export function menuHelp(): void {
  alert(HELP_TEXT, "МИП-отчёт — справка");
}

// Each sidebar function checks what google.script.run brought (`arguments`: all of it, declared or not).
/* eslint-disable prefer-rest-params */
export function sidebarGetState(): SidebarState {
  return forSidebar("sidebarGetState", () => {
    checkedArguments("sidebarGetState", arguments);
    return currentState({ markCells: false });
  });
}

export function sidebarValidate(): SidebarState {
  return forSidebar("sidebarValidate", () => {
    checkedArguments("sidebarValidate", arguments);
    return currentState({ markCells: true });
  });
}

export function sidebarSelectCell(_sheet: string, _cell: string | null): void {
  forSidebar("sidebarSelectCell", () => {
    const [title, address] = checkedArguments("sidebarSelectCell", arguments);
    selectCell(title, address);
  });
}

export function sidebarGenerateReport(): ReportOutcome {
  return forSidebar("sidebarGenerateReport", () => {
    checkedArguments("sidebarGenerateReport", arguments);
    return reportFromSidebar();
  });
}

export function sidebarReportHistory(): ReportRecord[] {
  return forSidebar("sidebarReportHistory", () => {
    checkedArguments("sidebarReportHistory", arguments);
    return reportHistory();
  });
}

export function sidebarEditStamp(): string {
  return forSidebar("sidebarEditStamp", () => {
    checkedArguments("sidebarEditStamp", arguments);
    return editStamp();
  });
}
/* eslint-enable prefer-rest-params */
