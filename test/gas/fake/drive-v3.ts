/**
 * The Drive advanced service (Drive API v3: `Drive.Files.create / list / get`) over the same
 * in-memory Drive as DriveApp, with the `drive.file` rule: the script sees only files and folders
 * it created or that were opened with it; anything else answers «File not found», as the API
 * does for a file the token may not see
 * (https://developers.google.com/workspace/drive/api/guides/api-specific-auth — drive.file:
 * «only the specific Google Drive files you use with this app»).
 *
 * Files.create with a Google Docs mimeType and a .docx blob converts it, as Drive does
 * («Import to Google Docs types»: https://developers.google.com/workspace/drive/api/guides/manage-uploads#import-docs;
 * the File resource's mimeType: «If a file is created with a Google Doc MIME type, the uploaded
 * content is imported, if possible»): the fake imports the .docx it is given into the new
 * document — body, page size, margins, header text and footer fields (docx-import.ts) — so a
 * test reads the Doc the upload made. How faithfully Drive carries a PAGE field into a Docs
 * page number is not documented: docs/SCOPES.md says so.
 *
 * Files.export (Drive's «Exports a Google Workspace document to the requested MIME type and
 * returns exported byte content … limited to 10 MB»,
 * https://developers.google.com/workspace/drive/api/reference/rest/v3/files/export) refuses, as
 * Google does: a file outside drive.file («File not found», as get does); a file that is not a
 * Docs Editors file, 403 fileNotExportable «Export only supports Docs Editors files.» (the
 * error Drive returns, quoted in https://github.com/NastuzziSamy/files_external_gdrive/issues/3
 * in its older wording «… Google Docs.», the current one in
 * https://www.volcengine.com/article/1457983); a format the file does not export to
 * («The requested conversion is not supported.»,
 * https://developers.google.com/workspace/drive/api/guides/ref-export-formats lists a Doc's);
 * content over the limit, 403 exportSizeLimitExceeded «This file is too large to be exported.»
 * (quoted in https://github.com/googleapis/google-api-ruby-client/issues/906); and, in Apps
 * Script, a call without `alt: "media"` («Export requires alt=media to download the exported
 * content», https://github.com/brucemcpherson/gas-fakes/issues/117, Google's tracker
 * https://issuetracker.google.com/issues/468534237). The exported PDF is a Blob holding a small
 * PDF of the document's text (its layout is not rendered: tests read the words).
 */
import { type CallCounter } from "./counter.js";
import { FakeDocument, type FakeDocumentApp } from "./document.js";
import { type Conversion, importDocx } from "./docx-import.js";
import { type DriveItem, FOLDER_MIME, type FakeDrive } from "./drive.js";
import type { FileAccess } from "./file-access.js";
import { FakeDrivePermissions } from "./drive-permissions.js";
import { FakeBlob } from "./services.js";
import { type FakeSheetsApi } from "./sheets-api.js";
import { SHEETS_MIME, XLSX_MIME, importXlsx } from "./xlsx-import.js";
import { ApiRefusal } from "./api-schema/validate.js";

export const DOCS_MIME = "application/vnd.google-apps.document";
export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const PDF_MIME = "application/pdf";

/** Google's limit on what files.export returns: 10 MB. */
export const EXPORT_LIMIT_BYTES = 10 * 1024 * 1024;

/** Docs Editors types (https://developers.google.com/workspace/drive/api/guides/mime-types). */
const EDITORS_MIMES = new Set([
  DOCS_MIME,
  SHEETS_MIME,
  "application/vnd.google-apps.presentation",
  "application/vnd.google-apps.drawing",
]);

/** What a Google Doc exports to (https://developers.google.com/workspace/drive/api/guides/ref-export-formats). */
const DOC_EXPORTS = new Set([
  DOCX_MIME,
  "application/vnd.oasis.opendocument.text",
  "application/rtf",
  PDF_MIME,
  "text/plain",
  "application/zip",
  "application/epub+zip",
  "text/markdown",
]);

