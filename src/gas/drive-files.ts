/**
 * Documents and folders under the drive.file scope, through the Drive advanced service (v3):
 * DriveApp needs the full drive scope for every method, and DocumentApp the documents scope
 * (sensitive); drive.file lets the add-on see and change only what it created (or what was
 * opened with it). So the add-on makes its own folder «Отчёты МИП», lists only that folder to
 * find a free name, and creates each report by uploading the whole report as a .docx that
 * Drive converts into a Google Doc — a handful of calls however long the report is.
 *
 * Sources:
 * - Files.create with a Google Docs mimeType imports the upload: «Import to Google Docs types»
 *   https://developers.google.com/workspace/drive/api/guides/manage-uploads#import-docs
 *   (a .docx → application/vnd.google-apps.document; the File resource's mimeType: «If a file is
 *   created with a Google Doc MIME type, the uploaded content is imported, if possible»
 *   https://developers.google.com/workspace/drive/api/reference/rest/v3/files#File).
 * - Utilities.newBlob(data, contentType, name): a Blob from a string
 *   https://developers.google.com/apps-script/reference/utilities/utilities#newBlob(String,String,String)
 * - Utilities.zip(blobs, name): «a new Blob object that is a zip file containing the data from
 *   the Blobs passed in» https://developers.google.com/apps-script/reference/utilities/utilities#zip(BlobSource,String)
 * - Blob.setContentType: https://developers.google.com/apps-script/reference/base/blob#setContentType(String)
 * - File.webViewLink, «A link for opening the file in a relevant Google editor or viewer in a browser»
 *   https://developers.google.com/workspace/drive/api/reference/rest/v3/files#File
 */
import type { drive_v3 } from "@googleapis/drive";
import { DOCX_MIME, type PackagePart } from "./docx-package.js";
import { UserError } from "./errors.js";
import type { DriveAdvanced } from "./google-api.js";

const FOLDER_MIME = "application/vnd.google-apps.folder";
const DOCS_MIME = "application/vnd.google-apps.document";

declare const Drive: DriveAdvanced | undefined;

/** The Drive advanced service, or a Russian explanation of how to turn it on. */
function drive(): DriveAdvanced {
  if (typeof Drive === "undefined" || !Drive)
    throw new UserError(
      "Не включена расширенная служба Google Drive: в редакторе " +
        "Apps Script откройте «Службы» и добавьте Drive API (v3).",
    );
  return Drive;
}

/** A value inside a Drive query string: backslash and quote escaped. */
function queryLiteral(text: string): string {
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

/** A folder the add-on may use (it created it, or it was opened with the add-on); false for anything else. */
export function folderReachable(id: string): boolean {
  try {
    const file = drive().Files.get(id, { fields: "id,mimeType,trashed", supportsAllDrives: true });
    return file.mimeType === FOLDER_MIME && !file.trashed;
  } catch {
    return false;
  }
}

/** Names of the files in a folder the add-on can see (all pages of one listing). */
export function namesInFolder(folderId: string): Set<string> {
  const names = new Set<string>();
  let pageToken: string | undefined;
  do {
    const page = drive().Files.list({
      q: `${queryLiteral(folderId)} in parents and trashed = false`,
      fields: "nextPageToken,files(name)",
      pageSize: 1000,
      supportsAllDrives: true,
      includeItemsFromAllDrives: true,
      ...(pageToken ? { pageToken } : {}),
    });
    for (const f of page.files ?? []) if (f.name) names.add(f.name);
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return names;
}

export const OWN_FOLDER_NAME = "Отчёты МИП";
const OWN_FOLDER_KEY = "mip.ownReportFolder";

/**
 * The add-on's own report folder: the one it made before (its id remembered in the user's
 * properties, found wherever the user moved it), else a new «Отчёты МИП» in «Мой диск».
 */
export function ownFolderId(): string {
  const props = PropertiesService.getUserProperties();
  const known = props.getProperty(OWN_FOLDER_KEY);
  if (known && folderReachable(known)) return known;
  const made = drive().Files.create({ name: OWN_FOLDER_NAME, mimeType: FOLDER_MIME }, null, {
    fields: "id",
    supportsAllDrives: true,
  });
  if (!made.id) throw new Error("Drive не вернул идентификатор созданной папки");
  props.setProperty(OWN_FOLDER_KEY, made.id);
  return made.id;
}

export interface ReportDocumentRequest {
  readonly name: string;
  readonly folderId: string;
  /** The report's .docx, part by part (docx-package.ts). */
  readonly parts: readonly PackagePart[];
}

export interface CreatedDocument {
  readonly id: string;
  readonly url: string;
}

/**
 * The one way the add-on makes a Google Doc (the school's report and the committee's
 * documents): the package zipped into a .docx, uploaded into `folderId` and converted by Drive.
 */
export function createReportDocument(request: ReportDocumentRequest): CreatedDocument {
  const blobs = request.parts.map((part) => Utilities.newBlob(part.text, "application/xml", part.name));
  const docx = Utilities.zip(blobs, `${request.name}.docx`).setContentType(DOCX_MIME);
  const resource: drive_v3.Schema$File = { name: request.name, mimeType: DOCS_MIME, parents: [request.folderId] };
  const made = drive().Files.create(resource, docx, { fields: "id,webViewLink", supportsAllDrives: true });
  if (!made.id) throw new Error("Drive не вернул идентификатор созданного документа");
  return { id: made.id, url: made.webViewLink ?? `https://docs.google.com/document/d/${made.id}/edit` };
}
