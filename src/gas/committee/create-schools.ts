/**
 * «Создать таблицы школ по «Реестру»»: for every registry row without a link, a workbook from
 * the current template in the committee's folder, edit access for the row's e-mail, and the
 * link written back. One row at a time, each finished before the next: a run that stops (its
 * time budget, Google's limit, the 6-minute kill) leaves every row either done or untouched,
 * and the next run — a continuation a minute later, or the menu item again — picks up the rest.
 * A file created by a run that died before writing its row is found again by its appProperties.
 */
import {
  type CreationRecord,
  type CreationState,
  type CreationTask,
  CREATION_RECORD_HEADER,
  CREATION_STATE_HEADER,
  type RegistryLayout,
  creationCount,
  creationStateText,
  invitationMessage,
  organisationKey,
  planCreation,
  plausibleEmail,
  recordText,
  registryLayout,
  shareFailure,
  workbookName,
} from "../../core/committee/create-schools.js";
import {
  DEFAULT_BUDGET_MS,
  type Pause,
  type Signer,
  isDailyQuota,
  isRateLimited,
  registryLinkColumn,
} from "../../core/committee/index.js";
import { type Cell, cellText } from "../../core/grid.js";
import { countWithNoun } from "../../core/russian.js";
import { parsePeriod } from "../../core/terms/index.js";
import { UserError, userMessage } from "../errors.js";
import { committeeSpreadsheet, rememberCommitteeSpreadsheet } from "./cursor.js";
import { acquireLocks, registryRows } from "./run.js";
import {
  createWorkbook,
  createdWorkbooks,
  hasEditor,
  inviteEditor,
  prefillWorkbook,
  schoolsFolderId,
  spreadsheetLink,
} from "./school-workbook.js";
import { readCommitteeSettings } from "./settings.js";
import { ensureCommitteeTabs } from "./tabs.js";
import { type Continuation, hourlyEnabled } from "./triggers.js";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const CREATE_CONTINUE_HANDLER = "committeeContinueCreateSchools";
const CONTINUE_AFTER_MS = 60_000;
/** Just past the 6-minute limit of the run that sets it. */
const SAFETY_NET_MS = 7 * 60_000;
const PERIOD_KEY = "mip.committee.creationPeriod.";
const TITLE = "МИП-отчёт — комитет";

interface CreationOutcome {
  readonly kind: "busy" | "finished" | "continues";
  readonly created: number;
  readonly shared: number;
  readonly notShared: number;
  readonly notCreated: number;
  /** Rows still to do when the run stopped. */
  readonly left: number;
  readonly next: Continuation | null;
  readonly pause: Pause | null;
  /** The hourly refresh holds the spreadsheet's one time-driven trigger (no continuation possible). */
  readonly hourlyOn: boolean;
}

/** The period new workbooks are named and filled with, remembered per committee spreadsheet for continuations. */
function rememberPeriod(ssId: string, period: string): void {
  PropertiesService.getUserProperties().setProperty(PERIOD_KEY + ssId, period);
}

function rememberedPeriod(ssId: string): string {
  return PropertiesService.getUserProperties().getProperty(PERIOD_KEY + ssId) ?? "";
}

/** The two extra headers of Реестр (our own text, quote-prefixed), the service column hidden. */
function ensureHeaders(registry: Sheet, layout: RegistryLayout): void {
  if (!layout.headersMissing) return;
  registry.getRange(1, layout.stateAt + 1).setValue(`'${CREATION_STATE_HEADER}`);
  registry.getRange(1, layout.recordAt + 1).setValue(`'${CREATION_RECORD_HEADER}`);
  registry.getRange(1, layout.stateAt + 1, 1, 2).setFontWeight("bold");
  registry.hideColumns(layout.recordAt + 1, 1);
}

interface RowWriter {
  /** The service cell and the state in one write (they are neighbours when the add-on placed them). */
  state(row: number, state: CreationState, record: CreationRecord | null): void;
  link(row: number, fileId: string): void;
}

