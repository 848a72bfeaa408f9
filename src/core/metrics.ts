/**
 * Metrics computed with every validation (docs/RULES.md «Metrics»); the implementation lives in
 * rules/metrics.ts. The type is the schema's: a committee digest stores these and reads them back
 * through MetricsSchema, so a field cannot exist in one and not the other.
 */
import * as z from "zod/mini";
import { isCountRecord } from "./text-keyed.js";

const counts = z.custom<Record<string, number>>(isCountRecord);

const ContestLevelCountSchema = z.object({ participations: z.number(), wins: z.number() });
export type ContestLevelCount = z.infer<typeof ContestLevelCountSchema>;

export const MetricsSchema = z.object({
  /** Share of required fields and required tabs filled, 0..1. */
  completeness: z.number(),
  planRows: z.number(),
  /** Rows with status «Выполнено» («Вне плана» rows are not plan commitments and never count). */
  planDone: z.number(),
  /** Planned rows whose term has ended by the report date, plus rows «Выполнено» (denominator of planExecution). */
  planDue: z.number(),
  /** planDone / planDue; null when no row is due yet. */
  planExecution: z.nullable(z.number()),
  /** Rows with a deviation status. */
  deviations: z.number(),
  /** Rows of «Наставничество» with a mentor or a mentee. */
  pairsTotal: z.number(),
  /** Pairs with status «Активна» or «Завершена». */
  pairsActive: z.number(),
  /** Pairs with status «Не состоялась». */
  pairsNotHeld: z.number(),
  /** Distinct mentors (folded full names), pairs «Не состоялась» left out. */
  mentors: z.number(),
  /** Distinct mentees, pairs «Не состоялась» left out. */
  mentees: z.number(),
  /** Distinct organisations of those mentees, resolved to the «Организации» tab. */
  menteeOrgs: z.number(),
  /** Subject as first written → pairs, «Не состоялась» left out. */
  pairsBySubject: counts,
  /** Most distinct mentees of one mentor, «Не состоялась» left out. */
  maxMentorLoad: z.number(),
  participantsTotal: z.number(),
  /** Rows per event tab title. */
  eventsByTab: counts,
  /** Dissemination events by level, dated inside the reporting period (or undated). */
  eventsByLevel: counts,
  /** Publications dated inside the reporting period (or undated). */
  publications: z.number(),
  /** The same publications by level. */
  publicationsByLevel: counts,
  /** Contests by level (the tab has no date column: every row counts). */
  contestsByLevel: z.record(z.string(), ContestLevelCountSchema),
  /** Conference participations (speeches) by level, dated inside the reporting period (or undated). */
  speechesByLevel: counts,
});
export type Metrics = z.infer<typeof MetricsSchema>;
