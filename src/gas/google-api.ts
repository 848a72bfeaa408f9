/**
 * The advanced services the add-on calls (Drive v3, Docs v1, Sheets v4), typed with Google's own
 * generated definitions (@googleapis/drive, /docs, /sheets — types only, nothing of them is
 * bundled): a request body, a query parameter or a field Google does not define is a compile
 * error. Apps Script passes a method's body first, then its path parameters, then the upload, then
 * the query parameters as one object
 * (https://developers.google.com/apps-script/guides/services/advanced#how_method_signatures_are_determined).
 */
import type { docs_v1 } from "@googleapis/docs";
import type { drive_v3 } from "@googleapis/drive";
import type { sheets_v4 } from "@googleapis/sheets";

/** A REST method's parameters as Apps Script's last argument: no body, upload, client auth or path parameters. */
type QueryOf<P, Path extends keyof P = never> = Omit<P, "requestBody" | "media" | "auth" | Path>;

export type SheetsRequest = sheets_v4.Schema$Request;
export type SheetsCellData = sheets_v4.Schema$CellData;
export type DocsRequest = docs_v1.Schema$Request;

export interface DriveAdvanced {
  Files: {
    create(
      resource: drive_v3.Schema$File,
      blob: GoogleAppsScript.Base.Blob | null,
      optionalArgs?: QueryOf<drive_v3.Params$Resource$Files$Create>,
    ): drive_v3.Schema$File;
    list(optionalArgs: QueryOf<drive_v3.Params$Resource$Files$List>): drive_v3.Schema$FileList;
    get(id: string, optionalArgs?: QueryOf<drive_v3.Params$Resource$Files$Get, "fileId">): drive_v3.Schema$File;
    /** The file's content in `mimeType`; Apps Script needs `{ alt: "media" }` (report-pdf.ts). */
    export(
      fileId: string,
      mimeType: string,
      optionalArgs?: QueryOf<drive_v3.Params$Resource$Files$Export, "fileId" | "mimeType">,
    ): unknown;
  };
  Permissions: {
    create(
      resource: drive_v3.Schema$Permission,
      fileId: string,
      optionalArgs?: QueryOf<drive_v3.Params$Resource$Permissions$Create, "fileId">,
    ): drive_v3.Schema$Permission;
    list(
      fileId: string,
      optionalArgs?: QueryOf<drive_v3.Params$Resource$Permissions$List, "fileId">,
    ): drive_v3.Schema$PermissionList;
  };
}

export interface DocsAdvanced {
  Documents: {
    get(
      documentId: string,
      optionalArgs?: QueryOf<docs_v1.Params$Resource$Documents$Get, "documentId">,
    ): docs_v1.Schema$Document;
    batchUpdate(
      resource: docs_v1.Schema$BatchUpdateDocumentRequest,
      documentId: string,
    ): docs_v1.Schema$BatchUpdateDocumentResponse;
  };
}

export interface SheetsAdvanced {
  Spreadsheets: {
    get(
      spreadsheetId: string,
      optionalArgs?: QueryOf<sheets_v4.Params$Resource$Spreadsheets$Get, "spreadsheetId">,
    ): sheets_v4.Schema$Spreadsheet;
    batchUpdate(
      resource: sheets_v4.Schema$BatchUpdateSpreadsheetRequest,
      spreadsheetId: string,
    ): sheets_v4.Schema$BatchUpdateSpreadsheetResponse;
    Values: {
      batchGet(
        spreadsheetId: string,
        optionalArgs: QueryOf<sheets_v4.Params$Resource$Spreadsheets$Values$Batchget, "spreadsheetId">,
      ): sheets_v4.Schema$BatchGetValuesResponse;
    };
  };
}
