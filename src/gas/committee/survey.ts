/**
 * «Комитет → Создать анкету мониторинга»: for the project whose «Реестр» row is selected, one
 * Google Form per group (schools with low results, leader schools) made from the questionnaire
 * in the core (organisations to choose from: the project's «Организации» of that group),
 * published — forms the API creates after 31 March 2026 start unpublished — and the links shown
 * to send to the schools. The form ids are kept per project (survey-responses.ts), where the
 * project's справка reads their responses.
 */
import { REGISTRY_TITLE, parseRegistry } from "../../core/committee/index.js";
import { groupOrganisations } from "../../core/survey/aggregate.js";
import { formCreateBody, formItemRequests, PUBLISH_BODY } from "../../core/survey/google-form.js";
import { QUESTION_SETS } from "../../core/survey/questions.js";
import { validateWorkbook } from "../../core/validate.js";
import { looksLikeMipWorkbook } from "../../core/workbook.js";
import { UserError, userMessage } from "../errors.js";
import { createForm, publishForm, updateForm } from "./forms-api.js";
import { registryRows } from "./run.js";
import { openSchool } from "./school-reader.js";
import { selectedRegistryRow } from "./spravka.js";
import { GROUP_NAMES, keepSurveyForms, type StoredSurveyForm, storedSurveyForms } from "./survey-responses.js";

function createSurvey(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): {
  forms: StoredSurveyForm[];
  existed: boolean;
  project: string;
} {
  const { sheet, row } = selectedRegistryRow(ss, "Создать анкету мониторинга");
  const entry = parseRegistry(registryRows(sheet)).find((e) => e.row === row);
  if (!entry?.id)
    throw new UserError(
      `В строке ${row} «${REGISTRY_TITLE}» нет ссылки на таблицу МИП. Вставьте ссылку на таблицу проекта.`,
    );
  const project = entry.organisation || entry.linkText;
  const existing = storedSurveyForms(entry.id);
  if (existing.length > 0) return { forms: existing, existed: true, project };
  let grid;
  try {
    grid = openSchool(entry.id).grid;
  } catch (error) {
    throw new UserError(`Таблицу проекта «${project}» открыть не удалось: ${userMessage(error, "открыть таблицу")}`);
  }
  if (!looksLikeMipWorkbook(grid)) throw new UserError(`Таблица «${project}» — не таблица МИП.`);
  const orgRows = validateWorkbook(grid).workbook.tables.orgs.rows;
  const forms: StoredSurveyForm[] = [];
  for (const set of QUESTION_SETS) {
    const created = createForm(formCreateBody(set));
    const formId = created.formId!;
    updateForm(formId, formItemRequests(set, groupOrganisations(orgRows, set)));
    publishForm(formId, PUBLISH_BODY);
    forms.push({
      group: set.group,
      formId,
      url: created.responderUri ?? `https://docs.google.com/forms/d/${formId}/viewform`,
    });
    keepSurveyForms(entry.id, forms);
  }
  return { forms, existed: false, project };
}

/** Menu item «Комитет → Создать анкету мониторинга». */
export function committeeCreateSurvey(): StoredSurveyForm[] | null {
  const ui = SpreadsheetApp.getUi();
  const tell = (message: string) => ui.alert("МИП-отчёт — комитет", message, ui.ButtonSet.OK);
  try {
    const made = createSurvey(SpreadsheetApp.getActiveSpreadsheet());
    tell(
      [
        made.existed
          ? `Анкеты мониторинга проекта «${made.project}» уже созданы. Ссылки для школ:`
          : `Анкеты мониторинга проекта «${made.project}» созданы и опубликованы. Отправьте ссылки школам:`,
        ...made.forms.map((f) => `${GROUP_NAMES[f.group]}: ${f.url}`),
        "Ответы войдут в справку о реализации проекта: выделите строку проекта в «Реестре» и выберите «Справка о реализации проекта».",
      ].join("\n"),
    );
    return made.forms;
  } catch (error) {
    tell(userMessage(error, "создать анкету мониторинга"));
    return null;
  }
}
