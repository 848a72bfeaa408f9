/**
 * Installable time triggers: the hourly refresh (switched on and off from the menu) and a
 * one-off continuation a minute after a run that stopped at its time budget, so a registry
 * of 1,000 schools finishes in minutes rather than hours.
 *
 * Editor add-on limits: time-driven triggers run at most once an hour and an add-on may have
 * ONE trigger of each type per user per document. So when the hourly trigger exists no
 * continuation is created (the next hourly run continues from the cursor), and a refused
 * continuation is not an error: the batch is already saved, the next «Обновить свод» or
 * hourly run continues it.
 */
export const HOURLY_HANDLER = "committeeHourlyRefresh";
export const CONTINUE_HANDLER = "committeeContinueRefresh";
const CONTINUE_AFTER_MS = 60_000;

function triggersFor(handler: string): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === handler);
}

export function hourlyEnabled(): boolean {
  return triggersFor(HOURLY_HANDLER).length > 0;
}

/** Switches the hourly refresh on; returns false when it already was. */
export function enableHourly(): boolean {
  if (hourlyEnabled()) return false;
  ScriptApp.newTrigger(HOURLY_HANDLER).timeBased().everyHours(1).create();
  return true;
}

/** Switches it off; returns how many triggers were removed. */
export function disableHourly(): number {
  const found = [...triggersFor(HOURLY_HANDLER), ...triggersFor(CONTINUE_HANDLER)];
  found.forEach((t) => ScriptApp.deleteTrigger(t));
  return found.length;
}

/**
 * How an unfinished refresh goes on: «minute» — a one-off continuation in a minute; «hourly» —
 * the hourly trigger continues it; «manual» — a continuation was refused and the hourly
 * trigger is off, so the next «Обновить свод» continues it.
 */
export type Continuation = "minute" | "hourly" | "manual";

export function scheduleContinuation(): Continuation {
  const triggers = ScriptApp.getProjectTriggers();
  const handlers = triggers.map((t) => t.getHandlerFunction());
  if (handlers.includes(HOURLY_HANDLER)) return "hourly";
  if (handlers.includes(CONTINUE_HANDLER)) return "minute";
  try {
    ScriptApp.newTrigger(CONTINUE_HANDLER).timeBased().after(CONTINUE_AFTER_MS).create();
    return "minute";
  } catch (error) {
    console.log(`Продолжение обновления свода не запланировано: ${error instanceof Error ? error.message : String(error)}`);
    return "manual";
  }
}

export function clearContinuation(): void {
  triggersFor(CONTINUE_HANDLER).forEach((t) => ScriptApp.deleteTrigger(t));
}
