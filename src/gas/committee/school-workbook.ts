/**
 * One school's workbook, made by the committee under `drive.file` alone: SpreadsheetApp cannot
 * create or open another file without the `spreadsheets` scope, so everything goes through the
 * Drive and Sheets advanced services, which reach the files the add-on creates
 * (https://developers.google.com/workspace/drive/api/guides/api-specific-auth — drive.file).
 *
 * - Files.create uploads the template .xlsx (built into the bundle by scripts/template-xlsx.mjs
 *   from the same schema as `mip template`) with the Google Sheets mimeType, so Drive imports
 *   it as a spreadsheet (https://developers.google.com/workspace/drive/api/guides/manage-uploads#import-docs).
 * - Google does not document which xlsx features an import keeps, so ONE Sheets batchUpdate
 *   re-applies all of them whatever survived: frozen header rows, header notes, dropdowns,
 *   warning-only header protection, the template version (developer metadata) and the
 *   organisation and period in «Общие сведения». A workbook that already has our protection (a
 *   retry after an interrupted run) is left as it is.
 * - Permissions.create gives the school's coordinator edit access with Drive's notification
 *   e-mail and our message (https://developers.google.com/workspace/drive/api/reference/rest/v3/permissions/create:
 *   `sendNotificationEmail`, `emailMessage`).
 */
import { TEMPLATE_LAYOUT, type TabLayout } from "../../core/template.js";
import { GENERAL, TEMPLATE_VERSION } from "../../core/schema.js";
import { SCHOOLS_FOLDER_NAME } from "../../core/committee/create-schools.js";
import { UserError } from "../errors.js";
import { folderReachable } from "../drive-files.js";
import { METADATA_KEYS } from "../properties.js";
import { DROPDOWN_HELP, HEADER_PROTECTION } from "../template-sheets.js";
import type { DriveAdvanced, SheetsAdvanced, SheetsCellData, SheetsRequest } from "../google-api.js";

/** The template .xlsx (base64), built into the committee bundle by scripts/build.mjs. */
declare const __MIP_TEMPLATE_XLSX__: string | undefined;

const SHEETS_MIME = "application/vnd.google-apps.spreadsheet";
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const FOLDER_MIME = "application/vnd.google-apps.folder";

// Advanced services are globals only when the manifest enables them: asked by typeof.
declare const Drive: DriveAdvanced | undefined;
declare const Sheets: SheetsAdvanced | undefined;

function drive(): DriveAdvanced {
  if (typeof Drive === "undefined" || !Drive || !Drive.Permissions)
    throw new UserError(
      "Не включена расширенная служба Google Drive (v3): добавьте её в «Службах» редактора Apps Script.",
    );
  return Drive;
}

function sheets(): SheetsAdvanced {
  if (typeof Sheets === "undefined" || !Sheets)
    throw new UserError(
      "Не включена расширенная служба Google Sheets (v4): добавьте её в «Службах» редактора Apps Script.",
    );
  return Sheets;
}

/** appProperties of a created workbook: which committee spreadsheet and which registry organisation it is for. */
const APP_COMMITTEE = "mipCommittee";
const APP_SCHOOL = "mipSchool";

const FOLDER_KEY = "mip.committee.schoolsFolder.";

/**
 * The committee's folder for the schools' workbooks: the one made before while the add-on can
 * still reach it, else a new «Таблицы МИП организаций» in «Мой диск». Its id is kept in the
 * user's properties per committee spreadsheet: under drive.file a folder is reachable only for
 * the user whose run created it, and a continuation trigger may run without the document's
 * properties.
 */
export function schoolsFolderId(committeeId: string): string {
  const props = PropertiesService.getUserProperties();
  const known = props.getProperty(FOLDER_KEY + committeeId);
  if (known && folderReachable(known)) return known;
  const made = drive().Files.create({ name: SCHOOLS_FOLDER_NAME, mimeType: FOLDER_MIME }, null, {
    fields: "id",
    supportsAllDrives: true,
  });
  if (!made.id) throw new Error("Drive не вернул идентификатор созданной папки");
  props.setProperty(FOLDER_KEY + committeeId, made.id);
  return made.id;
}

/**
 * The workbooks this committee already created in the folder, by organisation key: a run that
 * died between creating a file and writing its row finds it here instead of making a second.
 */
