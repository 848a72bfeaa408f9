/**
 * «Сформировать «Сводку по МИП»»: the registry digest is built from the digests stored in the Свод rows
 * (no school is re-opened, so it takes seconds for 1,000 schools) and rendered by the same
 * Google Docs renderer as the school report, into the add-on's «Отчёты МИП» folder under a
 * name that never replaces an existing document.
 */
import { type SchoolRecord, buildSummaryDoc, SUMMARY_TITLE } from "../../core/committee/index.js";
import { UserError } from "../errors.js";
import { ownFolderId } from "../drive-files.js";
import { makeDocument } from "../report.js";
import { readStoredRows } from "./dashboard.js";
import { readCommitteeSettings } from "./settings.js";

export interface SummaryDocument {
  url: string;
  name: string;
  schools: number;
  /** What the document's layout lacks when Google refused it (a Russian sentence), else null. */
  layoutMissing: string | null;
}

export function makeSummaryDocument(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): SummaryDocument {
  const sheet = ss.getSheetByName(SUMMARY_TITLE);
  if (!sheet)
    throw new UserError(
      "Нет вкладки «Свод». Выберите в меню дополнения «Создать " +
        "вкладки «Реестр» и «Свод»», заполните реестр и обновите свод.",
    );
  const records: SchoolRecord[] = readStoredRows(sheet).flatMap((row) => (row ? [row.record] : []));
  if (records.length === 0)
    throw new UserError("Свод пуст. Заполните «Реестр» и выберите в меню дополнения «Обновить свод».");
  const today = Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), "yyyy-MM-dd");
  const model = buildSummaryDoc(records, { date: today, signer: readCommitteeSettings(ss).signer });
  const { url, name, layoutMissing } = makeDocument(model, ownFolderId());
  return { url, name, schools: records.length, layoutMissing };
}
