/**
 * The state of one school on the dashboard (COMMITTEE.md «Состояние»).
 *
 * Contract states: `ОК`, `Нет доступа`, `Не шаблон МИП`, `Ошибка чтения: …`.
 * Extra states (documented in README):
 * - `Старая версия шаблона` — the workbook was made by an older template; its figures are
 *   still read and shown, but the coordinator should run «Создать / обновить шаблон».
 * - `Нет ссылки` — the Реестр row has no recognisable spreadsheet link or id.
 */

export const STATE_OK = "ОК";
export const STATE_NO_ACCESS = "Нет доступа";
export const STATE_NOT_TEMPLATE = "Не шаблон МИП";
export const STATE_OLD_TEMPLATE = "Старая версия шаблона";
export const STATE_NO_LINK = "Нет ссылки";
export const STATE_READ_ERROR_PREFIX = "Ошибка чтения: ";

export type SchoolState = string;

/** `Ошибка чтения: {detail}` with the detail shortened to one readable line. */
export function readErrorState(detail: string): SchoolState {
  const line = detail.replace(/\s+/g, " ").trim() || "неизвестная ошибка";
  return STATE_READ_ERROR_PREFIX + (line.length > 120 ? `${line.slice(0, 119)}…` : line);
}

/**
 * A school that was being read when a run died twice (Apps Script kills a run at 6 minutes):
 * skipped, and not read again until its workbook changes.
 */
export const STATE_TOO_SLOW = readErrorState("таблица читается слишком долго");

/** Dashboard row colour: errors red, warnings amber, clean green; unreadable grey. */
export type RowTone = "errors" | "warnings" | "clean" | "unreadable";

export const TONE_COLOURS: Readonly<Record<RowTone, string>> = {
  errors: "#f4cccc",
  warnings: "#fce8b2",
  clean: "#d9ead3",
  unreadable: "#e0e0e0",
};

/** True for states whose row carries the validator's figures. */
export function stateHasFigures(state: SchoolState): boolean {
  return state === STATE_OK || state === STATE_OLD_TEMPLATE;
}
