/** Russian wording helpers for the sidebar: plurals, percentages, dates. */
import { wholePercent } from "../src/core/percent.js";

export interface PluralForms {
  /** 1, 21, 31 … — «ошибка» */
  one: string;
  /** 2–4, 22–24 … — «ошибки» */
  few: string;
  /** 0, 5–20, 25 … — «ошибок» */
  many: string;
}

const pluralRules = new Intl.PluralRules("ru");

/** «1 ошибка», «2 ошибки», «5 ошибок» (whole numbers; fractions take the «few» form as Russian does). */
export function plural(count: number, forms: PluralForms): string {
  const category = pluralRules.select(count);
  const word = category === "one" ? forms.one : category === "few" ? forms.few : category === "many" ? forms.many : forms.few;
  return `${count} ${word}`;
}

export const ERRORS: PluralForms = { one: "ошибка", few: "ошибки", many: "ошибок" };
export const WARNINGS: PluralForms = { one: "предупреждение", few: "предупреждения", many: "предупреждений" };
export const INFOS: PluralForms = { one: "заметка", few: "заметки", many: "заметок" };
export const FINDINGS: PluralForms = { one: "замечание", few: "замечания", many: "замечаний" };
export const SECONDS: PluralForms = { one: "секунду", few: "секунды", many: "секунд" };
export const MINUTES: PluralForms = { one: "минуту", few: "минуты", many: "минут" };

/** 0..1 → «73 %», the same rounding as the CLI and the committee dashboard. */
export function percent(share: number): string {
  return `${wholePercent(clampShare(share))} %`;
}

export function clampShare(share: number): number {
  if (!Number.isFinite(share)) return 0;
  return Math.min(1, Math.max(0, share));
}

const two = (n: number): string => String(n).padStart(2, "0");

/** ISO timestamp → «05.03.2022 14:07» in the browser's time zone; the raw text if unreadable. */
export function dateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${two(date.getDate())}.${two(date.getMonth() + 1)}.${date.getFullYear()} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** Milliseconds → «30 секунд», «6 минут». */
export function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 120 ? plural(seconds, SECONDS) : plural(Math.round(seconds / 60), MINUTES);
}
