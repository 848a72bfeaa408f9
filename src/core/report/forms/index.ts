/**
 * The report forms the product knows, in the order of Настройки → «Форма отчёта». Adding a
 * region's form = one more definition here and its name in ENUMS.reportForm (schema.ts);
 * the builder does not change.
 */
import { ENUMS } from "../../schema.js";
import type { Workbook } from "../../workbook.js";
import { enumValue } from "../read.js";
import type { FormDefinition } from "./engine.js";
import { KIROVSKY } from "./kirovsky.js";
import { NOVOKUZNETSK } from "./novokuznetsk.js";

export const REPORT_FORMS: readonly FormDefinition[] = [KIROVSKY, NOVOKUZNETSK];

/** The default form (the first of the dropdown list). */
export const DEFAULT_FORM: FormDefinition = REPORT_FORMS.find((form) => form.name === ENUMS.reportForm[0])!;

/** The form named in Настройки; an empty or unknown value is the default (the validator reports an unknown one). */
export function formOf(wb: Workbook): FormDefinition {
  const name = enumValue(wb.kv.settings?.fields.report_form?.value ?? null, "reportForm");
  return REPORT_FORMS.find((form) => form.name === name) ?? DEFAULT_FORM;
}

export { KIROVSKY, NOVOKUZNETSK };
export type { FormDefinition } from "./engine.js";
