/**
 * One refresh run in Apps Script: under a lock (two refreshes never overlap), continue from
 * the saved cursor, stop before the 6-minute limit, save the cursor and schedule the next
 * run. The work itself is the platform-neutral refreshBatch from the core.
 */
import {
  type BatchResult,
  type Pause,
  DEFAULT_BUDGET_MS,
  type RefreshPorts,
  parseRegistry,
  progressText,
  registryLinkColumn,
  spreadsheetIdFrom,
} from "../../core/committee/index.js";
import { refreshBatch } from "../../core/committee/refresh.js";
import { type Cell, cellText } from "../../core/grid.js";
import { UserError } from "../errors.js";
import {
  clearSummaryRowsFrom,
  ensureSummaryRows,
  readStoredRows,
  writeProgress,
  writeSummaryRow,
} from "./dashboard.js";
import { committeeSpreadsheet, loadCursor, saveCursor } from "./cursor.js";
import { modifiedTime, openSchool } from "./school-reader.js";
import { ensureCommitteeTabs } from "./tabs.js";
import { writeExecutionTab } from "./roadmap.js";
import { type Continuation, armSafetyNet, clearContinuation, hourlyEnabled, scheduleContinuation } from "./triggers.js";

export type RefreshOutcome =
  | { kind: "busy" }
  | {
      kind: "finished" | "continues";
      done: number;
      total: number;
      processed: number;
      skipped: number;
      failed: number;
      text: string;
      /** How an unfinished refresh goes on; null when finished. */
      next: Continuation | null;
      /** Google's rate limit or quota stopped the run (the school it stopped at keeps its row). */
      pause: Pause | null;
    };

const registryCell = (v: unknown): Cell =>
  v === "" || v === null || v === undefined
    ? null
    : typeof v === "string" || typeof v === "number" || typeof v === "boolean"
      ? v
      : String(v);

/** The link under a rich-text cell: the whole text's link, else the first linked run's. */
function linkOf(rich: GoogleAppsScript.Spreadsheet.RichTextValue | null | undefined): string | null {
  if (!rich) return null;
  return (
    rich.getLinkUrl() ||
    rich
      .getRuns()
      .map((run) => run.getLinkUrl())
      .find((url): url is string => !!url) ||
    null
  );
}

/**
 * Реестр as cells. getValues() gives a link's label, not its address, for a link pasted as a
 * smart chip or a rich-text link: so the link column's rich text is read too
 * (ONE extra call per run), and where the label is not itself a spreadsheet link or id, the
 * cell's link address takes its place (Sheets links a typed URL to itself, so a cell that
 * already holds one needs no look). A =HYPERLINK("…", "…") formula shows its label and carries
 * no rich-text link: only when some row is still without a link are the column's formulas read
 * (one more call, none in the usual case).
 */
export function registryRows(registry: GoogleAppsScript.Spreadsheet.Sheet): Cell[][] {
  const rows = registry
    .getDataRange()
    .getValues()
    .map((row) => row.map(registryCell));
  if (rows.length < 2) return rows;
  const linkAt = registryLinkColumn(rows[0]!);
  const column = registry.getRange(1, linkAt + 1, rows.length, 1);
  const rich = column.getRichTextValues();
  const linked = (r: number) => spreadsheetIdFrom(cellText(rows[r]![linkAt])) !== null;
  rows.forEach((row, r) => {
    if (r === 0 || linked(r)) return;
    const url = linkOf(rich[r]?.[0]);
    if (url) row[linkAt] = url;
  });
  if (rows.some((row, r) => r > 0 && cellText(row[linkAt]) !== "" && !linked(r))) {
    const formulas = column.getFormulas();
    rows.forEach((row, r) => {
      const url = r > 0 && !linked(r) ? hyperlinkUrl(formulas[r]?.[0] ?? "") : null;
      if (url) row[linkAt] = url;
    });
  }
  return rows;
}

/** The address of =HYPERLINK("address"; "label") (either separator, "" inside quotes); null otherwise. */
export function hyperlinkUrl(formula: string): string | null {
  const m = /^=\s*HYPERLINK\s*\(\s*"((?:[^"]|"")*)"/i.exec(formula.trim());
  return m ? m[1]!.replace(/""/g, '"') : null;
}

const LOCK_WAIT_MS = 1000;

