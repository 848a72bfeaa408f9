/** Russian wording helpers for the sidebar: plurals, percentages, dates. */
import { wholePercent } from "../src/core/percent.js";
import { type PluralForms, countWithNoun } from "../src/core/russian.js";

/** «1 ошибка», «2 ошибки», «5 ошибок»: the core's plural rules, the same words as the CLI and the report. */
export const plural = countWithNoun;

export { ERRORS, INFOS, WARNINGS } from "../src/core/severity.js";
/** Findings of any severity («замечание» is the info severity's noun). */
export const FINDINGS: PluralForms = ["находка", "находки", "находок"];
const SECONDS: PluralForms = ["секунду", "секунды", "секунд"];
const MINUTES: PluralForms = ["минуту", "минуты", "минут"];

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
