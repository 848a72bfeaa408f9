/**
 * A PDF beside each Google Doc the add-on makes (the school's report, the committee's справка):
 * Drive exports the Doc to PDF and the PDF is saved in the same folder under the Doc's name
 * with «.pdf». Two Drive calls; drive.file covers both, since the Doc is the add-on's own file.
 * A failed export never costs the Doc: the caller shows the Doc's link and this module's
 * Russian sentence saying why the PDF is missing.
 *
 * Sources:
 * - files.export «Exports a Google Workspace document to the requested MIME type and returns
 *   exported byte content … the exported content is limited to 10 MB»; its scopes include
 *   drive.file (https://developers.google.com/workspace/drive/api/reference/rest/v3/files/export).
 *   A Google Doc exports to application/pdf
 *   (https://developers.google.com/workspace/drive/api/guides/ref-export-formats).
 * - Over the limit Drive answers 403 exportSizeLimitExceeded «This file is too large to be
 *   exported.» (quoted in https://github.com/googleapis/google-api-ruby-client/issues/906);
 *   too many calls, 403 userRateLimitExceeded
 *   (https://developers.google.com/workspace/drive/api/guides/limits).
 * - The Apps Script advanced service refuses an export without `alt: "media"` («Export requires
 *   alt=media to download the exported content»,
 *   https://github.com/brucemcpherson/gas-fakes/issues/117, tracked by Google as
 *   https://issuetracker.google.com/issues/468534237), so the call passes it; `alt` is a
 *   standard parameter of every Google API (https://cloud.google.com/apis/docs/system-parameters).
 *   Google does not document what the call then returns: the module takes a Blob and treats
 *   anything else as a failed export (docs/SCOPES.md).
 * - Files.create with a blob uploads it as the file's content
 *   (https://developers.google.com/workspace/drive/api/guides/manage-uploads); the resource's
 *   mimeType says what it is, so the exported blob needs no renaming call.
 */
import type { drive_v3 } from "@googleapis/drive";
import type { DriveAdvanced } from "./google-api.js";

const PDF_MIME = "application/pdf";

declare const Drive: DriveAdvanced;

/** The PDF saved, or why not (a Russian sentence for the user). */
export type PdfOutcome = { readonly url: string } | { readonly problem: string };

const DOWNLOAD_YOURSELF = "Откройте документ и скачайте PDF из него: «Файл → Скачать → Документ PDF».";

/** Why Drive did not export, in words a user can act on (Apps Script gives Google's English message only). */
function pdfProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/too large to be exported|exportSizeLimitExceeded/i.test(message))
    return `PDF не сохранён: документ больше 10 МБ — Google выгружает в PDF не больше. ${DOWNLOAD_YOURSELF}`;
  if (/rate limit|quota|limit exceeded/i.test(message))
    return (
      "PDF не сохранён: Google Диск временно ограничил число операций. " +
      `${DOWNLOAD_YOURSELF} Или сформируйте документ ещё раз позже.`
    );
  return `PDF не сохранён: Google Диск не выгрузил документ в PDF. ${DOWNLOAD_YOURSELF}`;
}

const isBlob = (value: unknown): value is GoogleAppsScript.Base.Blob =>
  typeof value === "object" && value !== null && typeof (value as { getBytes?: unknown }).getBytes === "function";

/** Exports the Doc `docId` to PDF and saves it in `folderId` as «{name}.pdf». Never throws. */
export function savePdfBeside(docId: string, name: string, folderId: string): PdfOutcome {
  try {
    const pdf = Drive.Files.export(docId, PDF_MIME, { alt: "media" });
    if (!isBlob(pdf)) return { problem: pdfProblem(new Error("export returned no blob")) };
    const resource: drive_v3.Schema$File = { name: `${name}.pdf`, mimeType: PDF_MIME, parents: [folderId] };
    const made = Drive.Files.create(resource, pdf, { fields: "id,webViewLink", supportsAllDrives: true });
    if (!made.id) return { problem: pdfProblem(new Error("no id")) };
    return { url: made.webViewLink ?? `https://drive.google.com/file/d/${made.id}/view` };
  } catch (error) {
    return { problem: pdfProblem(error) };
  }
}

/** The outcome as the report's fields: `pdfUrl`, or `pdfProblem` saying why there is none. */
export function pdfFields(outcome: PdfOutcome): { pdfUrl: string } | { pdfProblem: string } {
  return "url" in outcome ? { pdfUrl: outcome.url } : { pdfProblem: outcome.problem };
}
