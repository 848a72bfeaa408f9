/**
 * The one reading of «Наставничество»: the metrics, MENT_DECLARED_MISMATCH, the report's
 * mentor table and the committee's digest all take their pairs and numbers from here.
 *
 * - A pair is a row with a mentor or a mentee (cells read by cells.ts: an error cell is empty).
 * - The same mentor, mentee and subject listed twice (MENT_DUPLICATE_PAIR) is one pair.
 * - Pairs «Не состоялась» never happened: they are counted in pairsTotal and pairsNotHeld and
 *   left out of mentors, mentees, organisations, subjects and loads.
 * - Every held pair has a subject line: an empty or unreadable subject is «Предмет не указан»,
 *   so pairsBySubject adds up to pairsHeld.
 */
import { addCount, textKeyed } from "../text-keyed.js";
import { NO_SUBJECT, PAIR_ACTIVE_STATUSES, PAIR_CURRENT_STATUSES, PAIR_NOT_HELD } from "../schema.js";
import { squeeze } from "../russian.js";
import type { TableRow } from "../workbook.js";
import { type OrgIndex, orgIndexOf } from "./orgs.js";
import { enumValue, identity, orgKey, text } from "./read.js";

type PairRow = TableRow<"mentoring">;
type OrgRow = TableRow<"orgs">;

/** Counts a pair towards the mentor's current load. */
export function isCurrentPair(status: string | null, written: string): boolean {
  return (status !== null && PAIR_CURRENT_STATUSES.has(status)) || written === "";
}

/** One pair as every reader sees it. Names and subject as written (spaces squeezed), "" when empty. */
export interface MentoringPair {
  /** 1-based sheet row of its first listing. */
  readonly row: number;
  readonly mentor: string;
  readonly mentee: string;
  /** Folded identities (case, ё, spaces): how people are compared. */
  readonly mentorKey: string;
  readonly menteeKey: string;
  readonly subject: string;
  readonly mentorOrg: string;
  readonly menteeOrg: string;
  /** The list value, or null when the status is empty or not from the list. */
  readonly status: string | null;
  readonly reason: string;
}

/** A mentor's held pairs, for the report's table; organisations as listed on «Организации». */
export interface MentorLine {
  readonly mentor: string;
  readonly organisations: readonly string[];
  readonly subjects: readonly string[];
  readonly mentees: readonly string[];
  readonly menteeOrgs: readonly string[];
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
  /** Distinct mentor organisations of held pairs, resolved the same way. */
  readonly mentorOrgs: number;
  /** Subject as first written → held pairs; «Предмет не указан» for pairs without one. */
  readonly pairsBySubject: Record<string, number>;
  /** Largest number of distinct mentees of one mentor, pairs other than «Не состоялась». */
  readonly maxMentorLoad: number;
  /** Every pair once, in sheet order. */
  readonly pairs: readonly MentoringPair[];
  /** Held pairs grouped by mentor (pairs with a mentor), in first-seen order. */
  readonly lines: readonly MentorLine[];
  /** Pairs «Не состоялась». */
  readonly notHeld: readonly MentoringPair[];
}

const summaries = new WeakMap<readonly PairRow[], { orgRows: readonly OrgRow[]; summary: MentoringSummary }>();

/**
 * The mentoring summary of a workbook (computed once per workbook). `orgRows` is the
 * «Организации» tab the organisation names are resolved against.
 */
export function summariseMentoring(rows: readonly PairRow[], orgRows: readonly OrgRow[]): MentoringSummary {
  const cached = summaries.get(rows);
  if (cached && cached.orgRows === orgRows) return cached.summary;
  const summary = summarise(rows, orgIndexOf(orgRows));
  summaries.set(rows, { orgRows, summary });
  return summary;
}

