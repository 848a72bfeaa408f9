/**
 * The monitoring forms of a project, as «Создать анкету мониторинга» keeps them (the committee
 * spreadsheet's document properties, per project), and their responses counted for the
 * справка: each form's responses (forms.responses.list) laid out as Google's responses sheet
 * and read by the same reader as a downloaded .xlsx.
 */
import type { TableRow } from "../../core/workbook.js";
import { aggregateSurvey, type SurveyResult } from "../../core/survey/aggregate.js";
import { responsesGrid } from "../../core/survey/google-form.js";
import type { SurveyGroup } from "../../core/survey/questions.js";
import { readResponseSheet } from "../../core/survey/read.js";
import { getForm, listResponses } from "./forms-api.js";

export interface StoredSurveyForm {
  readonly group: SurveyGroup;
  readonly formId: string;
  readonly url: string;
}

export const GROUP_NAMES: Record<SurveyGroup, string> = { low: "школы с НОР", leaders: "школы-лидеры" };
const propertyKey = (projectId: string) => `mip.survey.${projectId}`;

export function storedSurveyForms(projectId: string): StoredSurveyForm[] {
  const raw = PropertiesService.getDocumentProperties().getProperty(propertyKey(projectId));
  if (!raw) return [];
  try {
    const parsed = JSON.parse(raw) as StoredSurveyForm[];
    return Array.isArray(parsed) ? parsed.filter((f) => typeof f?.formId === "string") : [];
  } catch {
    return [];
  }
}

/** Kept after each form made: a failure on the second leaves the first known, never made twice. */
export function keepSurveyForms(projectId: string, forms: readonly StoredSurveyForm[]): void {
  PropertiesService.getDocumentProperties().setProperty(propertyKey(projectId), JSON.stringify(forms));
}

/** The answers of the project's forms, counted as the справка needs them; null when it has none. */
export function readSurveyForms(
  projectId: string,
  orgRows: readonly TableRow<"orgs">[],
  timeZone: string,
): SurveyResult | null {
  const forms = storedSurveyForms(projectId);
  if (forms.length === 0) return null;
  const stamp = (iso: string) => Utilities.formatDate(new Date(iso), timeZone, "dd.MM.yyyy HH:mm:ss");
  const sheets = forms.map((f) => {
    const form = getForm(f.formId);
    return readResponseSheet(
      responsesGrid(form, listResponses(f.formId), stamp),
      `Форма «${form.info?.title ?? f.formId}»`,
    );
  });
  return aggregateSurvey(orgRows, sheets);
}
