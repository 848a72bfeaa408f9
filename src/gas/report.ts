/**
 * «Сформировать отчёт»: the core DocModel drawn as a new Google Doc in the report folder.
 * Under the document lock, so two clicks never make two documents: the second click waits,
 * sees the report just made from the same content and returns it. Never overwrites: an
 * existing name gets «(2)», «(3)»… With the drive.file scope the add-on sees only files it
 * created, so the names it made are also remembered in the workbook.
 */
import type { ReportOutcome } from "../api.js";
import { buildReport, firstFreeName } from "../core/report/build.js";
import { blockedOutcome } from "./report-outcome.js";
import { checkWorkbook } from "./check.js";
import { mergeGroupHeaders } from "./docs-merge.js";
import { underDocumentLock } from "./document-lock.js";
import { renderDocModel } from "./docs-render.js";
import { UserError } from "./errors.js";
import { KEYS, METADATA_KEYS, type StoredReport, newestThatFit, readJson, setSpreadsheetMetadata, writeJson } from "./properties.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Folder = GoogleAppsScript.Drive.Folder;

/** A second click within this time on an unchanged workbook returns the document just made. */
export const REPEAT_WINDOW_MS = 120_000;
const LOCK_WAIT_MS = 30_000;

/** 32-bit FNV-1a of the workbook's content: «has anything changed since the last report?». */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** A Drive folder id from what a user pastes: a folder link, an «open?id=» link or the bare id. */
export function folderIdFrom(text: string): string | null {
  const t = text.trim();
  if (t === "") return null;
  const m = /\/folders\/([-\w]{10,})/.exec(t) ?? /[?&]id=([-\w]{10,})/.exec(t);
  if (m) return m[1]!;
  return /^[-\w]{10,}$/.test(t) ? t : null;
}

interface Destination {
  folder: Folder;
  notice: string | null;
}

/** Name of the folder the add-on makes for reports when it may not use the spreadsheet's own. */
export const OWN_FOLDER_NAME = "Отчёты МИП";
const OWN_FOLDER_KEY = "mip.ownReportFolder";

/** A folder the add-on may write to (drive.file: created by it or opened with it), else null. */
function usable(folder: () => Folder): Folder | null {
  try {
    const f = folder();
    f.getName();
    return f;
  } catch {
    return null;
  }
}

function spreadsheetFolder(ss: Spreadsheet): Folder | null {
  return usable(() => {
    const parents = DriveApp.getFileById(ss.getId()).getParents();
    if (!parents.hasNext()) throw new Error("no parent");
    return parents.next();
  });
}

/**
 * With drive.file the add-on can see only what it created, so the spreadsheet's folder may be
 * closed to it. Then reports go to a folder the add-on makes once («Отчёты МИП») and finds again
 * by id wherever the user moves it.
 */
function ownFolder(): Folder {
  const props = PropertiesService.getUserProperties();
  const id = props.getProperty(OWN_FOLDER_KEY);
  const existing = id ? usable(() => DriveApp.getFolderById(id)) : null;
  if (existing) return existing;
  const folder = DriveApp.createFolder(OWN_FOLDER_NAME);
  props.setProperty(OWN_FOLDER_KEY, folder.getId());
  return folder;
}

export function reportDestination(ss: Spreadsheet, setting: string): Destination {
  const asked = setting.trim();
  const id = asked ? folderIdFrom(asked) : null;
  const chosen = id ? usable(() => DriveApp.getFolderById(id)) : null;
  if (chosen) return { folder: chosen, notice: null };
  const sheetFolder = spreadsheetFolder(ss);
  const folder = sheetFolder ?? ownFolder();
  const where = sheetFolder ? "в папку таблицы" : `в папку «${OWN_FOLDER_NAME}» на вашем Диске (её можно переместить — дополнение её найдёт)`;
  if (asked)
    return {
      folder,
      notice: `Папка из «Настройки» (${asked}) недоступна дополнению, поэтому отчёт сохранён ${where}. Дополнение может писать только в папки, которые оно создало; оставьте поле пустым или укажите такую папку.`,
    };
  return { folder, notice: sheetFolder ? null : `Папка таблицы недоступна дополнению, поэтому отчёт сохранён ${where}.` };
}

function nameTaken(folder: Folder, name: string, remembered: readonly string[]): boolean {
  return remembered.includes(name) || folder.getFilesByName(name).hasNext();
}

export function lastReport(): StoredReport | null {
  return readJson<StoredReport | null>(KEYS.lastReport, null);
}

export function generateReport(ss: Spreadsheet): ReportOutcome {
  return underDocumentLock(
    LOCK_WAIT_MS,
    () => {
      throw new UserError("Отчёт по этой таблице уже формируется. Подождите минуту и нажмите ещё раз.");
    },
    () => makeReport(ss),
  );
}

function makeReport(ss: Spreadsheet): ReportOutcome {
  const { grid, result } = checkWorkbook(ss);
  const build = buildReport(result);
  if (build.kind === "blocked") return blockedOutcome(build.errors);
  const print = fingerprint(JSON.stringify(grid));
  const previous = lastReport();
  if (previous && previous.fingerprint === print && Date.now() - Date.parse(previous.createdAt) < REPEAT_WINDOW_MS) {
    const { fingerprint: _, ...report } = previous;
    return { kind: "created", report, errors: build.errors };
  }
  const destination = reportDestination(ss, result.context.settings.reportFolder);
  const remembered = readJson<string[]>(KEYS.reportNames, []);
  const name = firstFreeName(build.model.title, (candidate) => nameTaken(destination.folder, candidate, remembered));
  const doc = DocumentApp.create(name);
  // A closed document answers nothing, so its id and link are taken first.
  const docId = doc.getId();
  const url = doc.getUrl();
  renderDocModel(doc, build.model);
  doc.saveAndClose();
  mergeGroupHeaders(docId, build.model);
  let notice = destination.notice;
  try {
    DriveApp.getFileById(docId).moveTo(destination.folder);
  } catch {
    notice = "Не удалось переложить отчёт в папку: он сохранён в корне «Моего диска».";
  }
  const report: StoredReport = { url, name, draft: build.model.draft, createdAt: new Date().toISOString(), fingerprint: print };
  writeJson(KEYS.lastReport, report);
  writeJson(KEYS.reportNames, newestThatFit([...remembered, name]));
  setSpreadsheetMetadata(ss, METADATA_KEYS.lastReport, JSON.stringify({ url: report.url, name, createdAt: report.createdAt, draft: report.draft }));
  const { fingerprint: _, ...link } = report;
  return { kind: "created", report: link, errors: build.errors, ...(notice ? { notice } : {}) };
}
