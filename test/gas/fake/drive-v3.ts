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
 * content is imported, if possible»). The fake reads the .docx it is given — page size,
 * margins, orientation, header text and footer fields — so a test can see what the document
 * starts from. How faithfully Drive carries a PAGE field into a Docs page number is not
 * documented: README says so.
 */
import { inflateRawSync } from "node:zlib";
import { type CallCounter } from "./counter.js";
import { FakeDocument, FakeFooter, type FakeDocumentApp } from "./document.js";
import { type DriveItem, FOLDER_MIME, type FakeDrive } from "./drive.js";
import { FakeDrivePermissions } from "./drive-permissions.js";
import { FakeBlob } from "./services.js";
import { type FakeSheetsApi } from "./sheets-api.js";
import { SHEETS_MIME, XLSX_MIME, importXlsx } from "./xlsx-import.js";

export const DOCS_MIME = "application/vnd.google-apps.document";
export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** What a converted .docx shell carried into the new Google Doc. */
export interface Conversion {
  pageWidthPt: number;
  pageHeightPt: number;
  landscape: boolean;
  marginsPt: { top: number; bottom: number; left: number; right: number };
  headerText: string;
  footerFields: string[];
}

/** The entries of a zip archive (stored or deflated), read synchronously. */
export function unzip(bytes: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error("not a zip archive");
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error("broken zip directory");
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

const attr = (xml: string, tag: string, name: string): string | null =>
  new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1] ?? null;
const texts = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");

/** The page set-up, header and footer of a .docx, as Drive's import would see them. */
export function readDocxShell(bytes: Buffer): Conversion {
  const files = unzip(bytes);
  const document = files.get("word/document.xml")?.toString("utf8");
  if (!document)
    throw new Error(
      "GoogleJsonResponseException: API call to drive.files.create failed with " +
        "error: The uploaded file is not a valid .docx (no word/document.xml).",
    );
  const twips = (v: string | null, fallback: number) => (v === null ? fallback : Number(v) / 20);
  const parts = (prefix: string) =>
    [...files.entries()].filter(([n]) => n.startsWith(`word/${prefix}`)).map(([, b]) => b.toString("utf8"));
  const footers = parts("footer").join("");
  const fields = [...footers.matchAll(/w:instr="\s*(\w+)/g), ...footers.matchAll(/<w:instrText[^>]*>\s*(\w+)/g)].map(
    (m) => m[1]!,
  );
  return {
    pageWidthPt: twips(attr(document, "w:pgSz", "w:w"), 612),
    pageHeightPt: twips(attr(document, "w:pgSz", "w:h"), 792),
    landscape: attr(document, "w:pgSz", "w:orient") === "landscape",
    marginsPt: {
      top: twips(attr(document, "w:pgMar", "w:top"), 72),
      bottom: twips(attr(document, "w:pgMar", "w:bottom"), 72),
      left: twips(attr(document, "w:pgMar", "w:left"), 72),
      right: twips(attr(document, "w:pgMar", "w:right"), 72),
    },
    headerText: parts("header").map(texts).join("\n"),
    footerFields: fields,
  };
}

interface FileResource {
  name?: string;
  mimeType?: string;
  parents?: string[];
  appProperties?: Record<string, string>;
}

const apiError = (method: string, message: string) =>
  new Error(`GoogleJsonResponseException: API call to drive.files.${method} failed with error: ${message}`);

/** A Drive v3 search query the add-on writes: `name = '…'`, `'id' in parents`, `mimeType = '…'`, `trashed = false`, joined by `and`. */
function matcher(q: string): (item: DriveItem) => boolean {
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
      tests.push((i) => !i.trashed);
    } else throw apiError("list", `Invalid Value (q: ${q})`);
  }
  return (item) => tests.every((t) => t(item));
}

export class FakeDriveV3 {
  /** What each converted .docx brought into its document, by file id. */
  readonly _conversions = new Map<string, Conversion>();
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
    ): { id: string; name: string; mimeType: string; parents: string[] };
    list(optionalArgs?: { q?: string; pageSize?: number; pageToken?: string; fields?: string }): {
      files: { id: string; name: string; mimeType: string; appProperties?: Record<string, string> }[];
      nextPageToken?: string;
    };
    get(
      id: string,
      optionalArgs?: { fields?: string },
    ): { id: string; name: string; mimeType: string; parents: string[]; trashed: boolean };
  };

  constructor(drive: FakeDrive, documentApp: FakeDocumentApp, counter: CallCounter, sheetsApi?: FakeSheetsApi) {
    const conversions = this._conversions;
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
      trashed: !!item.trashed,
    });
    this.Files = {
      create(resource, blob) {
        counter.hit("Drive.Files.create");
        return counter.paused(() => {
          const parent = resource.parents?.[0] ?? drive.rootId;
          if (!drive._visible(parent)) throw apiError("create", `File not found: ${parent}.`);
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
          if (mimeType === DOCS_MIME) {
            const doc = new FakeDocument(item.id, drive, counter);
            documentApp._documents.set(item.id, doc);
            if (blob) {
              if (blob.getContentType() !== DOCX_MIME)
                throw apiError("create", `Conversion from ${blob.getContentType()} is not supported.`);
              const shell = readDocxShell(Buffer.from(blob.getBytes().map((b) => b & 0xff)));
              conversions.set(item.id, shell);
              const page = doc._body._page;
              Object.assign(page, { width: shell.pageWidthPt, height: shell.pageHeightPt, ...shell.marginsPt });
              if (shell.footerFields.length > 0) {
                doc._footer = new FakeFooter(counter);
                doc._footer.appendParagraph(shell.footerFields.map((f) => `{${f}}`).join(" "));
              }
            }
          }
          return describe(item);
        });
      },
      list(optionalArgs = {}) {
        counter.hit("Drive.Files.list");
        return counter.paused(() => {
          const test = optionalArgs.q ? matcher(optionalArgs.q) : () => true;
          const all = [...drive._files.values()].filter(
            (f) => f.id !== drive.rootId && drive._visible(f.id) && test(f),
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
          if (!item || !drive._visible(id)) throw apiError("get", `File not found: ${id}.`);
          return describe(item);
        });
      },
    };
  }
}
