import type { ReportOutcome } from "../api.js";
import type { Issue } from "../core/issues.js";

/** Strict mode with errors: no document; the sidebar lists the errors. */
export function blockedOutcome(errors: readonly Issue[]): ReportOutcome {
  return { kind: "blocked", issues: errors.filter((i) => i.severity === "error") };
}
