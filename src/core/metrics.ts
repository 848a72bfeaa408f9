/** Metrics computed with every validation (RULES «Metrics»); the implementation lives in rules/metrics.ts. */

export interface ContestLevelCount {
  participations: number;
  wins: number;
}

export interface Metrics {
  /** Share of required fields and required tabs filled, 0..1. */
  completeness: number;
  planRows: number;
  /** Rows with status «Выполнено» («Вне плана» rows are not plan commitments and never count). */
  planDone: number;
  /** Planned rows whose term has ended by the report date, plus rows «Выполнено» (denominator of planExecution). */
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
  /** Distinct organisations of those mentees, resolved to the «Организации» tab. */
  menteeOrgs: number;
  /** Subject as first written → pairs, «Не состоялась» left out. */
  pairsBySubject: Record<string, number>;
  /** Most distinct mentees of one mentor, «Не состоялась» left out. */
  maxMentorLoad: number;
  participantsTotal: number;
  /** Rows per event tab title. */
  eventsByTab: Record<string, number>;
  /** Dissemination events by level, dated inside the reporting period (or undated). */
  eventsByLevel: Record<string, number>;
  /** Publications dated inside the reporting period (or undated). */
  publications: number;
  /** The same publications by level. */
  publicationsByLevel: Record<string, number>;
  /** Contests by level (the tab has no date column: every row counts). */
  contestsByLevel: Record<string, ContestLevelCount>;
  /** Conference participations (speeches) by level, dated inside the reporting period (or undated). */
  speechesByLevel: Record<string, number>;
}
