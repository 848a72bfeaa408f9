/**
 * Installable time triggers: the hourly refresh (switched on and off from the menu) and a
 * one-off continuation a minute after a run that stopped at its time budget, so a registry
 * of 1,000 schools finishes in minutes rather than hours.
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

export function scheduleContinuation(): void {
  if (triggersFor(CONTINUE_HANDLER).length > 0) return;
  ScriptApp.newTrigger(CONTINUE_HANDLER).timeBased().after(CONTINUE_AFTER_MS).create();
}

export function clearContinuation(): void {
  triggersFor(CONTINUE_HANDLER).forEach((t) => ScriptApp.deleteTrigger(t));
}
