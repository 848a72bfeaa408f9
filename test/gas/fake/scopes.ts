/**
 * What Google checks before a service call, in one place: the OAuth scopes each method needs
 * (from the method's own reference page, «Authorization» section), the authorisation mode a
 * trigger runs in, and the messages Apps Script answers with. The fake's CallCounter asks
 * `Platform.check` before every counted call, so a bundle calling something its pushed manifest
 * does not cover fails here as it would in Google — and a call missing from this table fails
 * too (the table must know every method the code calls).
 */
import { readFileSync } from "node:fs";

const AUTH = "https://www.googleapis.com/auth/";
export const SCOPE = {
  spreadsheets: `${AUTH}spreadsheets`,
  spreadsheetsReadonly: `${AUTH}spreadsheets.readonly`,
  spreadsheetsCurrentonly: `${AUTH}spreadsheets.currentonly`,
  containerUi: `${AUTH}script.container.ui`,
  scriptapp: `${AUTH}script.scriptapp`,
  documents: `${AUTH}documents`,
  documentsReadonly: `${AUTH}documents.readonly`,
  drive: `${AUTH}drive`,
  driveReadonly: `${AUTH}drive.readonly`,
  driveFile: `${AUTH}drive.file`,
  driveMetadata: `${AUTH}drive.metadata`,
  driveMetadataReadonly: `${AUTH}drive.metadata.readonly`,
  driveAppdata: `${AUTH}drive.appdata`,
  externalRequest: `${AUTH}script.external_request`,
} as const;

/** Drive scopes Google calls restricted: publishing an app that asks for one needs a security assessment. */
export const RESTRICTED_SCOPES: readonly string[] = [
  SCOPE.drive,
  SCOPE.driveReadonly,
  SCOPE.driveMetadata,
  SCOPE.driveMetadataReadonly,
];
// https://developers.google.com/workspace/drive/api/guides/api-specific-auth («Drive API scopes»: drive,
// drive.readonly, drive.metadata, drive.metadata.readonly… are Restricted; drive.file is Recommended, non-sensitive).

/**
 * Scopes Google classes as sensitive: an app that asks for one needs Google's OAuth verification
 * before users outside its developer's account may use it, and a Workspace administrator must
 * trust it. spreadsheets and spreadsheets.readonly: «Sensitive» on
 * https://developers.google.com/workspace/sheets/api/scopes; documents and documents.readonly:
 * «Sensitive» on https://developers.google.com/workspace/docs/api/auth (both pages: drive.file
 * «Recommended, Non-sensitive»). spreadsheets.currentonly is the non-sensitive Apps Script
 * scope for the bound file (https://developers.google.com/workspace/add-ons/concepts/editor-scopes).
 */
export const SENSITIVE_SCOPES: readonly string[] = [
  SCOPE.spreadsheets,
  SCOPE.spreadsheetsReadonly,
  SCOPE.documents,
  SCOPE.documentsReadonly,
];

export interface MethodRule {
  /** Any one of these scopes is enough; empty: the method needs none. */
  readonly scopes: readonly string[];
  /** The reference page that lists them. */
  readonly source: string;
}

const REF = "https://developers.google.com/apps-script/reference/";
const SHEETS_SCOPES = [SCOPE.spreadsheetsCurrentonly, SCOPE.spreadsheets];
const sheets = (page: string): MethodRule => ({ scopes: SHEETS_SCOPES, source: `${REF}spreadsheet/${page}` });
const none = (page: string): MethodRule => ({ scopes: [], source: `${REF}${page}` });
const ui = (page: string): MethodRule => ({ scopes: [SCOPE.containerUi], source: `${REF}base/${page}` });
const docsApp = (page: string): MethodRule => ({ scopes: [SCOPE.documents], source: `${REF}document/${page}` });
const triggers = (page: string): MethodRule => ({ scopes: [SCOPE.scriptapp], source: `${REF}script/${page}` });

/**
 * `Class.method` → the scopes its reference page lists. `Class.*` covers every method of a class
 * whose page lists the same scopes for each method (every Spreadsheet-service class lists
 * spreadsheets.currentonly and spreadsheets; every Document-service element class lists
 * documents.currentonly and documents — the add-on is not bound to a document, so only
 * documents applies).
 */
