/**
 * The in-memory Apps Script environment: every service the add-on uses, wired together and
 * counted by one CallCounter. `globals` is what a built bundle sees as its global scope.
 */
import type { Cell, WorkbookGrid } from "../../../src/core/grid.js";
import { CallCounter } from "./counter.js";
import { FakeDocsApi } from "./docs-api.js";
import { FakeDocumentApp } from "./document.js";
import { FakeDrive } from "./drive.js";
import { FakeDriveV3 } from "./drive-v3.js";
import { FileAccess } from "./file-access.js";
import { FakeSheetsApi } from "./sheets-api.js";
import { FakeFormsApi } from "./forms-api.js";
import { FakeUrlFetchApp } from "./url-fetch.js";
import { RefusalLog, strictService } from "./api-schema/strict.js";
import { Platform } from "./scopes.js";
import { FakeSpreadsheet, FakeSpreadsheetApp } from "./spreadsheet.js";
import {
  FakeLockService,
  FakeLogger,
  FakePropertiesService,
  FakeScriptApp,
  FakeSession,
  FakeUtilities,
  formatDateInZone,
} from "./services.js";
import { FakeHtmlService, FakeUi } from "./ui.js";

export { CallCounter, DOCUMENT_SERVICES } from "./counter.js";
export * from "./document.js";
export * from "./drive.js";
export * from "./drive-v3.js";
export * from "./drive-permissions.js";
export * from "./sheets-api.js";
export * from "./xlsx-import.js";
export * from "./forms-api.js";
export * from "./url-fetch.js";
export { RefusalLog } from "./api-schema/strict.js";
export * from "./scopes.js";
export * from "./services.js";
export * from "./spreadsheet.js";
export * from "./ui.js";

export const FAKE_SPREADSHEET_ID = "sheet-school-1";
export const FAKE_SPREADSHEET_FOLDER = "folder-school-1";

export interface FakeOptions {
  /** The active spreadsheet; default: an empty one with a single «Лист1». */
  readonly spreadsheet?: FakeSpreadsheet;
  /** Project HTML files by name (e.g. Sidebar → dist/Sidebar.html content). */
  readonly htmlFiles?: ReadonlyMap<string, string>;
  readonly timeZone?: string;
  readonly counter?: CallCounter;
  /**
   * The OAuth scopes granted (a manifest's oauthScopes): a call they do not cover throws Google's
   * message. Default: every scope (unit tests of the fake itself).
   */
  readonly scopes?: readonly string[] | null;
  /** Advanced services the manifest enables (Sheets, Drive, Docs); default: Drive, Docs and Sheets. */
  readonly advancedServices?: readonly string[];
}

export interface FakeServices {
  readonly counter: CallCounter;
  readonly spreadsheet: FakeSpreadsheet;
  readonly spreadsheetApp: FakeSpreadsheetApp;
  readonly ui: FakeUi;
  readonly drive: FakeDrive;
  readonly documentApp: FakeDocumentApp;
  readonly lockService: FakeLockService;
  readonly propertiesService: FakePropertiesService;
  readonly scriptApp: FakeScriptApp;
  readonly logger: FakeLogger;
  readonly docsApi: FakeDocsApi;
  readonly driveV3: FakeDriveV3;
  readonly fileAccess: FileAccess;
  /**
   * The Sheets API: the spreadsheets Drive converted for the add-on and the fake SpreadsheetApp's
   * (a committee environment decides what stands between the script and a school's workbook).
   */
  readonly sheetsApi: FakeSheetsApi;
  /** The Google Forms API the add-on reaches over UrlFetchApp (forms-api.ts). */
  readonly formsApi: FakeFormsApi;
  /**
   * Advanced-service calls refused as Google would refuse them (api-schema/strict.ts): in an
   * environment running a bundle, any left at the end of a test fail it; a test expecting them
   * takes them.
   */
  readonly refusals: RefusalLog;
  /** Scopes, authorisation mode and the method table (test/gas/fake/scopes.ts). */
  readonly platform: Platform;
  /** The Apps Script global names → fake objects. */
  readonly globals: Record<string, unknown>;
  /** Full JSON of the spreadsheet, its document properties and the Drive (for «nothing changed» checks). */
  snapshot(): unknown;
}

/** A new, empty spreadsheet the way Sheets makes one: one empty tab «Лист1». */
export function emptySpreadsheet(
  counter: CallCounter,
  id = FAKE_SPREADSHEET_ID,
  name = "МИП — школа",
): FakeSpreadsheet {
  const ss = new FakeSpreadsheet(id, name, counter);
  ss._addSheet("Лист1");
  return ss;
}

/** Midnight of a calendar date in a time zone, as Sheets stores a date cell. */
export function zonedMidnight(iso: string, timeZone: string): Date {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  const offset = formatDateInZone(new Date(guess), timeZone, "Z");
  const sign = offset.startsWith("-") ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5)));
  return new Date(guess - minutes * 60000);
}

/** What Sheets holds for a grid cell: dates as Date objects, errors as their code, empty as "". */
export function sheetValue(cell: Cell | undefined, timeZone = "Europe/Moscow"): unknown {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "object") return cell.kind === "date" ? zonedMidnight(cell.iso, timeZone) : cell.code;
  return cell;
}

