/**
 * The drive.file rule, per file, for every advanced-service call that names a file (Drive API
 * v3, Docs API v1, Sheets API v4): when the scopes a deployment was granted reach a method only
 * through drive.file, the call reaches only a file the app created or that was opened with it;
 * any other file is refused with the API's own answer. A broader scope that the method accepts
 * (documents, spreadsheets.readonly, drive, …) reaches every file the user may open.
 *
 * Sources:
 * - drive.file: «See, edit, create, and delete only the specific Google Drive files you use with
 *   this app» — the app's own files and the ones the user opened or shared with it
 *   (https://developers.google.com/workspace/drive/api/guides/api-specific-auth,
 *   https://developers.google.com/workspace/sheets/api/scopes,
 *   https://developers.google.com/workspace/docs/api/auth). Each REST method's «Authorization
 *   scopes» list says which scopes it accepts (scopes.ts METHOD_SCOPES).
 * - A file the user chooses in the Google Picker is granted to the app under drive.file
 *   («Users can grant permission to your apps to access their Drive data»,
 *   https://developers.google.com/workspace/drive/picker/guides/web-picker); tests model it as a
 *   granted item (FakeDrive._addUserItem({ granted: true })).
 * - The file an editor add-on runs in: the fake counts it as opened with the app
 *   (index.ts grants it). Google documents an explicit request for it in Workspace add-ons
 *   (CardService «requestFileScopeForActiveDocument»: «Requests the drive.file scope for the
 *   current active Editor document»,
 *   https://developers.google.com/apps-script/reference/card-service/editor-file-scope-action-response-builder),
 *   so the add-on does not rely on it: it never calls the REST APIs on its own spreadsheet.
 * - The refusal: Drive answers 404 notFound «File not found: {fileId}.» when «the user doesn't
 *   have read access to a file» (https://developers.google.com/workspace/drive/api/guides/handle-errors#resolve_a_404_error_file_not_found).
 *   The Docs and Sheets references do not spell out their answer for a file outside drive.file;
 *   the fake gives Google's standard PERMISSION_DENIED (403) text, «The caller does not have
 *   permission» (https://cloud.google.com/apis/design/errors), the same text
 *   Sheets gives for a spreadsheet the user may not open ({"code": 403, "message": "The caller
 *   does not have permission", "status": "PERMISSION_DENIED"}, quoted in
 *   https://github.com/gglukmann/use-google-sheets/issues/37).
 */
import type { FakeDrive } from "./drive.js";
import { type Platform, SCOPE, restName, ruleFor } from "./scopes.js";

/** Google's answer to a call on a file the token may not reach, in the Apps Script advanced-service wording. */
export function fileRefusal(method: string, fileId: string): Error {
  const message = method.startsWith("Drive.") ? `File not found: ${fileId}.` : "The caller does not have permission";
  return new Error(`GoogleJsonResponseException: API call to ${restName(method)} failed with error: ${message}`);
}

export class FileAccess {
  /** Every refusal made, as [method, fileId], for tests that assert one happened. */
  readonly refused: [string, string][] = [];

  constructor(
    private readonly drive: FakeDrive,
    private readonly platform: Platform,
  ) {}

  /**
   * True when the granted scopes reach `method` only through drive.file (a test environment
   * with every scope granted, `scopes: null`, counts as drive.file alone: the narrowest reading).
   */
  perFile(method: string): boolean {
    const rule = ruleFor(method);
    if (!rule) return true;
    const scopes = this.platform.scopes;
    if (!scopes) return true;
    return !rule.scopes.some((s) => s !== SCOPE.driveFile && scopes.has(s));
  }

  /** May `method` reach `fileId`? (The app's own files and those granted to it always; others only through a broader scope.) */
  reaches(method: string, fileId: string): boolean {
    if (!this.perFile(method)) return true;
    return this.drive._visible(fileId);
  }

  /** Throws the API's refusal when `method` may not reach `fileId`. */
  check(method: string, fileId: string): void {
    if (this.reaches(method, fileId)) return;
    this.refused.push([method, fileId]);
    throw fileRefusal(method, fileId);
  }
}