export const METHOD_SCOPES: Readonly<Record<string, MethodRule>> = {
  // Spreadsheet service. openById reads any spreadsheet: the full scope only.
  "SpreadsheetApp.getActiveSpreadsheet": sheets("spreadsheet-app#getActiveSpreadsheet()"),
  "SpreadsheetApp.getActive": sheets("spreadsheet-app#getActive()"),
  "SpreadsheetApp.openById": {
    scopes: [SCOPE.spreadsheets],
    source: `${REF}spreadsheet/spreadsheet-app#openById(String)`,
  },
  "SpreadsheetApp.getUi": none("spreadsheet/spreadsheet-app#getUi()"),
  "SpreadsheetApp.newDataValidation": none("spreadsheet/spreadsheet-app#newDataValidation()"),
  "SpreadsheetApp.newConditionalFormatRule": none("spreadsheet/spreadsheet-app#newConditionalFormatRule()"),
  "SpreadsheetApp.flush": sheets("spreadsheet-app#flush()"),
  "Spreadsheet.*": sheets("spreadsheet"),
  "Sheet.*": sheets("sheet"),
  "Range.*": sheets("range"),
  "RangeList.*": sheets("range-list"),
  "DeveloperMetadata.*": sheets("developer-metadata"),
  "DeveloperMetadataFinder.*": sheets("developer-metadata-finder"),
  "Protection.*": sheets("protection"),
  "NamedRange.*": sheets("named-range"),
  "RichTextValue.*": none("spreadsheet/rich-text-value"),
  "DataValidation.*": none("spreadsheet/data-validation"),
  "DataValidationBuilder.*": none("spreadsheet/data-validation-builder"),
  "ConditionalFormatRule.*": sheets("conditional-format-rule"),
  "ConditionalFormatRuleBuilder.*": none("spreadsheet/conditional-format-rule-builder"),
  "BooleanCondition.*": none("spreadsheet/boolean-condition"),
  // Base: the UI of the container (menus need no scope; dialogs, alerts, sidebars need container.ui).
  "Ui.createAddonMenu": none("base/ui#createAddonMenu()"),
  "Ui.createMenu": none("base/ui#createMenu(String)"),
  "Ui.alert": ui("ui#alert(String,String,ButtonSet)"),
  "Ui.prompt": ui("ui#prompt(String,String,ButtonSet)"),
  "PromptResponse.*": none("base/prompt-response"),
  "Ui.showSidebar": ui("ui#showSidebar(Object)"),
  "Ui.showModalDialog": ui("ui#showModalDialog(Object,String)"),
  "Menu.*": none("base/menu"),
  "Session.getScriptTimeZone": none("base/session#getScriptTimeZone()"),
  "Session.getActiveUserLocale": none("base/session#getActiveUserLocale()"),
  "Session.getActiveUser": { scopes: [`${AUTH}userinfo.email`], source: `${REF}base/session#getActiveUser()` },
  "Session.getEffectiveUser": { scopes: [`${AUTH}userinfo.email`], source: `${REF}base/session#getEffectiveUser()` },
  // HTML, properties, locks, utilities: no scope on their pages.
  "HtmlService.*": none("html/html-service"),
  "HtmlOutput.*": none("html/html-output"),
  "PropertiesService.*": none("properties/properties-service"),
  "Properties.*": none("properties/properties"),
  "LockService.*": none("lock/lock-service"),
  "Lock.*": none("lock/lock"),
  "Utilities.*": none("utilities/utilities"),
  "Blob.*": none("base/blob"),
  // Document service: create and openById need documents (no narrower scope outside a bound document).
  "DocumentApp.create": docsApp("document-app#create(String)"),
  "DocumentApp.openById": docsApp("document-app#openById(String)"),
  "Document.*": docsApp("document"),
  "Body.*": docsApp("body"),
  "Paragraph.*": docsApp("paragraph"),
  "ListItem.*": docsApp("list-item"),
  "Table.*": docsApp("table"),
  "TableRow.*": docsApp("table-row"),
  "TableCell.*": docsApp("table-cell"),
  "Text.*": docsApp("text"),
  "FooterSection.*": docsApp("footer-section"),
  "HeaderSection.*": docsApp("header-section"),
  // Drive service (DriveApp): every method lists the full drive scope (drive.readonly for readers).
  "DriveApp.createFolder": { scopes: [SCOPE.drive], source: `${REF}drive/drive-app#createFolder(String)` },
  "DriveApp.getFileById": {
    scopes: [SCOPE.driveReadonly, SCOPE.drive],
    source: `${REF}drive/drive-app#getFileById(String)`,
  },
  "DriveApp.getFolderById": {
    scopes: [SCOPE.driveReadonly, SCOPE.drive],
    source: `${REF}drive/drive-app#getFolderById(String)`,
  },
  "DriveApp.getFilesByName": {
    scopes: [SCOPE.driveReadonly, SCOPE.drive],
    source: `${REF}drive/drive-app#getFilesByName(String)`,
  },
  "DriveApp.getRootFolder": {
    scopes: [SCOPE.driveReadonly, SCOPE.drive],
    source: `${REF}drive/drive-app#getRootFolder()`,
  },
  "File.moveTo": { scopes: [SCOPE.drive], source: `${REF}drive/file#moveTo(Folder)` },
  "File.*": { scopes: [SCOPE.driveReadonly, SCOPE.drive], source: `${REF}drive/file` },
  "Folder.createFile": { scopes: [SCOPE.drive], source: `${REF}drive/folder#createFile(BlobSource)` },
  "Folder.*": { scopes: [SCOPE.driveReadonly, SCOPE.drive], source: `${REF}drive/folder` },
  "FileIterator.*": none("drive/file-iterator"),
  "FolderIterator.*": none("drive/folder-iterator"),
  // Script service: installable triggers.
  "ScriptApp.newTrigger": triggers("script-app#newTrigger(String)"),
  "ScriptApp.getUserTriggers": triggers("script-app#getUserTriggers(Spreadsheet)"),
  "ScriptApp.getProjectTriggers": triggers("script-app#getProjectTriggers()"),
  "ScriptApp.deleteTrigger": triggers("script-app#deleteTrigger(Trigger)"),
  "TriggerBuilder.*": triggers("trigger-builder"),
  "ClockTriggerBuilder.*": triggers("clock-trigger-builder"),
  "Trigger.*": none("script/trigger"),
  // Advanced services: the REST method's «Authorization scopes» (any one of them).
  "Sheets.Spreadsheets.get": {
    scopes: [SCOPE.spreadsheets, SCOPE.spreadsheetsReadonly, SCOPE.drive, SCOPE.driveReadonly, SCOPE.driveFile],
    source:
      "https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/get#authorization-scopes",
  },
  "Sheets.Spreadsheets.Values.batchGet": {
    scopes: [SCOPE.spreadsheets, SCOPE.spreadsheetsReadonly, SCOPE.drive, SCOPE.driveReadonly, SCOPE.driveFile],
    source:
      "https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets.values/batchGet#authorization-scopes",
  },
  "Drive.Files.create": {
    scopes: [SCOPE.drive, SCOPE.driveAppdata, SCOPE.driveFile],
    source: "https://developers.google.com/workspace/drive/api/reference/rest/v3/files/create#authorization-scopes",
  },
  "Drive.Files.list": {
    scopes: [
      SCOPE.drive,
      SCOPE.driveAppdata,
      SCOPE.driveFile,
      SCOPE.driveMetadata,
      SCOPE.driveMetadataReadonly,
      SCOPE.driveReadonly,
    ],
    source: "https://developers.google.com/workspace/drive/api/reference/rest/v3/files/list#authorization-scopes",
  },
  "Drive.Files.get": {
    scopes: [
      SCOPE.drive,
      SCOPE.driveAppdata,
      SCOPE.driveFile,
      SCOPE.driveMetadata,
      SCOPE.driveMetadataReadonly,
      SCOPE.driveReadonly,
    ],
    source: "https://developers.google.com/workspace/drive/api/reference/rest/v3/files/get#authorization-scopes",
  },
  // Also drive.meet.readonly, which no deployment of the add-on asks for.
  "Drive.Files.export": {
    scopes: [SCOPE.drive, SCOPE.driveFile, SCOPE.driveReadonly],
    source: "https://developers.google.com/workspace/drive/api/reference/rest/v3/files/export#authorization-scopes",
  },
  "Sheets.Spreadsheets.batchUpdate": {
    scopes: [SCOPE.drive, SCOPE.driveFile, SCOPE.spreadsheets],
    source:
      "https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/batchUpdate#authorization-scopes",
  },
  "Drive.Permissions.create": {
    scopes: [SCOPE.drive, SCOPE.driveFile],
    source:
      "https://developers.google.com/workspace/drive/api/reference/rest/v3/permissions/create#authorization-scopes",
  },
  "Drive.Permissions.list": {
    scopes: [SCOPE.drive, SCOPE.driveFile, SCOPE.driveMetadata, SCOPE.driveMetadataReadonly, SCOPE.driveReadonly],
    source: "https://developers.google.com/workspace/drive/api/reference/rest/v3/permissions/list#authorization-scopes",
  },
  // The Forms API over UrlFetchApp (forms-api.ts, url-fetch.ts): fetch needs script.external_request;
  // the token and the response object need nothing more.
  "UrlFetchApp.fetch": {
    scopes: [SCOPE.externalRequest],
    source: `${REF}url-fetch/url-fetch-app#fetch(String,Object)`,
  },
  "HTTPResponse.*": none("url-fetch/http-response"),
  "ScriptApp.getOAuthToken": none("script/script-app#getOAuthToken()"),
  "Docs.Documents.get": {
    scopes: [SCOPE.documents, SCOPE.documentsReadonly, SCOPE.drive, SCOPE.driveFile, SCOPE.driveReadonly],
    source: "https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/get#authorization-scopes",
  },
  "Docs.Documents.batchUpdate": {
    scopes: [SCOPE.documents, SCOPE.drive, SCOPE.driveFile],
    source:
      "https://developers.google.com/workspace/docs/api/reference/rest/v1/documents/batchUpdate#authorization-scopes",
  },
};

