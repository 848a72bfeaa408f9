/**
 * One pages case per report form (REPORT_FORMS): the sample workbook filled in that form, its
 * report date, and the form's wording as the specification gives it. The pages test
 * (forms-pdf.test.ts) draws every form through this record; test/report/form-steps.test.ts fails
 * while a form has none, so a new form cannot miss its pages test.
 */
import type { WorkbookGrid } from "../../src/core/grid.js";
import type { IsoDate } from "../../src/core/terms/index.js";
import { sampleGrid, sampleReportDate } from "../../src/demo/sample.js";
import { novokuznetskReportDate, novokuznetskSampleGrid } from "../../src/demo/sample-novokuznetsk.js";
import { type FormWording, KIROVSKY_WORDING, NOVOKUZNETSK_WORDING } from "./form-wording.js";

export interface FormCase {
  readonly grid: () => WorkbookGrid;
  readonly today: IsoDate;
  readonly wording: FormWording;
}

/** By form id (FormDefinition.id). */
export const FORM_CASES: Readonly<Record<string, FormCase>> = {
  kirovsky: { grid: sampleGrid, today: sampleReportDate, wording: KIROVSKY_WORDING },
  novokuznetsk: { grid: novokuznetskSampleGrid, today: novokuznetskReportDate, wording: NOVOKUZNETSK_WORDING },
};
