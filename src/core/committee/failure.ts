/** A failure to open or read a school's workbook → its dashboard state (never a stack trace). */
import { STATE_NO_ACCESS, readErrorState, type SchoolState } from "./states.js";

const NO_ACCESS = /permission|access denied|не удалось получить доступ|нет доступа|forbidden|\b403\b|does not have permission|you do not have/i;
const NOT_FOUND = /not found|\b404\b|не найден|deleted|trashed|удал[её]н/i;

export function failureState(error: unknown): SchoolState {
  const message = error instanceof Error ? error.message : String(error ?? "");
  if (NO_ACCESS.test(message)) return STATE_NO_ACCESS;
  if (NOT_FOUND.test(message)) return readErrorState("таблица не найдена или удалена");
  return readErrorState(message || "неизвестная ошибка");
}
