/**
 * What reading and counting the answers found: a cell that cannot be read, a question whose
 * column is missing, a respondent left out. Errors make the справка a draft (it is still made);
 * every finding is listed in the draft's appendix and by `mip spravka`.
 */
import type { Severity } from "../issues.js";

export interface SurveyFinding {
  readonly severity: Severity;
  /** The responses file and sheet, as the user knows them («Ответы.xlsx, лист «Ответы на форму (1)»»). */
  readonly source: string;
  /** 1-based sheet row, null for the whole sheet. */
  readonly row: number | null;
  /** The column's header, null when no column is meant. */
  readonly column: string | null;
  /** Russian: what is wrong and what happened to the answer. */
  readonly message: string;
}
