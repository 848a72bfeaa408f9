/**
 * Installable time triggers: the hourly refresh (switched on and off from the menu) and a
 * one-off continuation a minute after a run that stopped at its time budget, so a registry
 * of 1,000 schools finishes in minutes rather than hours.
 *
 * Editor add-on limits: time-driven triggers run at most once an hour and an add-on may have
 * ONE trigger of each type per user per document. So when the hourly trigger exists no
 * continuation is created (the next hourly run continues from the cursor), and a refused
 * continuation is not an error: the batch is already saved, the next «Обновить свод» or
 * hourly run continues it. Triggers are always looked up for the committee spreadsheet
 * (getUserTriggers): getProjectTriggers would list the user's triggers of every document the
 * add-on is used in.
 */
import type { ContinuationKind } from "../../core/committee/refresh.js";

const HOURLY_HANDLER = "committeeHourlyRefresh";
const CONTINUE_HANDLER = "committeeContinueRefresh";
const CONTINUE_AFTER_MS = 60_000;
/** Just past the 6-minute limit of the run that sets it. */
const SAFETY_NET_MS = 7 * 60_000;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** This user's triggers of this spreadsheet. */
function documentTriggers(ss: Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(ss);
}

function triggersFor(ss: Spreadsheet, handler: string): GoogleAppsScript.Script.Trigger[] {
  return documentTriggers(ss).filter((t) => t.getHandlerFunction() === handler);
}

export function hourlyEnabled(ss: Spreadsheet): boolean {
  return triggersFor(ss, HOURLY_HANDLER).length > 0;
}

/**
 * Switches the hourly refresh on; returns false when it already was. A pending continuation
 * goes first: an add-on may hold one time-driven trigger per document, and the hourly run
 * continues from the saved cursor anyway.
 */
export function enableHourly(ss: Spreadsheet): boolean {
  const triggers = documentTriggers(ss);
  if (triggers.some((t) => t.getHandlerFunction() === HOURLY_HANDLER)) return false;
  for (const t of triggers) if (t.getHandlerFunction() === CONTINUE_HANDLER) ScriptApp.deleteTrigger(t);
  ScriptApp.newTrigger(HOURLY_HANDLER).timeBased().everyHours(1).create();
  return true;
}

/** Switches it off; returns how many triggers were removed. */
export function disableHourly(ss: Spreadsheet): number {
  const found = documentTriggers(ss).filter(
    (t) => t.getHandlerFunction() === HOURLY_HANDLER || t.getHandlerFunction() === CONTINUE_HANDLER,
  );
  found.forEach((t) => ScriptApp.deleteTrigger(t));
  return found.length;
}

/** How an unfinished refresh goes on (the core's ContinuationKind). */
export type Continuation = ContinuationKind;

/**
 * After an unfinished batch: the continuation a minute from now. A continuation already set
 * (the safety net armed before the batch) is replaced by this sooner one.
 */
export function scheduleContinuation(ss: Spreadsheet): Continuation {
  const triggers = documentTriggers(ss);
  if (triggers.some((t) => t.getHandlerFunction() === HOURLY_HANDLER)) return "hourly";
  for (const t of triggers) if (t.getHandlerFunction() === CONTINUE_HANDLER) ScriptApp.deleteTrigger(t);
  return createContinuation(CONTINUE_AFTER_MS) ? "minute" : "manual";
}

/**
 * Apps Script kills a run at 6 minutes without a word, and a killed run schedules nothing. So
 * before its batch a run sets a continuation for just after that limit: if the run dies (a
 * school that takes minutes to read), the refresh still goes on; if it ends normally, the
 * continuation is replaced (unfinished) or removed (finished). Not needed with the hourly trigger.
 */
export function armSafetyNet(ss: Spreadsheet): void {
  try {
    const handlers = documentTriggers(ss).map((t) => t.getHandlerFunction());
    if (handlers.includes(HOURLY_HANDLER) || handlers.includes(CONTINUE_HANDLER)) return;
  } catch {
    return; // triggers cannot even be listed here: the refresh itself must still run
  }
  createContinuation(SAFETY_NET_MS);
}

function createContinuation(afterMs: number): boolean {
  try {
    ScriptApp.newTrigger(CONTINUE_HANDLER).timeBased().after(afterMs).create();
    return true;
  } catch (error) {
    console.log(
      `Продолжение обновления свода не запланировано: ${error instanceof Error ? error.message : String(error)}`,
    );
    return false;
  }
}

export function clearContinuation(ss: Spreadsheet): void {
  triggersFor(ss, CONTINUE_HANDLER).forEach((t) => ScriptApp.deleteTrigger(t));
}
