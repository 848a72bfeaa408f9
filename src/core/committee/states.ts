/**
 * The state of one school on the dashboard (docs/COMMITTEE.md «Состояние»).
 *
 * Contract states: `ОК`, `Нет доступа`, `Не шаблон МИП`, `Ошибка чтения: …`.
 * Extra states (documented in README):
 * - `Старая версия шаблона` — the workbook was made by an older template; its figures are
 *   still read and shown, but the coordinator should run «Создать / обновить шаблон».
 * - `Нет ссылки` — the Реестр row has no recognisable spreadsheet link or id.
 * - `Копия другой таблицы: {организация}` — the workbook repeats another one of the set (the
 *   same plan rows and events, whatever the name on it): its figures are not added twice.
 * A state is a value of the union below; its Russian text exists only in the Свод cell, the
 * command's output and the справка (stateText), and is read back once (stateFromText).
 */
import { SEVERITY_COLOURS } from "../severity.js";

export type SchoolState =
  | { readonly kind: "ok" }
  | { readonly kind: "no-access" }
  | { readonly kind: "not-template" }
  | { readonly kind: "old-template" }
  | { readonly kind: "no-link" }
  | { readonly kind: "read-error"; readonly detail: string }
  | { readonly kind: "copy"; readonly of: string };

export const STATE_OK: SchoolState = { kind: "ok" };
export const STATE_NO_ACCESS: SchoolState = { kind: "no-access" };
export const STATE_NOT_TEMPLATE: SchoolState = { kind: "not-template" };
export const STATE_OLD_TEMPLATE: SchoolState = { kind: "old-template" };
export const STATE_NO_LINK: SchoolState = { kind: "no-link" };

const TEXTS = {
  ok: "ОК",
  "no-access": "Нет доступа",
  "not-template": "Не шаблон МИП",
  "old-template": "Старая версия шаблона",
  "no-link": "Нет ссылки",
} as const satisfies Record<Exclude<SchoolState["kind"], "read-error" | "copy">, string>;
const READ_ERROR_PREFIX = "Ошибка чтения: ";
const COPY_PREFIX = "Копия другой таблицы: ";

/** `Копия другой таблицы: {организация}` — the workbook repeats the one of `organisation`. */
export function copyState(organisation: string): SchoolState {
  return { kind: "copy", of: organisation.replace(/\s+/g, " ").trim() || "без названия" };
}

/** `Ошибка чтения: {detail}` with the detail shortened to one readable line. */
export function readErrorState(detail: string): SchoolState {
  const line = detail.replace(/\s+/g, " ").trim() || "неизвестная ошибка";
  return { kind: "read-error", detail: line.length > 120 ? `${line.slice(0, 119)}…` : line };
}

/**
 * A school that was being read when a run died twice (Apps Script kills a run at 6 minutes):
 * skipped, and not read again until its workbook changes.
 */
export const STATE_TOO_SLOW = readErrorState("таблица читается слишком долго");

/** The state as the dashboard, the command and the справка print it. */
export function stateText(state: SchoolState): string {
  if (state.kind === "read-error") return READ_ERROR_PREFIX + state.detail;
  if (state.kind === "copy") return COPY_PREFIX + state.of;
  return TEXTS[state.kind];
}

/** A Свод cell read back; text no state prints is a read error carrying that text. */
export function stateFromText(text: string): SchoolState {
  const kind = (Object.keys(TEXTS) as (keyof typeof TEXTS)[]).find((k) => TEXTS[k] === text);
  if (kind) return { kind };
  if (text.startsWith(COPY_PREFIX)) return copyState(text.slice(COPY_PREFIX.length));
  return readErrorState(text.startsWith(READ_ERROR_PREFIX) ? text.slice(READ_ERROR_PREFIX.length) : text);
}

export function sameState(a: SchoolState, b: SchoolState): boolean {
  return stateText(a) === stateText(b);
}

/** Dashboard row colour: errors red, warnings amber, clean green; unreadable grey. */
export type RowTone = "errors" | "warnings" | "clean" | "unreadable";

export const TONE_COLOURS: Readonly<Record<RowTone, string>> = {
  errors: SEVERITY_COLOURS.error,
  warnings: SEVERITY_COLOURS.warning,
  clean: "#d9ead3",
  unreadable: "#e0e0e0",
};

/** True for states whose row carries the validator's figures. */
export function stateHasFigures(state: SchoolState): boolean {
  return state.kind === "ok" || state.kind === "old-template";
}
