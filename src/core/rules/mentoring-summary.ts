/**
 * The mentoring numbers shared by MENT_DECLARED_MISMATCH and the metrics. Pairs with status
 * «Не состоялась» never happened, so they are left out of the numbers of mentors, mentees
 * and pairs; they are counted in pairsTotal and pairsNotHeld.
 */
import type { TableRow } from "../workbook.js";
import { type OrgIndex, orgIndexOf } from "./orgs.js";
import { enumValue, identity, orgKey, text } from "./read.js";

type PairRow = TableRow<"mentoring">;
type OrgRow = TableRow<"orgs">;

export const NOT_HELD = "Не состоялась";
/** Statuses counted as pairs that work or worked («действующих и завершённых»). */
export const ACTIVE_STATUSES: ReadonlySet<string> = new Set(["Активна", "Завершена"]);

/** Counts a pair towards the mentor's current load. */
export function isCurrentPair(status: string | null, written: string): boolean {
  return status === "Активна" || status === "Планируется" || written === "";
}

export interface MentoringSummary {
  readonly pairsTotal: number;
  readonly pairsActive: number;
  readonly pairsNotHeld: number;
  /** Pairs other than «Не состоялась». */
  readonly pairsHeld: number;
  readonly mentors: number;
  readonly mentees: number;
  /** Distinct mentee organisations, names resolved to the «Организации» tab as the validator does («СОШ №4» = «МОУ «СОШ № 4»»). */
  readonly menteeOrgs: number;
  /** Subject as first written → pairs other than «Не состоялась». */
  readonly pairsBySubject: Record<string, number>;
  /** Largest number of distinct mentees of one mentor, pairs other than «Не состоялась». */
  readonly maxMentorLoad: number;
}

const summaries = new WeakMap<readonly PairRow[], { orgRows: readonly OrgRow[]; summary: MentoringSummary }>();

/**
 * The mentoring numbers for the metrics and for the declared-count check (computed once per
 * workbook). `orgRows` is the «Организации» tab the organisation names are resolved against.
 */
export function summariseMentoring(rows: readonly PairRow[], orgRows: readonly OrgRow[]): MentoringSummary {
  const cached = summaries.get(rows);
  if (cached && cached.orgRows === orgRows) return cached.summary;
  const summary = summarise(rows, orgIndexOf(orgRows));
  summaries.set(rows, { orgRows, summary });
  return summary;
}

function summarise(rows: readonly PairRow[], orgs: OrgIndex): MentoringSummary {
  const mentors = new Map<string, Set<string>>();
  const mentees = new Set<string>();
  const menteeOrgs = new Set<string>();
  const subjectName = new Map<string, string>();
  const bySubject: Record<string, number> = {};
  let pairsTotal = 0;
  let pairsActive = 0;
  let pairsNotHeld = 0;
  for (const row of rows) {
    const mentor = identity(text(row, "mentor"));
    const mentee = identity(text(row, "mentee"));
    if (mentor === "" && mentee === "") continue;
    pairsTotal++;
    const status = enumValue(row.cells.status, "pairStatus");
    if (status !== null && ACTIVE_STATUSES.has(status)) pairsActive++;
    if (status === NOT_HELD) {
      pairsNotHeld++;
      continue;
    }
    if (mentor !== "") {
      let set = mentors.get(mentor);
      if (!set) mentors.set(mentor, (set = new Set()));
      if (mentee !== "") set.add(mentee);
    }
    if (mentee !== "") mentees.add(mentee);
    const org = text(row, "mentee_org");
    if (org !== "") menteeOrgs.add(orgKey(orgs.canonical(org)));
    const subject = text(row, "subject");
    if (subject !== "") {
      const key = identity(subject);
      if (!subjectName.has(key)) subjectName.set(key, subject.replace(/\s+/g, " "));
      const name = subjectName.get(key)!;
      bySubject[name] = (bySubject[name] ?? 0) + 1;
    }
  }
  let maxMentorLoad = 0;
  for (const set of mentors.values()) maxMentorLoad = Math.max(maxMentorLoad, set.size);
  return {
    pairsTotal,
    pairsActive,
    pairsNotHeld,
    pairsHeld: pairsTotal - pairsNotHeld,
    mentors: mentors.size,
    mentees: mentees.size,
    menteeOrgs: menteeOrgs.size,
    pairsBySubject: bySubject,
    maxMentorLoad,
  };
}
