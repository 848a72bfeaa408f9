/** What `mip spravka --survey` says about the answers: the core's summary and the files it could not read. */
import type { SurveyResult } from "../core/survey/aggregate.js";
import { surveySummaryLines } from "../core/survey/summary.js";

export function surveyReport(survey: SurveyResult, failed: readonly string[]): string[] {
  const lines = surveySummaryLines(survey);
  const at = lines.findIndex((l) => l.startsWith("Не учтён") || l.startsWith("В ответах"));
  const unread = failed.map((reason) => `Не прочитан файл ответов: ${reason.replace(/\.$/u, "")}.`);
  return at < 0 ? [...lines, ...unread] : [...lines.slice(0, at), ...unread, ...lines.slice(at)];
}