export function ruleFor(method: string): MethodRule | undefined {
  return METHOD_SCOPES[method] ?? METHOD_SCOPES[`${method.slice(0, method.lastIndexOf("."))}.*`];
}

/**
 * Google's «Required permissions» list: one scope bare, alternatives as «(a || b)». Seen in
 * public reports, e.g. «Specified permissions are not sufficient to call DriveApp.createFolder.
 * Required permissions: https://www.googleapis.com/auth/drive»
 * (https://github.com/googleworkspace/apps-script-samples/issues — many threads quote it; the
 * wording in newer runtimes is «You do not have permission to call X. Required permissions: …»).
 */
export function requiredList(scopes: readonly string[]): string {
  return scopes.length === 1 ? scopes[0]! : `(${scopes.join(" || ")})`;
}

export function insufficientScopes(method: string, scopes: readonly string[]): Error {
  const api = ADVANCED.exec(method);
  // An advanced service is a REST call: the API itself answers 403 with its own text
  // (https://cloud.google.com/apis/design/errors — PERMISSION_DENIED «Request had insufficient authentication scopes.»).
  if (api)
    return new Error(
      `GoogleJsonResponseException: API call to ${restName(method)} ` +
        `failed with error: Request had insufficient authentication scopes.`,
    );
  return new Error(
    `Exception: Specified permissions are not sufficient to ` +
      `call ${method}. Required permissions: ${requiredList(scopes)}`,
  );
}

