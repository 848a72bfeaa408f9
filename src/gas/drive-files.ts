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
 * - Utilities.newBlob(data, contentType, name): «Create a new Blob object from a byte array,
 *   content type, and name» — the .docx's bytes, zipped in JavaScript (src/core/zip-write.ts), in
 *   one call https://developers.google.com/apps-script/reference/utilities/utilities#newBlob(Byte,String,String)
 * - A parent the add-on may not see answers 404 «File not found: {fileId}»
 *   https://developers.google.com/workspace/drive/api/guides/handle-errors#resolve_a_404_error_file_not_found
 * - File.trashed: «Whether the file has been trashed, either explicitly or from a trashed parent
 *   folder» https://developers.google.com/workspace/drive/api/reference/rest/v3/files#File — so a
 *   folder in the bin lists no untrashed file (`trashed = false`), which namesInFolder relies on
 * - File.webViewLink, «A link for opening the file in a relevant Google editor or viewer in a browser»
 *   https://developers.google.com/workspace/drive/api/reference/rest/v3/files#File
 */
import type { drive_v3 } from "@googleapis/drive";
import { signedBytes, zipParts } from "../core/zip-write.js";
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

/**
 * Names of the files in a folder the add-on can see (all pages of one listing). A folder in the
 * bin has none (its files count as trashed), nor has one the add-on may not see: an empty answer
 * is checked with folderReachable before the folder is used.
 */
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

/** Drive's 404 for `id`: the folder is gone, or the add-on may not see it (drive.file). */
export function isNotFound(error: unknown, id: string): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return message.includes(`File not found: ${id}`);
}

/**
 * The report folder in «Настройки» or the add-on's own, and the names already in it; null when
 * the add-on cannot use that folder. An empty listing is the one case that needs a second look
 * (a new folder, or one in the bin, gone, or closed to the add-on): folderReachable.
 */
export function usableFolder(folderId: string): Set<string> | null {
  const names = namesInFolder(folderId);
  if (names.size === 0 && !folderReachable(folderId)) return null;
  return names;
}

/**
 * The one way the add-on makes a Google Doc (the school's report and the committee's
 * documents): the package zipped into a .docx, uploaded into `folderId` and converted by Drive.
 */
export function createReportDocument(request: ReportDocumentRequest): CreatedDocument {
  const docx = Utilities.newBlob(signedBytes(zipParts(request.parts)), DOCX_MIME, `${request.name}.docx`);
  const resource: drive_v3.Schema$File = { name: request.name, mimeType: DOCS_MIME, parents: [request.folderId] };
  const made = drive().Files.create(resource, docx, { fields: "id,webViewLink", supportsAllDrives: true });
  if (!made.id) throw new Error("Drive не вернул идентификатор созданного документа");
  return { id: made.id, url: made.webViewLink ?? `https://docs.google.com/document/d/${made.id}/edit` };
}