function rowWriter(registry: Sheet, layout: RegistryLayout, rows: readonly (readonly Cell[])[]): RowWriter {
  const current = (row: number, at: number) => cellText(rows[row - 1]?.[at] ?? null);
  return {
    state(row, state, record) {
      const stateText = creationStateText(state);
      const recordCell = record ? recordText(record) : current(row, layout.recordAt);
      // A run that finds a row as it was leaves it as it was: a second run changes nothing.
      if (current(row, layout.stateAt) === stateText && current(row, layout.recordAt) === recordCell) return;
      if (layout.recordAt === layout.stateAt + 1)
        registry
          .getRange(row, layout.stateAt + 1, 1, 2)
          .setValues([[`'${stateText}`, recordCell ? `'${recordCell}` : ""]]);
      else {
        registry.getRange(row, layout.stateAt + 1).setValue(`'${stateText}`);
        registry.getRange(row, layout.recordAt + 1).setValue(recordCell ? `'${recordCell}` : "");
      }
    },
    link(row, fileId) {
      registry.getRange(row, registryLinkColumn(rows[0] ?? []) + 1).setValue(spreadsheetLink(fileId));
    },
  };
}

interface ShareResult {
  readonly state: CreationState;
  readonly record: CreationRecord;
  readonly pause: Pause | null;
}

/** The invitation step of a row whose workbook exists. */
function share(fileId: string, email: string, name: string, checkFirst: boolean, signer: Signer | null): ShareResult {
  const notShared = (reason: string, retry: boolean, pause: Pause | null = null): ShareResult => ({
    state: { kind: "not-shared", reason },
    record: { file: fileId, email, shared: false, retry },
    pause,
  });
  if (email === "") return notShared("в «Реестре» не указана электронная почта", false);
  if (!plausibleEmail(email)) return notShared(`«${email}» не похоже на адрес электронной почты`, false);
  const done: ShareResult = {
    state: { kind: "shared", email },
    record: { file: fileId, email, shared: true, retry: false },
    pause: null,
  };
  try {
    if (checkFirst && hasEditor(fileId, email)) return done;
    inviteEditor(fileId, email, invitationMessage(name, signer));
    return done;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failure = shareFailure(message);
    const pause = failure.retry ? (isDailyQuota(error) ? "day" : "rate") : null;
    return notShared(failure.reason, failure.retry, pause);
  }
}

const LIMIT_REASON = "Google временно ограничил создание файлов — таблица будет создана при следующем запуске";

function failureReason(error: unknown): string {
  if (error instanceof UserError) return error.message;
  const raw = error instanceof Error ? error.message : String(error);
  const line =
    raw
      .replace(/^(?:Exception|GoogleJsonResponseException):\s*/, "")
      .replace(/\s+/g, " ")
      .trim() || "неизвестная ошибка";
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}

/**
 * This user's continuation trigger of this spreadsheet: replaced by a new one `afterMs` away,
 * or removed (afterMs null). Returns how the work goes on.
 */
function setContinuation(ss: Spreadsheet, afterMs: number | null): Continuation | null {
  try {
    for (const t of ScriptApp.getUserTriggers(ss))
      if (t.getHandlerFunction() === CREATE_CONTINUE_HANDLER) ScriptApp.deleteTrigger(t);
    if (afterMs === null) return null;
    // An add-on may hold one time-driven trigger per document: with the hourly refresh on, this is refused.
    ScriptApp.newTrigger(CREATE_CONTINUE_HANDLER).timeBased().after(afterMs).create();
    return "minute";
  } catch {
    return afterMs === null ? null : "manual";
  }
}

function hourlyEnabledSafely(ss: Spreadsheet): boolean {
  try {
    return hourlyEnabled(ss);
  } catch {
    return false;
  }
}

