/** Totals across the schools of the dashboard (the `totals` of `mip summary --json`, the справка's figures). */
import type { SchoolRecord } from "./school.js";
import { disseminationEvents } from "./digest.js";
import { stateHasFigures } from "./states.js";

export interface CommitteeTotals {
  schools: number;
  /** Schools whose workbook was read and validated. */
  read: number;
  unreadable: number;
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
  /** Distinct people across schools (one mentor of two schools counts once). */
  mentors: number;
  mentees: number;
  participantsTotal: number;
  disseminationEvents: number;
  eventsByLevel: Record<string, number>;
  pairsBySubject: Record<string, number>;
}

function addInto(target: Record<string, number>, source: Readonly<Record<string, number>>): void {
  for (const [key, n] of Object.entries(source)) target[key] = (target[key] ?? 0) + n;
}

export function committeeTotals(records: readonly SchoolRecord[]): CommitteeTotals {
  const t: CommitteeTotals = {
    schools: records.length,
    read: 0,
    unreadable: 0,
    byState: {},
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
    eventsByLevel: {},
    pairsBySubject: {},
  };
  let completenessSum = 0;
  // People listed by name are counted once across schools; schools without names add their counts.
  const mentorNames = new Set<string>();
  const menteeNames = new Set<string>();
  let unnamedMentors = 0;
  let unnamedMentees = 0;
  for (const record of records) {
    t.byState[record.state] = (t.byState[record.state] ?? 0) + 1;
    const d = record.digest;
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
    t.pairsTotal += m.pairsTotal;
    t.pairsActive += m.pairsActive;
    t.pairsNotHeld += m.pairsNotHeld;
    if (d.people) {
      d.people.mentors.forEach((name) => mentorNames.add(name));
      d.people.mentees.forEach((name) => menteeNames.add(name));
    } else {
      unnamedMentors += m.mentors;
      unnamedMentees += m.mentees;
    }
    t.participantsTotal += m.participantsTotal;
    t.disseminationEvents += disseminationEvents(m);
    addInto(t.eventsByLevel, m.eventsByLevel);
    addInto(t.pairsBySubject, m.pairsBySubject);
  }
  t.mentors = mentorNames.size + unnamedMentors;
  t.mentees = menteeNames.size + unnamedMentees;
  t.completeness = t.read > 0 ? completenessSum / t.read : null;
  t.planExecution = t.planDue > 0 ? t.planDone / t.planDue : null;
  return t;
}
