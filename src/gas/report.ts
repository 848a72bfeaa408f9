/**
 * «Сформировать отчёт»: the core DocModel drawn as a new Google Doc in the report folder.
 * Under the document lock, so two clicks never make two documents: the second click waits,
 * sees the report just made from the same content and returns it. Never overwrites: an
 * existing name gets «(2)», «(3)»… With the drive.file scope the add-on sees only files it
 * created, so the names it made are also remembered in the workbook (a report the user moved
 * elsewhere still holds its name).
 */
import type { ReportOutcome } from "../api.js";
import { buildReport } from "../core/report/build.js";
import type { DocModel } from "../core/report/model.js";
import { blockedOutcome } from "./report-outcome.js";
import { checkWorkbook } from "./check.js";
import { underDocumentLock } from "./document-lock.js";
import { fingerprint } from "./fingerprint.js";
import { namesInFolder } from "./drive-files.js";
import { UserError } from "./errors.js";
import { pdfFields, savePdfBeside } from "./report-pdf.js";
import { historyWith, newestFirst, reportRecord } from "./report-history.js";
import {
  KEYS,
  METADATA_KEYS,
  type StoredReport,
  newestThatFit,
  propertySnapshot,
  readJson,
  setSpreadsheetMetadataAt,
} from "./properties.js";
import { documentIn, placeReport } from "./report-folder.js";
import { layoutChange, parseLayout } from "./tab-layout.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A second click within this time on an unchanged workbook returns the document just made. */
const REPEAT_WINDOW_MS = 120_000;
const LOCK_WAIT_MS = 30_000;

/**
 * A new Google Doc in the folder, under the first free name, with the model drawn in it
 * (report-folder.ts documentIn: one upload Drive converts, one Documents.get, one batchUpdate).
 * The committee's documents go to the add-on's own folder (ownFolderId).
 */
export function makeDocument(
  model: DocModel,
  folderId: string,
  remembered: readonly string[] = [],
): { id: string; url: string; name: string; layoutMissing: string | null } {
  return documentIn(model, folderId, remembered, namesInFolder(folderId));
}

/** The last report as the document properties hold it (`store`: a snapshot the caller has read). */
export function lastReport(store?: GoogleAppsScript.Properties.Properties): StoredReport | null {
  return readJson<StoredReport | null>(KEYS.lastReport, null, store);
}

export function generateReport(ss: Spreadsheet): ReportOutcome {
  return underDocumentLock(
    LOCK_WAIT_MS,
    () => {
      throw new UserError("Отчёт по этой таблице уже формируется. Подождите минуту и нажмите ещё раз.");
    },
    () => makeReport(ss),
    // Making the report is the last thing its execution does: the lock goes when it ends.
    { untilExit: true },
  );
}

/**
 * The document properties are read once (getProperties) and written once (setProperties); the
 * workbook is read by the tab positions the sidebar's last read left there (check.ts).
 */
function makeReport(ss: Spreadsheet): ReportOutcome {
  const props = PropertiesService.getDocumentProperties();
  const all = props.getProperties();
  const stored = propertySnapshot(all);
  const cached = parseLayout(all[KEYS.tabLayout]);
  const { grid, result, layout, today } = checkWorkbook(ss, { layout: cached });
  const layoutUpdate = layoutChange(cached, layout);
  const build = buildReport(result);
  if (build.kind === "blocked") {
    if (Object.keys(layoutUpdate).length > 0) props.setProperties(layoutUpdate);
    return blockedOutcome(build.errors);
  }
  const print = fingerprint(JSON.stringify(grid));
  const previous = lastReport(stored);
  if (previous && previous.fingerprint === print && Date.now() - Date.parse(previous.createdAt) < REPEAT_WINDOW_MS) {
    const { fingerprint: _, ...report } = previous;
    return { kind: "created", report, errors: build.errors };
  }
  const remembered = readJson<string[]>(KEYS.reportNames, [], stored);
  const placed = placeReport(
    build.model,
    result.context.settings.reportFolder,
    remembered,
    all[KEYS.ownFolder] ?? null,
  );
  // Where the document went and what its layout lacks, each in a sentence of its own.
  const notice = [placed.notice, placed.layoutMissing].filter((n): n is string => !!n).join(" ") || null;
  const report: StoredReport = {
    url: placed.url,
    name: placed.name,
    draft: build.model.draft,
    createdAt: new Date().toISOString(),
    fingerprint: print,
    ...pdfFields(savePdfBeside(placed.id, placed.name, placed.folderId)),
  };
  const { fingerprint: _, ...link } = report;
  const hint = Number.parseInt(all[KEYS.reportMetadataAt] ?? "", 10);
  const metadataAt = setSpreadsheetMetadataAt(
    ss,
    METADATA_KEYS.lastReport,
    JSON.stringify({ url: link.url, name: link.name, createdAt: link.createdAt, draft: link.draft }),
    Number.isInteger(hint) ? hint : null,
  );
  const history = historyWith(reportRecord(link, result.context.reportType, today), stored);
  props.setProperties({
    [KEYS.lastReport]: JSON.stringify(report),
    [KEYS.reportNames]: JSON.stringify(newestThatFit([...remembered, placed.name])),
    [KEYS.reportMetadataAt]: String(metadataAt),
    [KEYS.reportHistory]: JSON.stringify(history),
    ...(placed.ownFolder ? { [KEYS.ownFolder]: placed.ownFolder } : {}),
    ...layoutUpdate,
  });
  return {
    kind: "created",
    report: link,
    errors: build.errors,
    history: newestFirst(history),
    ...(notice ? { notice } : {}),
  };
}
