/** Metrics of an empty workbook, for fixtures that set only the figures a test is about. */
import type { Metrics } from "../../src/core/metrics.js";

export function zeroMetrics(extra: Partial<Metrics> = {}): Metrics {
  return {
    completeness: 0,
    planRows: 0,
    planDone: 0,
    planDue: 0,
    planExecution: null,
    deviations: 0,
    pairsTotal: 0,
    pairsActive: 0,
    pairsNotHeld: 0,
    mentors: 0,
    mentees: 0,
    menteeOrgs: 0,
    pairsBySubject: {},
    maxMentorLoad: 0,
    participantsTotal: 0,
    eventsByTab: {},
    eventsByLevel: {},
    publications: 0,
    publicationsByLevel: {},
    contestsByLevel: {},
    speechesByLevel: {},
    ...extra,
  };
}