/** A spreadsheet holding a WorkbookGrid (tabs in order, values only), uncounted set-up. */
export function spreadsheetFromGrid(
  grid: WorkbookGrid,
  counter: CallCounter,
  id = FAKE_SPREADSHEET_ID,
  timeZone = "Europe/Moscow",
): FakeSpreadsheet {
  const ss = new FakeSpreadsheet(id, "МИП — школа", counter, timeZone);
  counter.paused(() => {
    for (const tab of grid.tabs) {
      const width = Math.max(1, ...tab.rows.map((r) => r.length));
      const sheet = ss._addSheet(tab.title, { rows: Math.max(1000, tab.rows.length + 100), cols: Math.max(26, width) });
      if (tab.rows.length === 0) continue;
      const values = tab.rows.map((r) => Array.from({ length: width }, (_, c) => sheetValue(r[c], timeZone)));
      sheet.getRange(1, 1, values.length, width).setValues(values);
    }
    if (grid.templateVersion) ss.addDeveloperMetadata("mip.templateVersion", grid.templateVersion);
  });
  return ss;
}

export function createFakeServices(options: FakeOptions = {}): FakeServices {
  const counter = options.counter ?? new CallCounter();
  const platform = new Platform(options.scopes ? new Set(options.scopes) : null);
  counter.guard = (name) => platform.check(name);
  const timeZone = options.timeZone ?? "Europe/Moscow";
  const spreadsheet = options.spreadsheet ?? emptySpreadsheet(counter);
  const ui = new FakeUi(counter);
  const spreadsheetApp = new FakeSpreadsheetApp(spreadsheet, ui as unknown as GoogleAppsScript.Base.Ui, counter);
  const drive = new FakeDrive(counter);
  drive._addUserItem({ id: FAKE_SPREADSHEET_FOLDER, name: "Отчёты школы", folder: true });
  // The add-on's own container spreadsheet is visible to it under drive.file (it was opened with the app).
  drive._addUserItem({ id: spreadsheet._id, name: spreadsheet._name, parent: FAKE_SPREADSHEET_FOLDER, granted: true });
  const documentApp = new FakeDocumentApp(drive, counter);
  const lockService = new FakeLockService(counter);
  const propertiesService = new FakePropertiesService(counter);
  const scriptApp = new FakeScriptApp(counter);
  // A run has a document when there is an active spreadsheet (a time trigger may have none).
  const activeId = () => (spreadsheetApp as unknown as { _active: FakeSpreadsheet | null })._active?._id ?? null;
  lockService._inDocument = () => activeId() !== null;
  scriptApp._document = activeId;
  // The advanced services check every call against Google's published definitions first.
  // (The Forms API is no advanced service: the add-on reaches it over UrlFetchApp.)
  const refusals = new RefusalLog();
  const sheetsApi = strictService("sheets", new FakeSheetsApi(spreadsheetApp, counter), refusals);
  const driveV3 = strictService("drive", new FakeDriveV3(drive, documentApp, counter, sheetsApi), refusals);
  const logger = new FakeLogger();
  const docsApi = strictService("docs", new FakeDocsApi(documentApp, counter), refusals);
  // drive.file per file for every advanced service that names a file.
  const fileAccess = new FileAccess(drive, platform);
  docsApi._access = fileAccess;
  driveV3._access = fileAccess;
  sheetsApi._access = fileAccess;
  const formsApi = new FakeFormsApi(() => platform.scopes);
  const globals: Record<string, unknown> = {
    SpreadsheetApp: spreadsheetApp,
    DocumentApp: documentApp,
    DriveApp: drive.app,
    LockService: lockService,
    PropertiesService: propertiesService,
    HtmlService: new FakeHtmlService(options.htmlFiles ?? new Map(), counter),
    Session: new FakeSession(timeZone, "coordinator@example.ru", counter),
    Utilities: new FakeUtilities(counter),
    ScriptApp: scriptApp,
    Logger: logger,
    UrlFetchApp: new FakeUrlFetchApp(formsApi, counter),
  };
  // Advanced services exist as globals only when the manifest enables them.
  const advanced: Record<string, unknown> = { Drive: driveV3, Docs: docsApi, Sheets: sheetsApi };
  for (const name of options.advancedServices ?? ["Drive", "Docs", "Sheets"])
    if (advanced[name]) globals[name] = advanced[name];
  return {
    counter,
    spreadsheet,
    spreadsheetApp,
    ui,
    drive,
    documentApp,
    lockService,
    propertiesService,
    scriptApp,
    logger,
    docsApi,
    driveV3,
    fileAccess,
    sheetsApi,
    formsApi,
    refusals,
    platform,
    globals,
    snapshot: () =>
      counter.paused(() => ({
        spreadsheet: spreadsheet._snapshot(),
        documentProperties: Object.fromEntries([...propertiesService._document._data].sort()),
        files: [...drive._files.values()].map((f) => ({ id: f.id, name: f.name, parents: f.parents })),
      })),
  };
}
export * from "./rich-text.js";
export * from "./docs-api.js";
export * from "./file-access.js";
