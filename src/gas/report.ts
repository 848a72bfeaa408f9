/**
 * «Сформировать отчёт»: the core DocModel drawn as a new Google Doc in the report folder.
 * Under the document lock, so two clicks never make two documents: the second click waits,
 * sees the report just made from the same content and returns it. Never overwrites: an
 * existing name gets «(2)», «(3)»… With the drive.file scope the add-on sees only files it
 * created, so the names it made are also remembered in the workbook (a report the user moved
 * elsewhere still holds its name).
 */
import type { ReportOutcome } from "../api.js";
import { buildReport, firstFreeName } from "../core/report/build.js";
import type { DocModel } from "../core/report/model.js";
import { blockedOutcome } from "./report-outcome.js";
import { checkWorkbook } from "./check.js";
import { applyDocsLayout } from "./docs-merge.js";
import { reportPackage } from "./docx-package.js";
import { underDocumentLock } from "./document-lock.js";
import { OWN_FOLDER_NAME, createReportDocument, folderReachable, namesInFolder, ownFolderId } from "./drive-files.js";
import { UserError } from "./errors.js";
import {
  KEYS,
  METADATA_KEYS,
  type StoredReport,
  newestThatFit,
  readJson,
  setSpreadsheetMetadata,
  writeJson,
} from "./properties.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A second click within this time on an unchanged workbook returns the document just made. */
const REPEAT_WINDOW_MS = 120_000;
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
function folderIdFrom(text: string): string | null {
  const t = text.trim();
  if (t === "") return null;
  const m = /\/folders\/([-\w]{10,})/.exec(t) ?? /[?&]id=([-\w]{10,})/.exec(t);
  if (m) return m[1]!;
  return /^[-\w]{10,}$/.test(t) ? t : null;
}

export interface Destination {
  folderId: string;
  notice: string | null;
}

/**
 * Where a document goes. Under drive.file the add-on reaches only folders it created: a folder
 * pasted into «Настройки» that it made (its own «Отчёты МИП», wherever the user moved it) is used;
 * any other folder — and the spreadsheet's own folder — is closed to it, so the document goes to
 * the add-on's folder and the user is told why, in Russian. Never a failure.
 */
export function reportDestination(setting: string): Destination {
  const asked = setting.trim();
  const id = asked ? folderIdFrom(asked) : null;
  if (id && folderReachable(id)) return { folderId: id, notice: null };
  const folderId = ownFolderId();
  if (!asked) return { folderId, notice: null };
  return {
    folderId,
    notice:
      `Папка из «Настройки» (${asked}) недоступна дополнению, поэтому отчёт сохранён в папку ` +
      `«${OWN_FOLDER_NAME}» на вашем Диске (её можно переместить — дополнение её найдёт). Дополнение видит только ` +
      `файлы и папки, которые создало само: укажите папку «${OWN_FOLDER_NAME}» или оставьте поле пустым.`,
  };
}

/**
 * A new Google Doc in the folder, under the first free name, with the model drawn in it: the
 * whole document uploaded as one .docx that Drive converts, then one Documents.get and one
 * batchUpdate for what the upload does not set (docs-merge.ts). The number of Apps Script calls
 * does not depend on the length of the report.
 */
export function makeDocument(
  model: DocModel,
  folderId: string,
  remembered: readonly string[] = [],
): { id: string; url: string; name: string; layoutMissing: string | null } {
  const taken = namesInFolder(folderId);
  const name = firstFreeName(model.title, (candidate) => remembered.includes(candidate) || taken.has(candidate));
  const made = createReportDocument({ name, folderId, parts: reportPackage(model) });
  const layout = applyDocsLayout(made.id, model);
  return { id: made.id, url: made.url, name, layoutMissing: layout.missing };
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
  const destination = reportDestination(result.context.settings.reportFolder);
  const remembered = readJson<string[]>(KEYS.reportNames, []);
  const { url, name, layoutMissing } = makeDocument(build.model, destination.folderId, remembered);
  // Where the document went and what its layout lacks, each in a sentence of its own.
  const notice = [destination.notice, layoutMissing].filter((n): n is string => !!n).join(" ") || null;
  const report: StoredReport = {
    url,
    name,
    draft: build.model.draft,
    createdAt: new Date().toISOString(),
    fingerprint: print,
  };
  writeJson(KEYS.lastReport, report);
  writeJson(KEYS.reportNames, newestThatFit([...remembered, name]));
  setSpreadsheetMetadata(
    ss,
    METADATA_KEYS.lastReport,
    JSON.stringify({ url: report.url, name, createdAt: report.createdAt, draft: report.draft }),
  );
  const { fingerprint: _, ...link } = report;
  return { kind: "created", report: link, errors: build.errors, ...(notice ? { notice } : {}) };
}