/** A one-page PDF carrying `text` (enough for a test to find the document's words in it). */
function pdfOf(text: string): Buffer {
  const escaped = text.replace(/[\\()]/g, (c) => `\\${c}`).replace(/\r?\n/g, ") Tj T* (");
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nBT (${escaped}) Tj ET\n%%EOF\n`, "utf8");
}

export type { Conversion };

interface FileResource {
  name?: string;
  mimeType?: string;
  parents?: string[];
  appProperties?: Record<string, string>;
}

const apiError = (method: string, message: string) =>
  new Error(`GoogleJsonResponseException: API call to drive.files.${method} failed with error: ${message}`);

/**
 * File.trashed: «Whether the file has been trashed, either explicitly or from a trashed parent
 * folder» (https://developers.google.com/workspace/drive/api/reference/rest/v3/files#File).
 */
function inBin(drive: FakeDrive, item: DriveItem, seen = new Set<string>()): boolean {
  if (item.trashed) return true;
  if (seen.has(item.id)) return false;
  seen.add(item.id);
  return item.parents.some((p) => {
    const parent = drive._files.get(p);
    return !!parent && inBin(drive, parent, seen);
  });
}

/** A Drive v3 search query the add-on writes: `name = '…'`, `'id' in parents`, `mimeType = '…'`, `trashed = false`, joined by `and`. */
function matcher(q: string, trashed: (item: DriveItem) => boolean): (item: DriveItem) => boolean {
  const tests: ((item: DriveItem) => boolean)[] = [];
  const unquote = (s: string) => s.slice(1, -1).replace(/\\(['\\])/g, "$1");
  const QUOTED = String.raw`'(?:[^'\\]|\\.)*'`;
  for (const clause of q.split(/\s+and\s+/i)) {
    const c = clause.trim();
    let m: RegExpExecArray | null;
    if ((m = new RegExp(`^name\\s*=\\s*(${QUOTED})$`).exec(c))) {
      const name = unquote(m[1]!);
      tests.push((i) => i.name === name);
    } else if ((m = new RegExp(`^(${QUOTED})\\s+in\\s+parents$`).exec(c))) {
      const parent = unquote(m[1]!);
      tests.push((i) => i.parents.includes(parent));
    } else if ((m = new RegExp(`^mimeType\\s*(!?=)\\s*(${QUOTED})$`).exec(c))) {
      const [op, mime] = [m[1]!, unquote(m[2]!)];
      tests.push((i) => (op === "=" ? i.mimeType === mime : i.mimeType !== mime));
    } else if (/^trashed\s*=\s*false$/.test(c)) {
      tests.push((i) => !trashed(i));
    } else throw apiError("list", `Invalid Value (q: ${q})`);
  }
  return (item) => tests.every((t) => t(item));
}

export class FakeDriveV3 {
  /** The drive.file rule per file (file-access.ts), installed by createFakeServices. */
  _access: FileAccess | null = null;
  /** What each converted .docx brought into its document, by file id. */
  readonly _conversions = new Map<string, Conversion>();
  /** The bytes each converted upload carried, by file id (tests unzip them). */
  readonly _uploads = new Map<string, Buffer>();
  /** The content of each file created from a blob without conversion (a PDF), by file id. */
  readonly _contents = new Map<string, Buffer>();
  /** The largest export Drive returns (a test lowers it to stand for a huge document). */
  _exportLimitBytes = EXPORT_LIMIT_BYTES;
  /**
   * appProperties by file id: «private to the requesting app», ≤ 124 bytes per key + value
   * (https://developers.google.com/workspace/drive/api/guides/properties).
   */
  readonly _appProperties = new Map<string, Record<string, string>>();
  /**
   * Files the add-on may still create before Drive answers 403 userRateLimitExceeded (null: no
   * limit; https://developers.google.com/workspace/drive/api/guides/limits).
   */
  _createsLeft: number | null = null;
  readonly Permissions: FakeDrivePermissions;
  readonly Files: {
    create(
      resource: FileResource,
      blob?: FakeBlob | null,
      optionalArgs?: object,
    ): { id: string; name: string; mimeType: string; parents: string[]; webViewLink: string };
    list(optionalArgs?: { q?: string; pageSize?: number; pageToken?: string; fields?: string }): {
      files: { id: string; name: string; mimeType: string; appProperties?: Record<string, string> }[];
      nextPageToken?: string;
    };
    get(
      id: string,
      optionalArgs?: { fields?: string },
    ): { id: string; name: string; mimeType: string; parents: string[]; trashed: boolean };
    export(fileId: string, mimeType: string, optionalArgs?: { alt?: string }): FakeBlob;
  };

