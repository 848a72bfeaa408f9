/**
 * The document lock around work that must not overlap with itself in another execution of the
 * same spreadsheet: making a report (two clicks make one document) and rewriting the marks (the
 * note boxes in one document property that a check, each onEdit and «Убрать подсветку» rewrite).
 * `onBusy` decides what a caller does when another execution holds the lock.
 */
export function underDocumentLock<T>(waitMs: number, onBusy: () => T, work: () => T): T {
  let lock: GoogleAppsScript.Lock.Lock | null;
  try {
    lock = LockService.getDocumentLock();
  } catch {
    lock = null; // no lock service in this context: run unguarded rather than not at all
  }
  if (lock && !lock.tryLock(waitMs)) return onBusy();
  try {
    return work();
  } finally {
    lock?.releaseLock();
  }
}
