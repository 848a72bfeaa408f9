/**
 * The document lock around work that must not overlap with itself in another execution of the
 * same spreadsheet: making a report (two clicks make one document) and rewriting the marks (the
 * note boxes in one document property that a check, each onEdit and «Убрать подсветку» rewrite).
 * `onBusy` decides what a caller does when another execution holds the lock.
 *
 * `untilExit`: for work that ends its execution (the report), the lock is left to Apps Script,
 * which releases it when the script terminates — «The lock is automatically released when the
 * script terminates» (https://developers.google.com/apps-script/reference/lock/lock#releaseLock())
 * — one call fewer. A failure still releases it at once.
 */
export function underDocumentLock<T>(waitMs: number, onBusy: () => T, work: () => T, { untilExit = false } = {}): T {
  let lock: GoogleAppsScript.Lock.Lock | null;
  try {
    lock = LockService.getDocumentLock();
  } catch {
    lock = null; // no lock service in this context: run unguarded rather than not at all
  }
  if (lock && !lock.tryLock(waitMs)) return onBusy();
  let done = false;
  try {
    const result = work();
    done = true;
    return result;
  } finally {
    if (!done || !untilExit) lock?.releaseLock();
  }
}
