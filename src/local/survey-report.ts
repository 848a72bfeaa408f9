/**
 * What `mip spravka --survey` says about the answers: how many schools of each group were
 * counted, the files it could not read, and the errors and warnings (the first ones; all of
 * them are in the draft's appendix).
 */
import { countWithNoun } from "../core/russian.js";
import { ERRORS, WARNINGS } from "../core/severity.js";
import type { SurveyResult } from "../core/survey/aggregate.js";

/** Findings printed one per line; the rest are counted (10,000 bad rows must not flood the terminal). */
export const SHOWN_FINDINGS = 20;
const GROUP_NAMES = { low: "школы с НОР", leaders: "школы-лидеры" } as const;

export function surveyReport(survey: SurveyResult, failed: readonly string[]): string[] {
  const lines: string[] = [];
  for (const g of survey.groups)
    lines.push(
      `Анкета мониторинга (${GROUP_NAMES[g.set.group]}): учтены ответы организаций — ` +
        `${g.respondents.length} из ${g.expected.length}.`,
    );
  if (survey.groups.length === 0)
    lines.push("Анкета мониторинга: ответов не найдено — разделы 4 и 5 составлены по таблицам.");
  for (const reason of failed) lines.push(`Не прочитан файл ответов: ${reason.replace(/\.$/u, "")}.`);
  for (const left of survey.leftOut) lines.push(`Не учтён ответ ${left.label}: ${left.reason}.`);
  const serious = survey.findings.filter((f) => f.severity !== "info");
  const errors = serious.filter((f) => f.severity === "error").length;
  const warnings = serious.length - errors;
  if (serious.length > 0)
    lines.push(
      `В ответах анкеты ${[
        errors > 0 && countWithNoun(errors, ERRORS),
        warnings > 0 && countWithNoun(warnings, WARNINGS),
      ]
        .filter((t) => t)
        .join(" и ")}` + (errors > 0 ? " — справка составлена как черновик, список в её приложении:" : ":"),
    );
  for (const f of serious.slice(0, SHOWN_FINDINGS))
    lines.push(`  ${f.source}${f.row !== null ? `, строка ${f.row}` : ""}: ${f.message}`);
  if (serious.length > SHOWN_FINDINGS) lines.push(`  … и ещё ${serious.length - SHOWN_FINDINGS}.`);
  return lines;
}
