/**
 * The committee refresh, platform-neutral: it walks the registry in order, skips workbooks
 * whose last-modified time is unchanged, validates the others with the same core, and
 * writes ONE complete Свод row per school. It stops before its time budget runs out and
 * returns a cursor, so the next run continues where this one stopped (Apps Script kills a
 * run after 6 minutes). Ports make it testable with an injected clock and fake services.
 */
import type { WorkbookGrid } from "../grid.js";
import type { IsoDate } from "../terms/types.js";
import { validateWorkbook } from "../validate.js";
import { failureState, isDailyQuota, isRateLimited } from "./failure.js";
import { type RegistryEntry, spreadsheetUrl } from "./registry.js";
import { type SchoolRecord, type StoredRow, type SummaryRow, failedRecord, readRecord, schoolRow } from "./school.js";
import { STATE_NO_LINK, STATE_TOO_SLOW, sameState, stateHasFigures } from "./states.js";

export interface OpenedSchool {
  readonly grid: WorkbookGrid;
  /** Link to the school's last report, "" when it has none. */
  readonly reportLink: string;
}

export interface RefreshPorts {
  /** Milliseconds, injectable for tests. */
  now(): number;
  /** «22.11.2026 21:40» in the committee's time zone. */
  formatNow(): string;
  /** Today's date for the validator. */
  today(): IsoDate;
  registry(): RegistryEntry[];
  /** Rows already in Свод, index 0 = sheet row 2 (null for an empty row). */
  storedRows(): (StoredRow | null)[];
  /** The workbook's last-modified time (ISO); throws when it cannot be reached. */
  modifiedTime(id: string): string;
  /** Reads the whole workbook (as few calls as possible); throws when it cannot. */
  openSchool(id: string): OpenedSchool;
  /** Writes one complete row (index 0 = sheet row 2) with its colour. */
  writeRow(index: number, row: SummaryRow): void;
  /** Removes rows from index on (schools taken out of the registry). */
  clearRowsFrom(index: number): void;
  progress(done: number, total: number, finished: boolean): void;
  /**
   * Persists a cursor mid-run (a run Apps Script kills at 6 minutes never reaches its end).
   * Called before the first school of a run and then at most every CHECKPOINT_MS of the clock
   * — not per school — except in a run after one that died, which checkpoints before every
   * school so the school being read when a run dies is known exactly.
   */
  checkpoint(cursor: RefreshCursor): void;
}

/** Where a refresh stopped; persisted between runs. */
export interface RefreshCursor {
  /** Next registry position to process. */
  readonly next: number;
  readonly total: number;
  readonly startedAt: string;
  /**
   * Written by a checkpoint only: the school being read. A run's own end saves a cursor
   * without it, so a run that finds it knows the run before died at or after that school.
   */
  readonly current?: number;
  /** The school a run died on last, and how many runs in a row died on it. */
  readonly suspect?: { readonly index: number; readonly times: number };
}

export interface BatchResult {
  /** null when the refresh finished. */
  readonly cursor: RefreshCursor | null;
  readonly processed: number;
  readonly skipped: number;
  readonly failed: number;
  /**
   * Set when Google's rate limit or quota stopped the run: the school it stopped at keeps
   * its previous row and the cursor points at it, so a later run reads it again.
   */
  readonly pause: Pause | null;
}

/**
 * Why Google stopped a run: «rate» — the per-minute rate limit (a continuation shortly goes on);
 * «day» — a daily quota (a continuation in a minute would only pause again).
 */
export type Pause = "rate" | "day";

/** Apps Script stops a run at 6 minutes; leave room for writing the cursor and progress. */
export const DEFAULT_BUDGET_MS = 4.5 * 60 * 1000;

/** Mid-run checkpoints at most this often (ms of the injected clock). */
export const CHECKPOINT_MS = 20_000;

/** Runs that died on one school before it is written as too slow and skipped. */
const DEATHS_BEFORE_SKIP = 2;

function sourceOf(entry: RegistryEntry, ports: RefreshPorts, modified: string, reportLink = "") {
  return {
    organisation: entry.organisation,
    link: entry.id ? spreadsheetUrl(entry.id) : "",
    id: entry.id ?? "",
    modified,
    updated: ports.formatNow(),
    reportLink,
  };
}

/**
 * The calendar day a row was last read («20.12.2022 10:00» → "2022-12-20"); null when «Обновлено»
 * is not in that form.
 */
function readOn(updated: string): string | null {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})\b/.exec(updated.trim());
  return m ? `${m[3]}-${m[2]}-${m[1]}` : null;
}

/**
 * Unchanged workbook: same id, same change stamp, and its last read succeeded. A row last read
 * on an earlier day is read again whatever its stamp: an edit the school's add-on did not see
 * (made through the API, or an uploaded copy) costs at most a day.
 */
function unchanged(
  stored: StoredRow | null | undefined,
  entry: RegistryEntry,
  modified: string,
  today: string,
): boolean {
  if (!stored || !entry.id || stored.id !== entry.id || modified === "" || stored.modified !== modified) return false;
  const day = readOn(stored.record.updated);
  if (day !== null && day < today) return false;
  const state = stored.record.state;
  return (
    (stateHasFigures(state) && stored.record.digest !== null) ||
    state.kind === "not-template" ||
    sameState(state, STATE_TOO_SLOW)
  );
}

/** The row of a school skipped because runs died reading it (its modified time kept, when known). */
function tooSlowRecord(entry: RegistryEntry, ports: RefreshPorts): SchoolRecord {
  let modified = "";
  try {
    modified = entry.id ? ports.modifiedTime(entry.id) : "";
  } catch {
    // Without it the school is tried again next refresh.
  }
  return failedRecord(sourceOf(entry, ports, modified), STATE_TOO_SLOW);
}