/** One run: the rows that are left, until the time budget or Google's limit; then the continuation. */
function runCreation(budgetMs: number = DEFAULT_BUDGET_MS): CreationOutcome {
  const ss = committeeSpreadsheet();
  if (!ss) throw new UserError("Не найдена таблица комитета: откройте её и выберите пункт меню заново.");
  const release = acquireLocks();
  const counts = { created: 0, shared: 0, notShared: 0, notCreated: 0 };
  if (!release) return { kind: "busy", ...counts, left: 0, next: null, pause: null, hourlyOn: false };
  try {
    const started = Date.now();
    const { registry } = ensureCommitteeTabs(ss);
    const rows = registryRows(registry);
    const layout = registryLayout(rows[0] ?? []);
    const tasks = planCreation(rows, layout);
    ensureHeaders(registry, layout);
    const write = rowWriter(registry, layout, rows);
    const period = rememberedPeriod(ss.getId());
    const signer = tasks.length > 0 ? readCommitteeSettings(ss).signer : null;
    let folderId: string | null = null;
    let found: Map<string, string> | null = null;
    const committeeId = ss.getId();
    let pause: Pause | null = null;
    let done = 0;
    // Apps Script kills a run at 6 minutes without a word, and a killed run schedules nothing: a
    // continuation just past that limit is set first and replaced (or removed) when the run ends.
    if (tasks.length > 0) setContinuation(ss, SAFETY_NET_MS);
    for (const task of tasks) {
      if (Date.now() - started > budgetMs || pause) break;
      pause = runTask(task);
      done++;
    }
    // The row Google's limit stopped at is tried again: it is still to do.
    const left = tasks.length - done + (pause ? 1 : 0);
    const next = setContinuation(ss, left > 0 && pause !== "day" ? CONTINUE_AFTER_MS : null);
    const hourlyOn = next === "manual" && hourlyEnabledSafely(ss);
    return { kind: left > 0 ? "continues" : "finished", ...counts, left, next, pause, hourlyOn };

    function runTask(task: CreationTask): Pause | null {
      if (task.kind === "refuse") {
        write.state(task.row, { kind: "not-created", reason: task.reason }, null);
        counts.notCreated++;
        return null;
      }
      const name = workbookName(task.organisation, period);
      if (task.kind === "share") {
        const result = share(task.record.file, task.email, name, false, signer);
        write.state(task.row, result.state, result.record);
        if (cellText(rows[task.row - 1]?.[registryLinkColumn(rows[0] ?? [])] ?? null) === "")
          write.link(task.row, task.record.file);
        counts[result.state.kind === "shared" ? "shared" : "notShared"]++;
        return result.pause;
      }
      const key = organisationKey(task.organisation);
      let made: { fileId: string; adopted: boolean };
      try {
        folderId ??= schoolsFolderId(committeeId);
        found ??= createdWorkbooks(folderId, committeeId);
        const known = found.get(key);
        made = { fileId: known ?? createWorkbook(name, folderId, committeeId, key), adopted: known !== undefined };
        found.set(key, made.fileId);
        prefillWorkbook(made.fileId, task.organisation, period);
      } catch (error) {
        const limited = isRateLimited(error);
        write.state(task.row, { kind: "not-created", reason: limited ? LIMIT_REASON : failureReason(error) }, null);
        counts.notCreated++;
        return limited ? (isDailyQuota(error) ? "day" : "rate") : null;
      }
      const result = share(made.fileId, task.email, name, made.adopted, signer);
      write.state(task.row, result.state, result.record);
      write.link(task.row, made.fileId);
      counts.created++;
      counts[result.state.kind === "shared" ? "shared" : "notShared"]++;
      return result.pause;
    }
  } finally {
    release();
  }
}

const ORGANISATIONS_GEN = ["организации", "организаций", "организаций"] as const;
const ORGANISATIONS_DAT = ["организации", "организациям", "организациям"] as const;
const WORKBOOKS = ["таблица", "таблицы", "таблиц"] as const;
const ROWS = ["строка", "строки", "строк"] as const;

function tell(message: string): void {
  try {
    SpreadsheetApp.getUi().alert(TITLE, message, SpreadsheetApp.getUi().ButtonSet.OK);
  } catch {
    // No UI (a continuation trigger): the «Таблица школы» column says the same row by row.
  }
}

