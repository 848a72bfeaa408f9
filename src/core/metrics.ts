/** Metrics computed with every validation (RULES «Metrics»); the implementation lives in rules/metrics.ts. */

export interface ContestLevelCount {
  participations: number;
  wins: number;
}

export interface Metrics {
  /** Share of required fields and required tabs filled, 0..1. */
  completeness: number;
  planRows: number;
  /** Rows with status «Выполнено». */
  planDone: number;
  /** Rows whose term has ended by the report date (denominator of planExecution). */
  planDue: number;
  /** planDone / planDue; null when no row is due yet. */
  planExecution: number | null;
  /** Rows with a deviation status. */
  deviations: number;
  pairsTotal: number;
  /** Pairs with status «Активна», «Завершена» or «Планируется»... see implementation. */
  pairsActive: number;
  pairsNotHeld: number;
  mentors: number;
  mentees: number;
  menteeOrgs: number;
  pairsBySubject: Record<string, number>;
  maxMentorLoad: number;
  participantsTotal: number;
  /** Rows per event tab title. */
  eventsByTab: Record<string, number>;
  /** Dissemination events by level. */
  eventsByLevel: Record<string, number>;
  publications: number;
  publicationsByLevel: Record<string, number>;
  contestsByLevel: Record<string, ContestLevelCount>;
  /** Conference participations (speeches) by level. */
  speechesByLevel: Record<string, number>;
}
