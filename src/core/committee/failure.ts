/** A failure to open or read a school's workbook → its dashboard state (never a stack trace). */
import { STATE_NO_ACCESS, readErrorState, type SchoolState } from "./states.js";

const NO_ACCESS =
  /permission|access denied|не удалось получить доступ|нет доступа|forbidden|\b403\b|does not have permission|you do not have/i;
const NOT_FOUND = /not found|\b404\b|не найден|deleted|trashed|удал[её]н/i;

/**
 * The add-on itself lacks an OAuth scope («Specified permissions are not sufficient to call
 * SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets»,
 * or an advanced service's «insufficient authentication scopes»). It also says «permission»,
 * but no school can fix it: it is told apart from a school's real «Нет доступа».
 */
const MISSING_SCOPE =
  /required permissions?:|permissions are not sufficient|insufficient (?:authentication )?scopes?|недостаточно (?:прав|разрешений) для вызова/i;
const SCOPE_URL = /https:\/\/www\.googleapis\.com\/auth\/([\w./-]+)/i;

/**
 * Google's rate limits and quotas: the Sheets API allows about 60 read requests per minute
 * per user (429, «Quota exceeded», «Rate Limit Exceeded»), Apps Script services «Service
 * invoked too many times», and the daily run-time quota «Service using too much computer time
 * for one day» (https://developers.google.com/apps-script/guides/services/quotas). Not the school's fault: the refresh pauses at that school and
 * continues later instead of overwriting its row.
 */
const RATE_LIMITED =
  /\b429\b|quota exceeded|rate ?limit(?: exceeded)?|ratelimitexceeded|too many (?:times|requests)|too much computer time|resource[_ ]exhausted|слишком (?:много|часто)|превышен[аоы]? (?:квота|лимит)/i;

/** A quota for the whole day («Service invoked too many times for one day»): retrying in a minute is pointless. */
const DAILY = /for one day|per day|daily|в сутки|за сутки|в день/i;

export function isDailyQuota(error: unknown): boolean {
  return isRateLimited(error) && DAILY.test(messageOf(error));
}

/** True when reading stopped because of a rate limit or quota: retry later, keep the school's row. */
export function isRateLimited(error: unknown): boolean {
  return RATE_LIMITED.test(messageOf(error));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error ?? "");
}

/**
 * The missing scope when the add-on lacks one: «spreadsheets» (from the message's URL), "" when
 * the message names none; null for any other error.
 */
export function missingScope(error: unknown): string | null {
  const message = messageOf(error);
  return MISSING_SCOPE.test(message) ? (SCOPE_URL.exec(message)?.[1] ?? "") : null;
}

/** «дополнению не хватает разрешения «spreadsheets»» (or of Google's permissions when unnamed). */
export function missingScopeText(scope: string): string {
  return scope ? `дополнению не хватает разрешения «${scope}»` : "дополнению не хватает разрешений Google";
}

export function failureState(error: unknown): SchoolState {
  const message = messageOf(error);
  const scope = missingScope(error);
  if (scope !== null) return readErrorState(`${missingScopeText(scope)} (см. README, «Разрешения»)`);
  if (NO_ACCESS.test(message)) return STATE_NO_ACCESS;
  if (NOT_FOUND.test(message)) return readErrorState("таблица не найдена или удалена");
  return readErrorState(message || "неизвестная ошибка");
}
