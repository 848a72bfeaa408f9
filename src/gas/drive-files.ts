/**
 * Documents and folders under the drive.file scope, through the Drive advanced service (v3):
 * DriveApp needs the full drive scope for every method, drive.file lets the add-on see and
 * change only what it created (or what was opened with it). So the add-on makes its own folder
 * «Отчёты МИП», lists only that folder to find a free name, and creates each report by uploading
 * a small .docx shell (A4, margins, a page-number footer, «ЧЕРНОВИК» in a draft's header) that
 * Drive converts into a Google Doc; the report is then rendered into that document's body.
 */
import { UserError } from "./errors.js";
import type { DriveAdvanced } from "./google-api.js";

/** The .docx shells built into the bundle by scripts/build.mjs (base64). */
declare const __MIP_DOCX_SHELLS__:
  { portrait: string; landscape: string; portraitDraft: string; landscapeDraft: string } | undefined;

const FOLDER_MIME = "application/vnd.google-apps.folder";
const DOCS_MIME = "application/vnd.google-apps.document";
const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

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
export function queryLiteral(text: string): string {
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
  readonly landscape: boolean;
  readonly draft: boolean;
}

export interface CreatedDocument {
  readonly id: string;
  readonly url: string;
  /** The new document, open for rendering (its id and link are read already). */
  readonly document: GoogleAppsScript.Document.Document;
}

function shellBase64(landscape: boolean, draft: boolean): string {
  const shells = typeof __MIP_DOCX_SHELLS__ === "undefined" ? undefined : __MIP_DOCX_SHELLS__;
  if (!shells) throw new Error("в сборке нет заготовок .docx (scripts/docx-shell.mjs)");
  return landscape
    ? draft
      ? shells.landscapeDraft
      : shells.landscape
    : draft
      ? shells.portraitDraft
      : shells.portrait;
}

/**
 * The one way the add-on makes a Google Doc (the school's report and the committee's
 * documents): the .docx shell uploaded into `folderId` and converted by Drive, then opened with
 * DocumentApp for rendering. The caller renders, then saveAndClose()s.
 */
export function createReportDocument(request: ReportDocumentRequest): CreatedDocument {
  const blob = Utilities.newBlob(
    Utilities.base64Decode(shellBase64(request.landscape, request.draft)),
    DOCX_MIME,
    `${request.name}.docx`,
  );
  const made = drive().Files.create({ name: request.name, mimeType: DOCS_MIME, parents: [request.folderId] }, blob, {
    fields: "id",
    supportsAllDrives: true,
  });
  if (!made.id) throw new Error("Drive не вернул идентификатор созданного документа");
  const document = DocumentApp.openById(made.id);
  return { id: made.id, url: document.getUrl(), document };
}