const ADVANCED = /^(Sheets|Drive|Docs)\./;

/** «Sheets.Spreadsheets.Values.batchGet» → «sheets.spreadsheets.values.batchGet», as the API names it in errors. */
export function restName(method: string): string {
  const parts = method.split(".");
  return [...parts.slice(0, -1).map((p) => p.toLowerCase()), parts[parts.length - 1]].join(".");
}

/** The method a refusal names, in either of Google's forms; null when the text is no refusal. */
export function refusedMethod(message: string): string | null {
  const script =
    /(?:Specified permissions are not sufficient to call|You do not have permission to call) ([\w.]+?)\.?(?: Required permissions|$)/.exec(
      message,
    );
  if (script) return script[1]!;
  const rest = /API call to ([\w.]+) failed with error: Request had insufficient authentication scopes/.exec(message);
  if (!rest) return null;
  const known = Object.keys(METHOD_SCOPES).find((m) => restName(m) === rest[1]);
  return known ?? null;
}

/**
 * Authorisation modes of an editor add-on
 * (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes,
 * https://developers.google.com/apps-script/reference/script/auth-mode):
 * - NONE — onOpen of an add-on installed but not yet used in this file: no service that needs
 *   authorisation, no properties; only the add-on menu can be built.
 * - LIMITED — onOpen of a used add-on and the onEdit simple trigger: the bound file, properties,
 *   locks and utilities; nothing that needs authorisation beyond the current file (no other
 *   files, no Drive, no Docs, no triggers) and no dialogs or sidebars
 *   (https://developers.google.com/apps-script/guides/triggers#restrictions: simple triggers
 *   «cannot access services that require authorization», «can modify the file they are bound
 *   to, but cannot access other files»).
 * - FULL — menu items, sidebar calls, installable triggers; onInstall runs in FULL as well.
 */
