/**
 * What a справка made with the monitoring's answers tells its maker: schools counted per
 * group, respondents left out, and the errors and warnings (the first ones; all of them are
 * in the draft's appendix). Said by `mip spravka --survey` and by the committee's message.
 */
import { countWithNoun } from "../russian.js";
import { ERRORS, WARNINGS } from "../severity.js";
import type { SurveyResult } from "./aggregate.js";

/** Findings listed one per line; the rest are counted (10,000 bad rows must not flood a message). */
const SHOWN_FINDINGS = 20;
const GROUP_NAMES = { low: "школы с НОР", leaders: "школы-лидеры" } as const;

export function surveySummaryLines(survey: SurveyResult, shown = SHOWN_FINDINGS): string[] {
  const lines: string[] = [];
  for (const g of survey.groups)
    lines.push(
      `Анкета мониторинга (${GROUP_NAMES[g.set.group]}): учтены ответы организаций — ` +
        `${g.respondents.length} из ${g.expected.length}.`,
    );
  if (survey.groups.length === 0)
    lines.push("Анкета мониторинга: ответов не найдено — разделы 4 и 5 составлены по таблицам.");
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
  for (const f of serious.slice(0, shown))
    lines.push(`  ${f.source}${f.row !== null ? `, строка ${f.row}` : ""}: ${f.message}`);
  if (serious.length > shown) lines.push(`  … и ещё ${serious.length - shown}.`);
  return lines;
}
