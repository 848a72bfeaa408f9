/**
 * Temporary files this run has made and not yet renamed or removed (files.ts registers each
 * one before creating it). An interrupted run (Ctrl-C) removes them so no «.mip-….tmp» is left
 * beside the user's files.
 */
import { unlinkSync } from "node:fs";

const pending = new Set<string>();

export function trackTemporary(path: string): void {
  pending.add(path);
}

/** The file has been renamed to its name or removed: nothing to clean up. */
export function releaseTemporary(path: string): void {
  pending.delete(path);
}

/** Removes every temporary file still pending, synchronously (the process is about to exit). */
export function removeTemporaries(): void {
  for (const path of pending) {
    try {
      unlinkSync(path);
    } catch {
      // Already gone (renamed or removed between the registration and now).
    }
    pending.delete(path);
  }
}
