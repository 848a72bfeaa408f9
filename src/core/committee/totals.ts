/** Totals across the schools of the dashboard (the `totals` of `mip summary --json`, the справка's figures). */
import { addCount, textKeyed } from "../text-keyed.js";
import type { SchoolRecord } from "./school.js";
import { NO_SUBJECT, PAIR_ACTIVE_STATUSES, PAIR_NOT_HELD } from "../schema.js";
import { identity } from "../rules/read.js";
import { MostListed } from "./most-listed.js";
import { squeeze } from "../russian.js";
import type { DigestPairs } from "./digest-schema.js";
import { type SchoolDigest, disseminationEvents } from "./digest.js";
import { markCopies } from "./copies.js";
import { stateHasFigures, stateText } from "./states.js";

export interface CommitteeTotals {
  schools: number;
  /** Schools whose workbook was read and validated. */
  read: number;
  unreadable: number;
  /** Workbooks that repeat another of the set (copies.ts): read, but their figures not added. */
  copies: number;
  byState: Record<string, number>;
  withErrors: number;
  withWarningsOnly: number;
  clean: number;
  errors: number;
  warnings: number;
  /** Mean completeness of the read schools, 0..1; null when none was read. */
  completeness: number | null;
  planRows: number;
  planDue: number;
  planDone: number;
  /** planDone / planDue over all schools; null when nothing is due yet. */
  planExecution: number | null;
  deviations: number;
  pairsTotal: number;
  pairsActive: number;
  pairsNotHeld: number;
  /** Pairs and people are distinct across schools (listed by two workbooks, counted once). */
  mentors: number;
  mentees: number;
  participantsTotal: number;
  disseminationEvents: number;
  eventsByLevel: Record<string, number>;
  pairsBySubject: Record<string, number>;
}

function addInto(target: Record<string, number>, source: Readonly<Record<string, number>>): void {
  for (const [key, n] of Object.entries(source)) addCount(target, key, n);
}

interface PairRow {
  readonly mentor: string;
  readonly mentee: string;
  readonly subject: string;
  readonly status: string;
}

const pairKey = (p: PairRow): string => `${p.mentor}\u0000${p.mentee}\u0000${identity(p.subject)}`;

/**
 * Mentoring across schools: a pair (mentor, mentee, subject) or a person listed by two
 * schools' workbooks counts once, with the same definitions as one school's metrics (pairs
 * «Не состоялась» are left out of people and subjects). A pair keeps the rows of the school
 * that lists it most often, so one school alone gives exactly its own metrics. Schools without
 * pair lists (digests stored before them) add their own counts.
 */
class PairTally {
  private readonly pairs = new MostListed<PairRow>(pairKey);
  private readonly subjectNames = new Map<string, string>();
  private readonly summed = { pairsTotal: 0, pairsActive: 0, pairsNotHeld: 0, mentors: 0, mentees: 0 };
  private readonly summedBySubject = textKeyed<number>();

  /** One school's pairs: a row per listing (a school may list a pair twice: MENT_DUPLICATE_PAIR). */
  addPairs(digest: DigestPairs): void {
    this.pairs.add(
      digest.list.map(([m, e, subject, status]) => ({
        mentor: digest.names[m] ?? "",
        mentee: digest.names[e] ?? "",
        subject,
        status,
      })),
    );
  }

  addCounts(m: SchoolDigest["metrics"]): void {
    this.summed.pairsTotal += m.pairsTotal;
    this.summed.pairsActive += m.pairsActive;
    this.summed.pairsNotHeld += m.pairsNotHeld;
    this.summed.mentors += m.mentors;
    this.summed.mentees += m.mentees;
    addInto(this.summedBySubject, m.pairsBySubject);
  }

  totals(): Pick<
    CommitteeTotals,
    "pairsTotal" | "pairsActive" | "pairsNotHeld" | "mentors" | "mentees" | "pairsBySubject"
  > {
    const mentors = new Set<string>();
    const mentees = new Set<string>();
    const bySubject = textKeyed<number>();
    let active = 0;
    let notHeld = 0;
    let total = 0;
    for (const pair of this.pairs.groups().flat()) {
      const { status } = pair;
      total++;
      if (PAIR_ACTIVE_STATUSES.has(status)) active++;
      if (status === PAIR_NOT_HELD) {
        notHeld++;
        continue;
      }
      if (pair.mentor !== "") mentors.add(pair.mentor);
      if (pair.mentee !== "") mentees.add(pair.mentee);
      // A held pair without a subject has its line, as in the school's own metrics: subjects add up to the pairs.
      const name = pair.subject.trim() === "" ? NO_SUBJECT : this.subjectName(pair.subject);
      addCount(bySubject, name);
    }
    for (const [subject, n] of Object.entries(this.summedBySubject)) {
      const name = this.subjectName(subject);
      addCount(bySubject, name, n);
    }
    return {
      pairsTotal: total + this.summed.pairsTotal,
      pairsActive: active + this.summed.pairsActive,
      pairsNotHeld: notHeld + this.summed.pairsNotHeld,
      mentors: mentors.size + this.summed.mentors,
      mentees: mentees.size + this.summed.mentees,
      pairsBySubject: bySubject,
    };
  }

  /** A subject as first written, across schools («химия» and «Химия» are one line). */
  private subjectName(subject: string): string {
    const key = identity(subject);
    let name = this.subjectNames.get(key);
    if (name === undefined) {
      name = squeeze(subject);
      this.subjectNames.set(key, name);
    }
    return name;
  }
}

export function committeeTotals(records: readonly SchoolRecord[]): CommitteeTotals {
  const t: CommitteeTotals = {
    schools: records.length,
    read: 0,
    unreadable: 0,
    copies: 0,
    byState: textKeyed<number>(),
    withErrors: 0,
    withWarningsOnly: 0,
    clean: 0,
    errors: 0,
    warnings: 0,
    completeness: null,
    planRows: 0,
    planDue: 0,
    planDone: 0,
    planExecution: null,
    deviations: 0,
    pairsTotal: 0,
    pairsActive: 0,
    pairsNotHeld: 0,
    mentors: 0,
    mentees: 0,
    participantsTotal: 0,
    disseminationEvents: 0,
    eventsByLevel: textKeyed<number>(),
    pairsBySubject: textKeyed<number>(),
  };
  let completenessSum = 0;
  const mentoring = new PairTally();
  for (const record of markCopies(records)) {
    addCount(t.byState, stateText(record.state));
    const d = record.digest;
    if (record.state.kind === "copy") {
      t.copies++;
      continue;
    }
    if (!d || !stateHasFigures(record.state)) {
      t.unreadable++;
      continue;
    }
    t.read++;
    const m = d.metrics;
    if (d.summary.errors > 0) t.withErrors++;
    else if (d.summary.warnings > 0) t.withWarningsOnly++;
    else t.clean++;
    t.errors += d.summary.errors;
    t.warnings += d.summary.warnings;
    completenessSum += d.summary.completeness;
    t.planRows += m.planRows;
    t.planDue += m.planDue;
    t.planDone += m.planDone;
    t.deviations += m.deviations;
    if (d.pairs) mentoring.addPairs(d.pairs);
    else mentoring.addCounts(m);
    t.participantsTotal += m.participantsTotal;
    t.disseminationEvents += disseminationEvents(m);
    addInto(t.eventsByLevel, m.eventsByLevel);
  }
  Object.assign(t, mentoring.totals());
  t.completeness = t.read > 0 ? completenessSum / t.read : null;
  t.planExecution = t.planDue > 0 ? t.planDone / t.planDue : null;
  return t;
}