/**
 * Two refreshes never overlap: the user lock always (a menu run and a trigger run of one user
 * — with or without a document context — share it) plus the document lock when there is a
 * document context (committee members refreshing from the menu share that). Always taken in
 * this order; returns the release function, or null when either is held.
 */
export function acquireLocks(): (() => void) | null {
  const held: GoogleAppsScript.Lock.Lock[] = [];
  const release = () => {
    for (const lock of held.reverse()) lock.releaseLock();
  };
  const user = LockService.getUserLock();
  if (!user.tryLock(LOCK_WAIT_MS)) return null;
  held.push(user);
  const document = LockService.getDocumentLock();
  if (document) {
    if (!document.tryLock(LOCK_WAIT_MS)) {
      release();
      return null;
    }
    held.push(document);
  }
  return release;
}

/**
 * A daily quota: a continuation every minute would only pause again all day. The safety net
 * goes; the hourly run (if on) or the next «Обновить свод» continues from the cursor.
 */
function settleForTheDay(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Continuation {
  try {
    clearContinuation(ss);
    return hourlyEnabled(ss) ? "hourly" : "manual";
  } catch {
    return "manual";
  }
}

export function runRefresh(budgetMs: number = DEFAULT_BUDGET_MS): RefreshOutcome {
  const ss = committeeSpreadsheet();
  if (!ss) throw new UserError("Не найдена таблица комитета: откройте её и включите обновление заново.");
  const release = acquireLocks();
  if (!release) return { kind: "busy" };
  try {
    const { registry, summary } = ensureCommitteeTabs(ss);
    const timeZone = ss.getSpreadsheetTimeZone();
    const format = (pattern: string) => Utilities.formatDate(new Date(), timeZone, pattern);
    // Utilities calls are cheap but not free: the time is formatted once per minute, the date once per run.
    const today = format("yyyy-MM-dd");
    let minute = -1;
    let minuteText = "";
    const formatNow = () => {
      const m = Math.floor(Date.now() / 60_000);
      if (m !== minute) {
        minute = m;
        minuteText = format("dd.MM.yyyy HH:mm");
      }
      return minuteText;
    };
    let progress = { done: 0, total: 0, finished: false };
    let schools = 0;
    const ports: RefreshPorts = {
      now: () => Date.now(),
      formatNow,
      today: () => today,
      registry: () => {
        const entries = parseRegistry(registryRows(registry));
        ensureSummaryRows(summary, entries.length);
        schools = entries.length;
        return entries;
      },
      storedRows: () => readStoredRows(summary),
      modifiedTime,
      openSchool,
      writeRow: (index, row) => writeSummaryRow(summary, index, row),
      clearRowsFrom: (index) => clearSummaryRowsFrom(summary, index),
      // Written once after the continuation is settled, so the cell says how the refresh goes on.
      progress: (done, total, finished) => void (progress = { done, total, finished }),
      checkpoint: (cursor) => saveCursor(summary, cursor),
    };
    armSafetyNet(ss);
    const result: BatchResult = refreshBatch(ports, loadCursor(summary), budgetMs);
    saveCursor(summary, result.cursor);
    // The roadmap's execution from the rows just written: a few calls, none per school.
    try {
      writeExecutionTab(ss, today);
    } catch (error) {
      console.log(`Исполнение дорожной карты не обновлено: ${String(error)}`);
    }
    // The rows and the cursor are saved: nothing below may turn a good batch into a failure.
    let next: Continuation | null = null;
    if (result.cursor && result.pause === "day") next = settleForTheDay(ss);
    else if (result.cursor) next = scheduleContinuation(ss);
    else {
      try {
        clearContinuation(ss);
      } catch {
        // A leftover continuation finds nothing to do and removes itself.
      }
    }
    const text = progressText(
      progress.done,
      progress.total,
      progress.finished,
      formatNow(),
      next ?? undefined,
      result.pause,
    );
    writeProgress(summary, text);
    const done = result.cursor ? result.cursor.next : schools;
    const total = result.cursor ? result.cursor.total : schools;
    return {
      kind: result.cursor ? "continues" : "finished",
      done,
      total,
      processed: result.processed,
      skipped: result.skipped,
      failed: result.failed,
      text,
      next,
      pause: result.pause,
    };
  } finally {
    release();
  }
}
