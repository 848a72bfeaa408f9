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
  /** Rows of «Наставничество» with a mentor or a mentee. */
  pairsTotal: number;
  /** Pairs with status «Активна» or «Завершена». */
  pairsActive: number;
  /** Pairs with status «Не состоялась». */
  pairsNotHeld: number;
  /** Distinct mentors (folded full names), pairs «Не состоялась» left out. */
  mentors: number;
  /** Distinct mentees, pairs «Не состоялась» left out. */
  mentees: number;
  /** Distinct organisations of those mentees. */
  menteeOrgs: number;
  /** Subject as first written → pairs, «Не состоялась» left out. */
  pairsBySubject: Record<string, number>;
  /** Most distinct mentees of one mentor, «Не состоялась» left out. */
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