function pairsOf(rows: readonly PairRow[]): MentoringPair[] {
  const pairs: MentoringPair[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const mentor = squeeze(text(row, "mentor"));
    const mentee = squeeze(text(row, "mentee"));
    const mentorKey = identity(mentor);
    const menteeKey = identity(mentee);
    if (mentorKey === "" && menteeKey === "") continue;
    const subject = squeeze(text(row, "subject"));
    if (mentorKey !== "" && menteeKey !== "") {
      const key = `${mentorKey}\u0000${menteeKey}\u0000${identity(subject)}`;
      if (seen.has(key)) continue;
      seen.add(key);
    }
    pairs.push({
      row: row.row,
      mentor,
      mentee,
      mentorKey,
      menteeKey,
      subject,
      mentorOrg: squeeze(text(row, "mentor_org")),
      menteeOrg: squeeze(text(row, "mentee_org")),
      status: enumValue(row.cells.status, "pairStatus"),
      reason: text(row, "not_held_reason"),
    });
  }
  return pairs;
}

/** Distinct values by key in first-seen order, first spelling kept; empty keys dropped. */
function distinctBy(values: readonly string[], key: (v: string) => string): string[] {
  const out = new Map<string, string>();
  for (const v of values) {
    const k = key(v);
    if (k !== "" && !out.has(k)) out.set(k, v);
  }
  return [...out.values()];
}

function summarise(rows: readonly PairRow[], orgs: OrgIndex): MentoringSummary {
  const pairs = pairsOf(rows);
  const byMentor = new Map<
    string,
    { mentor: string; orgs: string[]; subjects: string[]; mentees: string[]; menteeOrgs: string[]; load: Set<string> }
  >();
  const mentees = new Set<string>();
  const menteeOrgs = new Set<string>();
  const mentorOrgs = new Set<string>();
  const subjectName = new Map<string, string>();
  const bySubject = textKeyed<number>();
  const notHeld: MentoringPair[] = [];
  let pairsActive = 0;
  const canonicalOrg = (name: string): string => (name === "" ? "" : orgs.canonical(name));
  for (const pair of pairs) {
    if (pair.status !== null && PAIR_ACTIVE_STATUSES.has(pair.status)) pairsActive++;
    if (pair.status === PAIR_NOT_HELD) {
      notHeld.push(pair);
      continue;
    }
    if (pair.menteeKey !== "") mentees.add(pair.menteeKey);
    if (pair.menteeOrg !== "") menteeOrgs.add(orgKey(canonicalOrg(pair.menteeOrg)));
    if (pair.mentorOrg !== "") mentorOrgs.add(orgKey(canonicalOrg(pair.mentorOrg)));
    const subjectKey = identity(pair.subject);
    if (!subjectName.has(subjectKey)) subjectName.set(subjectKey, pair.subject === "" ? NO_SUBJECT : pair.subject);
    const name = subjectName.get(subjectKey)!;
    addCount(bySubject, name);
    if (pair.mentorKey === "") continue;
    let line = byMentor.get(pair.mentorKey);
    if (!line)
      byMentor.set(
        pair.mentorKey,
        (line = { mentor: pair.mentor, orgs: [], subjects: [], mentees: [], menteeOrgs: [], load: new Set() }),
      );
    line.orgs.push(canonicalOrg(pair.mentorOrg));
    line.subjects.push(pair.subject);
    line.mentees.push(pair.mentee);
    line.menteeOrgs.push(canonicalOrg(pair.menteeOrg));
    if (pair.menteeKey !== "") line.load.add(pair.menteeKey);
  }
  let maxMentorLoad = 0;
  for (const line of byMentor.values()) maxMentorLoad = Math.max(maxMentorLoad, line.load.size);
  const lines: MentorLine[] = [...byMentor.values()].map((l) => ({
    mentor: l.mentor,
    organisations: distinctBy(l.orgs, orgKey),
    subjects: distinctBy(l.subjects, identity),
    mentees: distinctBy(l.mentees, identity),
    menteeOrgs: distinctBy(l.menteeOrgs, orgKey),
  }));
  return {
    pairsTotal: pairs.length,
    pairsActive,
    pairsNotHeld: notHeld.length,
    pairsHeld: pairs.length - notHeld.length,
    mentors: byMentor.size,
    mentees: mentees.size,
    menteeOrgs: menteeOrgs.size,
    mentorOrgs: mentorOrgs.size,
    pairsBySubject: bySubject,
    maxMentorLoad,
    pairs,
    lines,
    notHeld,
  };
}