  constructor(drive: FakeDrive, documentApp: FakeDocumentApp, counter: CallCounter, sheetsApi?: FakeSheetsApi) {
    const conversions = this._conversions;
    // Per file under drive.file (file-access.ts); without the rule installed, the fake Drive's own visibility.
    const reaches = (method: string, id: string) =>
      drive._files.has(id) && (this._access ? this._access.reaches(method, id) : drive._visible(id));
    const uploads = this._uploads;
    const contents = this._contents;
    const exportLimit = () => this._exportLimitBytes;
    const appProperties = this._appProperties;
    this.Permissions = new FakeDrivePermissions(drive, counter);
    const quota = () => {
      if (this._createsLeft === null) return;
      if (this._createsLeft <= 0) throw apiError("create", "User rate limit exceeded. (userRateLimitExceeded)");
      this._createsLeft--;
    };
    const describe = (item: DriveItem) => ({
      id: item.id,
      name: item.name,
      mimeType: item.mimeType,
      parents: [...item.parents],
      trashed: inBin(drive, item),
      // The File resource's webViewLink: «A link for opening the file in a relevant Google editor
      // or viewer in a browser» (https://developers.google.com/workspace/drive/api/reference/rest/v3/files#File).
      webViewLink: item.folder
        ? `https://drive.google.com/drive/folders/${item.id}`
        : item.mimeType === DOCS_MIME
          ? `https://docs.google.com/document/d/${item.id}/edit?usp=drivesdk`
          : `https://drive.google.com/file/d/${item.id}/view?usp=drivesdk`,
    });
    this.Files = {
      create(resource, blob) {
        counter.hit("Drive.Files.create");
        return counter.paused(() => {
          const parent = resource.parents?.[0] ?? drive.rootId;
          if (!reaches("Drive.Files.create", parent)) throw apiError("create", `File not found: ${parent}.`);
          const mimeType = resource.mimeType ?? blob?.getContentType() ?? "application/octet-stream";
          for (const [key, value] of Object.entries(resource.appProperties ?? {}))
            if (Buffer.byteLength(key + value, "utf8") > 124)
              throw apiError("create", `The property ${key} exceeds the maximum size of 124 bytes.`);
          if (mimeType === SHEETS_MIME && blob && blob.getContentType() !== XLSX_MIME)
            throw apiError("create", `Conversion from ${blob.getContentType()} is not supported.`);
          quota();
          const item = drive._createFile(resource.name ?? "Untitled", mimeType, parent);
          if (resource.appProperties) appProperties.set(item.id, { ...resource.appProperties });
          if (mimeType === SHEETS_MIME && sheetsApi) {
            const bytes = blob ? Buffer.from(blob.getBytes().map((b) => b & 0xff)) : null;
            const ss = bytes ? importXlsx(bytes, item.id, item.name, counter) : null;
            if (ss) sheetsApi._spreadsheets.set(item.id, ss);
          }
          if (mimeType === FOLDER_MIME) item.folder = true;
          if (blob && mimeType !== DOCS_MIME && mimeType !== SHEETS_MIME && mimeType !== FOLDER_MIME)
            contents.set(item.id, Buffer.from(Int8Array.from(blob.getBytes()).buffer));
          if (mimeType === DOCS_MIME) {
            const doc = new FakeDocument(item.id, drive, counter);
            documentApp._documents.set(item.id, doc);
            try {
              if (blob && blob.getContentType() !== DOCX_MIME)
                throw apiError("create", `Conversion from ${blob.getContentType()} is not supported.`);
              if (blob) {
                const bytes = Buffer.from(Int8Array.from(blob.getBytes()).buffer);
                conversions.set(item.id, importDocx(bytes, doc, counter));
                uploads.set(item.id, bytes);
              }
            } catch (error) {
              // A failed upload leaves no file behind.
              drive._files.delete(item.id);
              documentApp._documents.delete(item.id);
              throw error;
            }
          }
          return describe(item);
        });
      },
      list(optionalArgs = {}) {
        counter.hit("Drive.Files.list");
        return counter.paused(() => {
          const test = optionalArgs.q ? matcher(optionalArgs.q, (i) => inBin(drive, i)) : () => true;
          const all = [...drive._files.values()].filter(
            (f) => f.id !== drive.rootId && reaches("Drive.Files.list", f.id) && test(f),
          );
          const size = Math.min(optionalArgs.pageSize ?? 100, 1000);
          const from = Number(optionalArgs.pageToken ?? 0);
          const page = all.slice(from, from + size).map((f) => ({
            id: f.id,
            name: f.name,
            mimeType: f.mimeType,
            ...(appProperties.has(f.id) ? { appProperties: { ...appProperties.get(f.id)! } } : {}),
          }));
          return from + size < all.length ? { files: page, nextPageToken: String(from + size) } : { files: page };
        });
      },
      get(id) {
        counter.hit("Drive.Files.get");
        return counter.paused(() => {
          const item = drive._files.get(id);
          if (!item || !reaches("Drive.Files.get", id)) throw apiError("get", `File not found: ${id}.`);
          return describe(item);
        });
      },
      export(fileId, mimeType, optionalArgs = {}) {
        counter.hit("Drive.Files.export");
        return counter.paused(() => {
          if (optionalArgs.alt !== "media")
            throw new ApiRefusal(
              "GoogleJsonResponseException: API call to drive.files.export failed with error: " +
                "Export requires alt=media to download the exported content.",
            );
          const item = drive._files.get(fileId);
          if (!item || !reaches("Drive.Files.export", fileId)) throw apiError("export", `File not found: ${fileId}.`);
          if (!EDITORS_MIMES.has(item.mimeType)) throw apiError("export", "Export only supports Docs Editors files.");
          if (item.mimeType !== DOCS_MIME || !DOC_EXPORTS.has(mimeType))
            throw apiError("export", "The requested conversion is not supported.");
          if (mimeType !== PDF_MIME) throw apiError("export", `fake: export to ${mimeType} is not modelled`);
          const doc = documentApp._documents.get(fileId);
          const bytes = pdfOf(doc ? doc._body.getText() : "");
          if (bytes.length > exportLimit()) throw apiError("export", "This file is too large to be exported.");
          return new FakeBlob(
            [...new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length)],
            PDF_MIME,
            null,
            counter,
          );
        });
      },
    };
  }
}
