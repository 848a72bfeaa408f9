/**
 * «Сформировать отчёт»: the core DocModel drawn as a new Google Doc in the report folder.
 * Under the document lock, so two clicks never make two documents: the second click waits,
 * sees the report just made from the same content and returns it. Never overwrites: an
 * existing name gets «(2)», «(3)»… With the drive.file scope the add-on sees only files it
 * created, so the names it made are also remembered in the workbook.
 */
import type { ReportOutcome } from "../api.js";
import { blockedOutcome, buildReport, firstFreeName } from "../core/report/build.js";
import { checkWorkbook } from "./check.js";
import { renderDocModel } from "./docs-render.js";
import { UserError } from "./errors.js";
import { KEYS, METADATA_KEYS, type StoredReport, readJson, setSpreadsheetMetadata, writeJson } from "./properties.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Folder = GoogleAppsScript.Drive.Folder;

/** A second click within this time on an unchanged workbook returns the document just made. */
export const REPEAT_WINDOW_MS = 120_000;
const LOCK_WAIT_MS = 30_000;
const REMEMBERED_NAMES = 200;

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
  folder: Folder | null;
  notice: string | null;
}

function spreadsheetFolder(ss: Spreadsheet): Folder | null {
  try {
    const parents = DriveApp.getFileById(ss.getId()).getParents();
    return parents.hasNext() ? parents.next() : null;
  } catch {
    return null;
  }
}

export function reportDestination(ss: Spreadsheet, setting: string): Destination {
  if (setting.trim() !== "") {
    const id = folderIdFrom(setting);
    if (id) {
      try {
        return { folder: DriveApp.getFolderById(id), notice: null };
      } catch {
        // Falls through to the spreadsheet's folder with a notice.
      }
    }
    const fallback = spreadsheetFolder(ss);
    return {
      folder: fallback,
      notice: `Папка из «Настройки» (${setting.trim()}) недоступна дополнению, поэтому отчёт сохранён ${fallback ? "в папку таблицы" : "в «Мой диск»"}. Дополнение видит только папки, созданные им или открытые через него; укажите ссылку на папку, к которой у вас есть доступ, или оставьте поле пустым.`,
    };
  }
  const folder = spreadsheetFolder(ss);
  return { folder, notice: folder ? null : "Папка таблицы недоступна дополнению, поэтому отчёт сохранён в «Мой диск»." };
}

function nameTaken(folder: Folder | null, name: string, remembered: readonly string[]): boolean {
  if (remembered.includes(name)) return true;
  return (folder ? folder.getFilesByName(name) : DriveApp.getFilesByName(name)).hasNext();
}

export function lastReport(): StoredReport | null {
  return readJson<StoredReport | null>(KEYS.lastReport, null);
}

export function generateReport(ss: Spreadsheet): ReportOutcome {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new UserError("Отчёт по этой таблице уже формируется. Подождите минуту и нажмите ещё раз.");
  try {
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
    renderDocModel(doc, build.model);
    doc.saveAndClose();
    let notice = destination.notice;
    if (destination.folder) {
      try {
        DriveApp.getFileById(doc.getId()).moveTo(destination.folder);
      } catch {
        notice = "Не удалось переложить отчёт в папку: он сохранён в «Мой диск».";
      }
    }
    const report: StoredReport = { url: doc.getUrl(), name, draft: build.model.draft, createdAt: new Date().toISOString(), fingerprint: print };
    writeJson(KEYS.lastReport, report);
    writeJson(KEYS.reportNames, [...remembered, name].slice(-REMEMBERED_NAMES));
    setSpreadsheetMetadata(ss, METADATA_KEYS.lastReport, JSON.stringify({ url: report.url, name, createdAt: report.createdAt, draft: report.draft }));
    const { fingerprint: _, ...link } = report;
    return { kind: "created", report: link, errors: build.errors, ...(notice ? { notice } : {}) };
  } finally {
    lock.releaseLock();
  }
}