export function createdWorkbooks(folderId: string, committeeId: string): Map<string, string> {
  const found = new Map<string, string>();
  let pageToken: string | undefined;
  do {
    const page = drive().Files.list({
      q: `'${folderId.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}' in parents and trashed = false`,
      fields: "nextPageToken,files(id,appProperties)",
      pageSize: 1000,
      supportsAllDrives: true,
      includeItemsFromAllDrives: true,
      ...(pageToken ? { pageToken } : {}),
    });
    for (const f of page.files ?? []) {
      const props = f.appProperties ?? {};
      if (f.id && props[APP_COMMITTEE] === committeeId && props[APP_SCHOOL]) found.set(props[APP_SCHOOL], f.id);
    }
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return found;
}

function templateBlob(name: string): GoogleAppsScript.Base.Blob {
  const base64 = typeof __MIP_TEMPLATE_XLSX__ === "undefined" ? undefined : __MIP_TEMPLATE_XLSX__;
  if (!base64) throw new Error("в сборке нет шаблона .xlsx (scripts/template-xlsx.mjs)");
  return Utilities.newBlob(Utilities.base64Decode(base64), XLSX_MIME, `${name}.xlsx`);
}

/** Uploads the template as a new Google Sheet in the folder; returns its id. */
export function createWorkbook(name: string, folderId: string, committeeId: string, schoolKey: string): string {
  const made = drive().Files.create(
    {
      name,
      mimeType: SHEETS_MIME,
      parents: [folderId],
      appProperties: { [APP_COMMITTEE]: committeeId, [APP_SCHOOL]: schoolKey },
    },
    templateBlob(name),
    { fields: "id", supportsAllDrives: true },
  );
  if (!made.id) throw new Error("Drive не вернул идентификатор созданной таблицы");
  return made.id;
}

const FIELD_ROW = (key: string): number => GENERAL.fields.findIndex((f) => f.key === key) + 1;

const text = (value: string): SheetsCellData => ({ userEnteredValue: { stringValue: value } });

function tabRequests(sheetId: number, layout: TabLayout): SheetsRequest[] {
  const width = layout.headers.length;
  const requests: SheetsRequest[] = [
    {
      updateSheetProperties: {
        properties: { sheetId, gridProperties: { frozenRowCount: layout.frozenRows } },
        fields: "gridProperties.frozenRowCount",
      },
    },
    {
      addProtectedRange: {
        protectedRange: {
          range: { sheetId, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: width },
          description: HEADER_PROTECTION,
          warningOnly: true,
        },
      },
    },
  ];
  if (layout.notes.length > 0)
    requests.push({
      updateCells: {
        range: { sheetId, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: width },
        rows: [
          { values: layout.headers.map((_, i) => ({ note: layout.notes.find((n) => n.column === i)?.text ?? "" })) },
        ],
        fields: "note",
      },
    });
  for (const d of layout.dropdowns)
    requests.push({
      setDataValidation: {
        range: {
          sheetId,
          startRowIndex: d.fromRow - 1,
          endRowIndex: d.toRow,
          startColumnIndex: d.column,
          endColumnIndex: d.column + 1,
        },
        rule: {
          condition: { type: "ONE_OF_LIST", values: d.values.map((v) => ({ userEnteredValue: v })) },
          inputMessage: DROPDOWN_HELP,
          strict: false,
          showCustomUi: true,
        },
      },
    });
  return requests;
}

/**
 * The batchUpdate that turns an imported template into the school's workbook. String values
 * go in as `stringValue`: never parsed, so an organisation called «=…» stays text.
 */
function prefillRequests(sheetIds: ReadonlyMap<string, number>, organisation: string, period: string): SheetsRequest[] {
  const requests: SheetsRequest[] = [];
  for (const layout of TEMPLATE_LAYOUT) {
    const id = sheetIds.get(layout.title);
    if (id !== undefined) requests.push(...tabRequests(id, layout));
  }
  const general = sheetIds.get(GENERAL.title);
  if (general !== undefined)
    for (const [key, value] of [
      ["org_full_name", organisation],
      ["period", period],
    ] as const)
      requests.push({
        updateCells: {
          range: {
            sheetId: general,
            startRowIndex: FIELD_ROW(key),
            endRowIndex: FIELD_ROW(key) + 1,
            startColumnIndex: 1,
            endColumnIndex: 2,
          },
          rows: [{ values: [text(value.replace(/\s+/g, " ").trim())] }],
          fields: "userEnteredValue",
        },
      });
  requests.push({
    createDeveloperMetadata: {
      developerMetadata: {
        metadataKey: METADATA_KEYS.templateVersion,
        metadataValue: TEMPLATE_VERSION,
        location: { spreadsheet: true },
        visibility: "DOCUMENT",
      },
    },
  });
  return requests;
}

/**
 * Fills the imported workbook: one Spreadsheets.get for the tabs' ids (and whether our header
 * protection is there already), one batchUpdate. False when it was filled before.
 */
export function prefillWorkbook(fileId: string, organisation: string, period: string): boolean {
  const meta = sheets().Spreadsheets.get(fileId, {
    fields: "sheets(properties(sheetId,title),protectedRanges(description))",
  });
  const tabs = meta.sheets ?? [];
  if (tabs.some((s) => (s.protectedRanges ?? []).some((p) => p.description === HEADER_PROTECTION))) return false;
  const ids = new Map<string, number>();
  for (const s of tabs)
    if (s.properties?.title && typeof s.properties.sheetId === "number")
      ids.set(s.properties.title, s.properties.sheetId);
  sheets().Spreadsheets.batchUpdate({ requests: prefillRequests(ids, organisation, period) }, fileId);
  return true;
}

/** Whether the address already has edit access (checked only for a workbook found after an interrupted run). */
export function hasEditor(fileId: string, email: string): boolean {
  const list = drive().Permissions.list(fileId, { fields: "permissions(emailAddress,role)", supportsAllDrives: true });
  const wanted = email.trim().toLowerCase();
  return (list.permissions ?? []).some(
    (p) => (p.emailAddress ?? "").toLowerCase() === wanted && (p.role === "writer" || p.role === "owner"),
  );
}

/** Edit access for the school's coordinator, with Drive's notification e-mail carrying `message`. */
export function inviteEditor(fileId: string, email: string, message: string): void {
  drive().Permissions.create({ type: "user", role: "writer", emailAddress: email.trim() }, fileId, {
    sendNotificationEmail: true,
    emailMessage: message,
    supportsAllDrives: true,
    fields: "id",
  });
}

export const spreadsheetLink = (id: string): string => `https://docs.google.com/spreadsheets/d/${id}/edit`;