interface SchoolOutcome {
  /** The row to write; null when the stored row stays (unchanged workbook, or paused). */
  readonly record: SchoolRecord | null;
  readonly failed: boolean;
  /** A rate limit or quota stopped the read: write nothing, stop the batch here. */
  readonly pause?: Pause;
}

/** A school that could not be read: its failure state, or a pause when Google's rate limit or quota stopped it. */
function unreadable(error: unknown, entry: RegistryEntry, ports: RefreshPorts, modified: string): SchoolOutcome {
  if (isRateLimited(error)) return { record: null, failed: false, pause: isDailyQuota(error) ? "day" : "rate" };
  return { record: failedRecord(sourceOf(entry, ports, modified), failureState(error)), failed: true };
}

/** Reads and validates one school; every failure becomes a state, except a rate limit (a pause). */
function refreshSchool(entry: RegistryEntry, stored: StoredRow | null | undefined, ports: RefreshPorts): SchoolOutcome {
  if (!entry.id) return { record: failedRecord(sourceOf(entry, ports, ""), STATE_NO_LINK), failed: true };
  let modified: string;
  try {
    modified = ports.modifiedTime(entry.id);
  } catch (error) {
    return unreadable(error, entry, ports, "");
  }
  if (unchanged(stored, entry, modified, ports.today())) {
    // The organisation name may have been corrected in Реестр: that alone is worth a rewrite.
    if (stored!.record.organisation === (entry.organisation || stored!.record.organisation))
      return { record: null, failed: false };
  }
  try {
    const opened = ports.openSchool(entry.id);
    const result = validateWorkbook(opened.grid, { today: ports.today() });
    return {
      record: readRecord(sourceOf(entry, ports, modified, opened.reportLink), opened.grid, result),
      failed: false,
    };
  } catch (error) {
    return unreadable(error, entry, ports, modified);
  }
}

/**
 * One run: continue from the cursor (or start over), stop before the budget is spent.
 * The per-school time seen so far is used so a run does not start a school it cannot finish.
 */
export function refreshBatch(
  ports: RefreshPorts,
  cursor: RefreshCursor | null,
  budgetMs: number = DEFAULT_BUDGET_MS,
): BatchResult {
  const started = ports.now();
  const entries = ports.registry();
  const stored = ports.storedRows();
  const total = entries.length;
  const usable = cursor !== null && cursor.next <= total;
  let next = usable ? cursor.next : 0;
  const startedAt = (usable ? cursor.startedAt : undefined) ?? ports.formatNow();
  // A checkpoint that still marks a school in progress: the run that wrote it died there or later.
  const died = usable && typeof cursor.current === "number" ? cursor.current : null;
  let suspect =
    died === null ? undefined : { index: died, times: cursor?.suspect?.index === died ? cursor.suspect.times + 1 : 1 };
  let lastCheckpoint = -Infinity;
  let processed = 0;
  let skipped = 0;
  let failed = 0;
  let slowest = 0;
  let pause: Pause | null = null;
  while (next < total) {
    const before = ports.now();
    if (before - started + slowest > budgetMs) break;
    const entry = entries[next]!;
    if (suspect && suspect.index === next && suspect.times >= DEATHS_BEFORE_SKIP) {
      ports.writeRow(next, schoolRow(tooSlowRecord(entry, ports)));
      suspect = undefined;
      failed++;
      processed++;
      next++;
      continue;
    }
    if (died !== null || before - lastCheckpoint >= CHECKPOINT_MS) {
      ports.checkpoint({ next, total, startedAt, current: next, ...(suspect ? { suspect } : {}) });
      lastCheckpoint = before;
    }
    const outcome = refreshSchool(entry, stored[next], ports);
    if (outcome.pause) {
      pause = outcome.pause;
      break;
    }
    if (outcome.record) ports.writeRow(next, schoolRow(outcome.record));
    else skipped++;
    if (outcome.failed) failed++;
    processed++;
    next++;
    slowest = Math.max(slowest, ports.now() - before);
  }
  const finished = next >= total;
  if (finished && stored.length > total) ports.clearRowsFrom(total);
  ports.progress(next, total, finished);
  return {
    cursor: finished ? null : { next, total, startedAt },
    processed,
    skipped,
    failed,
    pause,
  };
}

/**
 * How an unfinished refresh goes on (the platform decides): «minute» — a continuation run is
 * scheduled shortly; «hourly» — the next scheduled hourly run continues it; «manual» — only
 * the next «Обновить свод» does (the platform refused to schedule a continuation).
 */
export type ContinuationKind = "minute" | "hourly" | "manual";

const CONTINUES: Readonly<Record<ContinuationKind, string>> = {
  minute: "обновление продолжается",
  hourly: "продолжится при ежечасном обновлении или по «Обновить свод»",
  manual: "продолжится при следующем «Обновить свод»",
};

/**
 * «обновлено 240 из 1000», and the time when finished or how it continues when not
 * (and why Google paused it, when it did).
 */
export function progressText(
  done: number,
  total: number,
  finished: boolean,
  when: string,
  next: ContinuationKind = "minute",
  pause: Pause | null = null,
): string {
  if (finished) return `обновлено ${done} из ${total} — ${when}`;
  const paused =
    pause === "day"
      ? "пауза: исчерпан суточный лимит Google, "
      : pause === "rate"
        ? "пауза: Google ограничил частоту чтения таблиц, "
        : "";
  return `обновлено ${done} из ${total}, ${paused}${CONTINUES[next]}`;
}