function creationMessage(outcome: CreationOutcome): string {
  if (outcome.kind === "busy")
    return "Комитет уже работает с «Реестром» (обновление свода или создание таблиц). Подождите несколько минут.";
  const parts = [
    outcome.created > 0 ? `Создано: ${countWithNoun(outcome.created, WORKBOOKS)}.` : "Новых таблиц нет.",
    outcome.shared > 0 ? `Доступ выдан ${countWithNoun(outcome.shared, ORGANISATIONS_DAT)}.` : "",
    outcome.notShared > 0
      ? `Доступ не выдан: ${countWithNoun(outcome.notShared, ROWS)} — причина в столбце «Таблица школы».`
      : "",
    outcome.notCreated > 0 ? `Не создано: ${countWithNoun(outcome.notCreated, ROWS)} — причина там же.` : "",
  ];
  if (outcome.kind === "continues")
    parts.push(
      `Осталось: ${countWithNoun(outcome.left, ROWS)}. ` +
        (outcome.next === "minute"
          ? "Продолжение запустится автоматически через минуту."
          : outcome.pause === "day"
            ? "Google исчерпал суточный лимит: выберите пункт меню завтра, работа продолжится с того же места."
            : outcome.hourlyOn
              ? "Продолжение не запланировано: включено обновление свода каждый час, а дополнению " +
                "Google разрешает один триггер по времени на таблицу. Выберите пункт меню ещё раз " +
                "(или выключите ежечасное обновление на время создания таблиц)."
              : "Выберите пункт меню ещё раз — работа продолжится с того же места."),
    );
  return parts.filter((p) => p !== "").join(" ");
}

/** Menu item: asks the period (the workbooks' names and «Общие сведения»), then runs. */
export function committeeCreateSchools(): CreationOutcome | null {
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    rememberCommitteeSpreadsheet(ss.getId());
    const { registry } = ensureCommitteeTabs(ss);
    const rows = registryRows(registry);
    const tasks = planCreation(rows, registryLayout(rows[0] ?? []));
    const toCreate = creationCount(tasks);
    if (tasks.length === 0) {
      tell("В «Реестре» нет строк без ссылки на таблицу: создавать и отправлять нечего.");
      return null;
    }
    if (toCreate > 0) {
      const ui = SpreadsheetApp.getUi();
      const before = rememberedPeriod(ss.getId());
      const answer = ui.prompt(
        TITLE,
        `Будут созданы таблицы МИП для ${countWithNoun(toCreate, ORGANISATIONS_GEN)} в папке ` +
          `«Таблицы МИП организаций», каждая откроется для редактирования адресу из «Реестра» с письмом-приглашением.\n\n` +
          `Отчётный период (войдёт в названия таблиц и во вкладку «Общие сведения»), например: 2024-2025 учебный год` +
          (before ? `. Пусто — «${before}».` : "."),
        ui.ButtonSet.OK_CANCEL,
      );
      if (answer.getSelectedButton() !== ui.Button.OK) return null;
      const period = answer.getResponseText().replace(/\s+/g, " ").trim() || before;
      if (period === "") {
        tell("Укажите отчётный период, например «2024-2025 учебный год», и выберите пункт меню ещё раз.");
        return null;
      }
      // The period goes into every new workbook: one the validator cannot read would be an error in each.
      if (parsePeriod(period) === null) {
        tell(
          `Отчётный период «${period}» не читается. Запишите его так: «2024», «2024-2025 учебный год» ` +
            `или «01.09.2024-31.08.2025» — и выберите пункт меню ещё раз.`,
        );
        return null;
      }
      rememberPeriod(ss.getId(), period);
    }
    const outcome = runCreation();
    tell(creationMessage(outcome));
    return outcome;
  } catch (error) {
    tell(userMessage(error, "создать таблицы школ"));
    return null;
  }
}

/** The one-off continuation a minute after a run that stopped at its time budget or a passing limit. */
export function committeeContinueCreateSchools(): CreationOutcome | null {
  try {
    return runCreation();
  } catch (error) {
    console.log(userMessage(error, "продолжить создание таблиц школ"));
    return null;
  }
}
