/**
 * Committee mode's top-level Apps Script functions (menu items and time-trigger handlers),
 * exported by the committee deployment's entry (src/gas/committee-main.ts) so the build gives
 * each a real top-level function.
 */
import type { Pause } from "../../core/committee/refresh.js";
import { countWithNoun } from "../../core/russian.js";
import { UserError, userMessage } from "../errors.js";
import { committeeSpreadsheet, rememberCommitteeSpreadsheet } from "./cursor.js";
import { type RefreshOutcome, runRefresh } from "./run.js";
import { makeSummaryDocument } from "./summary-doc.js";
import { ensureCommitteeTabs } from "./tabs.js";
import { type Continuation, clearContinuation, disableHourly, enableHourly } from "./triggers.js";

const TITLE = "МИП-отчёт — комитет";

const SCHOOLS = ["организация", "организации", "организаций"] as const;

function tell(message: string): void {
  try {
    SpreadsheetApp.getUi().alert(TITLE, message, SpreadsheetApp.getUi().ButtonSet.OK);
  } catch {
    // No UI (trigger context): the progress cell in Свод says the same.
  }
}

const CONTINUATION: Record<Continuation, string> = {
  minute: "Продолжение запустится автоматически через минуту.",
  hourly: "Продолжение — при ближайшем ежечасном обновлении; чтобы не ждать, выберите «Обновить свод» ещё раз.",
  manual:
    "Google не разрешил запланировать продолжение: выберите " +
    "«Обновить свод» ещё раз, обновление продолжится с того же места.",
};

const FOR_THE_DAY = {
  hourly: "Ежечасное обновление продолжит с того же места, когда лимит восстановится.",
  manual: "Выберите «Обновить свод» завтра — обновление продолжится с того же места.",
} as const;

/** Why an unfinished run stopped early, when it did (the progress cell says it in short). */
function pauseText(pause: Pause | null): string {
  if (pause === "day")
    return " Дополнение исчерпало суточный лимит Google; строки уже прочитанных организаций сохранены.";
  if (pause === "rate")
    return " Google разрешает дополнению около 60 чтений таблиц в минуту; строки уже прочитанных организаций сохранены.";
  return "";
}

function refreshMessage(outcome: RefreshOutcome): string {
  if (outcome.kind === "busy")
    return "Свод уже обновляется (по расписанию или другим пользователем). Подождите несколько минут.";
  const failed =
    outcome.failed > 0
      ? ` Не прочитаны: ${countWithNoun(outcome.failed, SCHOOLS)} — причина в столбце «Состояние».`
      : "";
  // outcome.text is the progress cell's «обновлено 4 из 4 — 20.12.2022 10:00».
  if (outcome.kind === "finished") return `Готово: ${outcome.text}.${failed}`;
  const next =
    outcome.pause === "day"
      ? FOR_THE_DAY[outcome.next === "hourly" ? "hourly" : "manual"]
      : CONTINUATION[outcome.next ?? "minute"];
  return `Обновлено ${outcome.done} из ${outcome.total}.${pauseText(outcome.pause)} ${next}${failed}`;
}

export function committeeSetup(): void {
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const { created } = ensureCommitteeTabs(ss);
    tell(
      created.length > 0
        ? `Созданы вкладки: ${created.map((t) => `«${t}»`).join(", ")}. Внесите в ` +
            `«Реестр» организации и ссылки на их таблицы МИП, затем выберите «Обновить свод».`
        : "Вкладки «Реестр» и «Свод» уже есть.",
    );
  } catch (error) {
    tell(userMessage(error, "создать вкладки комитета"));
  }
}

export function committeeRefresh(): RefreshOutcome | null {
  try {
    rememberCommitteeSpreadsheet(SpreadsheetApp.getActiveSpreadsheet().getId());
    const outcome = runRefresh();
    tell(refreshMessage(outcome));
    return outcome;
  } catch (error) {
    tell(userMessage(error, "обновить свод"));
    return null;
  }
}

/** Hourly time trigger. */
export function committeeHourlyRefresh(): RefreshOutcome | null {
  try {
    return runRefresh();
  } catch (error) {
    console.log(userMessage(error, "обновить свод по расписанию"));
    return null;
  }
}

/** One-off continuation after a run that stopped at its time budget. */
export function committeeContinueRefresh(): RefreshOutcome | null {
  try {
    const ss = committeeSpreadsheet();
    if (ss) clearContinuation(ss);
  } catch (error) {
    console.log(userMessage(error, "снять продолжение обновления свода"));
  }
  return committeeHourlyRefresh();
}

function requireCommitteeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const ss = committeeSpreadsheet();
  if (!ss) throw new UserError("Откройте таблицу комитета: расписание обновления привязано к ней.");
  return ss;
}

export function committeeEnableHourly(): void {
  try {
    const ss = requireCommitteeSpreadsheet();
    rememberCommitteeSpreadsheet(ss.getId());
    tell(enableHourly(ss) ? "Свод будет обновляться каждый час." : "Обновление каждый час уже включено.");
  } catch (error) {
    tell(userMessage(error, "включить обновление по расписанию"));
  }
}

export function committeeDisableHourly(): void {
  try {
    tell(
      disableHourly(requireCommitteeSpreadsheet()) > 0
        ? "Обновление по расписанию выключено."
        : "Обновление по расписанию и так было выключено.",
    );
  } catch (error) {
    tell(userMessage(error, "выключить обновление по расписанию"));
  }
}

export function committeeMakeSummary(): { url: string; name: string } | null {
  try {
    const made = makeSummaryDocument(SpreadsheetApp.getActiveSpreadsheet());
    tell(
      `Сводка по ${countWithNoun(made.schools, ["организации", "организациям", "организациям"])} ` +
        `готова: «${made.name}». Ссылка: ${made.url}${made.layoutMissing ? `\n${made.layoutMissing}` : ""}`,
    );
    return { url: made.url, name: made.name };
  } catch (error) {
    tell(userMessage(error, "сформировать сводку по МИП"));
    return null;
  }
}
