/**
 * How each severity is named and coloured: the same words in cell notes, the menu, the sidebar,
 * the command and the report, and the same tints on marked cells and on the committee's rows.
 */
import type { Severity } from "./issues.js";
import type { PluralForms } from "./russian.js";

/** Count nouns: «1 ошибка», «3 предупреждения», «5 замечаний» (countWithNoun). */
export const SEVERITY_NOUNS: Readonly<Record<Severity, PluralForms>> = {
  error: ["ошибка", "ошибки", "ошибок"],
  warning: ["предупреждение", "предупреждения", "предупреждений"],
  info: ["замечание", "замечания", "замечаний"],
};
export const ERRORS = SEVERITY_NOUNS.error;
export const WARNINGS = SEVERITY_NOUNS.warning;
export const INFOS = SEVERITY_NOUNS.info;

/** One finding's label: «Ошибка: …» in a cell note, the badge in the sidebar's list. */
export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  error: "Ошибка",
  warning: "Предупреждение",
  info: "Замечание",
};

/** «только ошибки», «только замечания»: the nominative plural, which is the nouns' «few» form. */
export function severityPlural(severity: Severity): string {
  return SEVERITY_NOUNS[severity][1];
}

/** Background of a marked cell; the committee's dashboard tints a school's row with the same. */
export const SEVERITY_COLOURS: Readonly<Record<Severity, string>> = {
  error: "#f4cccc",
  warning: "#fce8b2",
  info: "#d2e3fc",
};