export type AuthMode = "NONE" | "LIMITED" | "FULL";

const MENU_ONLY = new Set([
  "SpreadsheetApp.getUi",
  "Ui.createAddonMenu",
  "Ui.createMenu",
  "Menu.addItem",
  "Menu.addSeparator",
  "Menu.addSubMenu",
  "Menu.addToUi",
]);
/** Classes of the bound spreadsheet and the services a simple trigger may use. */
const LIMITED_PREFIXES = [
  "SpreadsheetApp.getActiveSpreadsheet",
  "SpreadsheetApp.getActive",
  "SpreadsheetApp.getUi",
  "SpreadsheetApp.newConditionalFormatRule",
  "SpreadsheetApp.newDataValidation",
  "SpreadsheetApp.flush",
  "Spreadsheet.",
  "Sheet.",
  "Range.",
  "RangeList.",
  "DeveloperMetadata.",
  "DeveloperMetadataFinder.",
  "Protection.",
  "NamedRange.",
  "RichTextValue.",
  "DataValidation",
  "ConditionalFormatRule",
  "BooleanCondition.",
  "Ui.createAddonMenu",
  "Ui.createMenu",
  "Menu.",
  "PropertiesService.",
  "Properties.",
  "LockService.",
  "Lock.",
  "Utilities.",
  "Session.getScriptTimeZone",
];

export function allowedIn(mode: AuthMode, method: string): boolean {
  if (mode === "FULL") return true;
  if (mode === "NONE") return MENU_ONLY.has(method);
  return LIMITED_PREFIXES.some((p) => method.startsWith(p));
}

/** What a simple trigger hears when it calls what its mode does not allow. */
export function notInThisMode(method: string, scopes: readonly string[]): Error {
  const required = scopes.length > 0 ? ` Required permissions: ${requiredList(scopes)}` : "";
  return new Error(`Exception: You do not have permission to call ${method}.${required}`);
}

/** The oauthScopes of a pushed manifest (appsscript.json). */
export function manifestScopes(path: string): string[] {
  const manifest = JSON.parse(readFileSync(path, "utf8")) as { oauthScopes?: string[] };
  return manifest.oauthScopes ?? [];
}

/** The advanced services a manifest enables, by their global symbol (Sheets, Drive, Docs). */
export function manifestAdvancedServices(path: string): string[] {
  const manifest = JSON.parse(readFileSync(path, "utf8")) as {
    dependencies?: { enabledAdvancedServices?: { userSymbol: string }[] };
  };
  return (manifest.dependencies?.enabledAdvancedServices ?? []).map((s) => s.userSymbol);
}

/**
 * The checks the fake makes before a call. `scopes: null` grants everything (unit tests of a
 * fake class outside a bundle); a bundle environment passes its manifest's list.
 */
export class Platform {
  authMode: AuthMode = "FULL";
  /** Methods refused because the table did not know them (a test asserts none). */
  readonly unknown = new Set<string>();
  constructor(public scopes: Set<string> | null) {}

  check(method: string): void {
    const rule = ruleFor(method);
    if (!rule) {
      this.unknown.add(method);
      throw new Error(
        `fake: ${method} has no entry in test/gas/fake/scopes.ts ` +
          `(look up its reference page's «Authorization» section)`,
      );
    }
    if (!allowedIn(this.authMode, method)) throw notInThisMode(method, rule.scopes);
    if (this.scopes && rule.scopes.length > 0 && !rule.scopes.some((s) => this.scopes!.has(s)))
      throw insufficientScopes(method, rule.scopes);
  }

  /** Runs `fn` as a trigger in `mode` runs, then restores the previous mode. */
  as<T>(mode: AuthMode, fn: () => T): T {
    const before = this.authMode;
    this.authMode = mode;
    try {
      return fn();
    } finally {
      this.authMode = before;
    }
  }
}
