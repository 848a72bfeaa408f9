/**
 * Mentoring in the report: one row per mentor with the number of mentees and their
 * organisations, a totals row, and the pairs that did not take place with reasons.
 */
import { fold } from "../fold.js";
import { countWithNoun } from "../russian.js";
import type { Workbook } from "../workbook.js";
import { type ColumnSpec, table } from "./blocks.js";
import type { TableBlock } from "./model.js";
import { distinct, distinctOrgs, enumValue, rowsOf, textOf } from "./read.js";

export interface MentorLine {
  readonly mentor: string;
  readonly organisations: readonly string[];
  readonly subjects: readonly string[];
  readonly mentees: readonly string[];
  readonly menteeOrgs: readonly string[];
}

export interface NotHeldPair {
  readonly mentor: string;
  readonly mentee: string;
  readonly subject: string;
  readonly reason: string;
}

export interface MentoringSummary {
  readonly mentors: readonly MentorLine[];
  readonly notHeld: readonly NotHeldPair[];
  /** Distinct mentees over all held pairs (a mentee with two mentors counts once). */
  readonly menteesTotal: number;
  readonly menteeOrgsTotal: number;
  readonly mentorOrgsTotal: number;
  readonly subjectsTotal: number;
}

const NOT_HELD = "Не состоялась";

/**
 * Groups the held pairs by mentor (names compared folded) in first-seen order. Organisation
 * names are resolved to the «Организации» tab the way the validator matches them, and print
 * as listed there.
 */
export function summariseMentoring(wb: Workbook): MentoringSummary {
  const byMentor = new Map<string, { mentor: string; orgs: string[]; subjects: string[]; mentees: string[]; menteeOrgs: string[] }>();
  const notHeld: NotHeldPair[] = [];
  const allMentees: string[] = [];
  const allMenteeOrgs: string[] = [];
  const allMentorOrgs: string[] = [];
  const allSubjects: string[] = [];
  for (const row of rowsOf(wb, "mentoring")) {
    const mentor = textOf(row, "mentor");
    const mentee = textOf(row, "mentee");
    const subject = textOf(row, "subject");
    if (enumValue(row.cells.status, "pairStatus") === NOT_HELD) {
      notHeld.push({ mentor, mentee, subject, reason: textOf(row, "not_held_reason") });
      continue;
    }
    if (mentor === "") continue;
    const key = fold(mentor);
    const line = byMentor.get(key) ?? { mentor, orgs: [], subjects: [], mentees: [], menteeOrgs: [] };
    byMentor.set(key, line);
    line.orgs.push(textOf(row, "mentor_org"));
    line.subjects.push(subject);
    line.mentees.push(mentee);
    line.menteeOrgs.push(textOf(row, "mentee_org"));
    allMentees.push(mentee);
    allMenteeOrgs.push(textOf(row, "mentee_org"));
    allMentorOrgs.push(textOf(row, "mentor_org"));
    allSubjects.push(subject);
  }
  const mentors = [...byMentor.values()].map((l) => ({
    mentor: l.mentor,
    organisations: distinctOrgs(wb, l.orgs),
    subjects: distinct(l.subjects),
    mentees: distinct(l.mentees),
    menteeOrgs: distinctOrgs(wb, l.menteeOrgs),
  }));
  return {
    mentors,
    notHeld,
    menteesTotal: distinct(allMentees).length,
    menteeOrgsTotal: distinctOrgs(wb, allMenteeOrgs).length,
    mentorOrgsTotal: distinctOrgs(wb, allMentorOrgs).length,
    subjectsTotal: distinct(allSubjects).length,
  };
}

const MENTOR_COLUMNS: readonly ColumnSpec[] = [
  { header: "№ п/п", width: 6, align: "center" },
  { header: "Наставник", width: 22 },
  { header: "Организация наставника", width: 22 },
  { header: "Предмет / направление", width: 16 },
  // A number: as narrow as its header word allows (the fit in widths.ts), the room goes to the organisations.
  { header: "Количество наставляемых", width: 6, align: "center" },
  { header: "Организации наставляемых", width: 35 },
];

const NOT_HELD_COLUMNS: readonly ColumnSpec[] = [
  { header: "№ п/п", width: 6, align: "center" },
  { header: "Наставник", width: 22 },
  { header: "Наставляемый", width: 22 },
  { header: "Предмет / направление", width: 16 },
  { header: "Причина", width: 34 },
];

export const ORGANISATIONS: readonly [string, string, string] = ["организация", "организации", "организаций"];
const MENTORS: readonly [string, string, string] = ["наставник", "наставника", "наставников"];
const SUBJECTS: readonly [string, string, string] = ["направление", "направления", "направлений"];

export function mentorTable(summary: MentoringSummary): TableBlock {
  const rows = summary.mentors.map((m, i) => [
    String(i + 1),
    m.mentor,
    m.organisations.join(", "),
    m.subjects.join(", "),
    String(m.mentees.length),
    m.menteeOrgs.join(", "),
  ]);
  const total = [
    "",
    `Итого: ${countWithNoun(summary.mentors.length, MENTORS)}`,
    countWithNoun(summary.mentorOrgsTotal, ORGANISATIONS),
    countWithNoun(summary.subjectsTotal, SUBJECTS),
    String(summary.menteesTotal),
    countWithNoun(summary.menteeOrgsTotal, ORGANISATIONS),
  ];
  return table(MENTOR_COLUMNS, rows, { total });
}

export function notHeldTable(summary: MentoringSummary): TableBlock {
  return table(
    NOT_HELD_COLUMNS,
    summary.notHeld.map((p, i) => [String(i + 1), p.mentor, p.mentee, p.subject, p.reason]),
  );
}
