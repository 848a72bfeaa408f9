/**
 * Mentoring in the report: one row per mentor with the number of mentees and their
 * organisations, a totals row, and the pairs that did not take place with reasons.
 */
import { countWithNoun } from "../russian.js";
import { type MentorLine, summariseMentoring as mentoringOf } from "../rules/mentoring-summary.js";
import { identity } from "../rules/read.js";
import type { Workbook } from "../workbook.js";
import { type ColumnSpec, table } from "./blocks.js";
import type { TableBlock } from "./model.js";

interface NotHeldPair {
  readonly mentor: string;
  readonly mentee: string;
  readonly subject: string;
  readonly reason: string;
}

export interface MentoringSummary {
  readonly mentors: readonly MentorLine[];
  readonly notHeld: readonly NotHeldPair[];
  /** Distinct mentees over all held pairs (a mentee with two mentors counts once): the metrics' `mentees`. */
  readonly menteesTotal: number;
  readonly menteeOrgsTotal: number;
  readonly mentorOrgsTotal: number;
  readonly subjectsTotal: number;
}

/**
 * The report's view of the one mentoring summary (rules/mentoring-summary.ts): the same pairs
 * and numbers as the metrics and the committee, grouped by mentor for the table.
 */
export function reportMentoring(wb: Workbook): MentoringSummary {
  const summary = mentoringOf(wb.tables.mentoring.rows, wb.tables.orgs.rows);
  const subjects = new Set(summary.lines.flatMap((l) => l.subjects.map(identity)).filter((s) => s !== ""));
  return {
    mentors: summary.lines,
    notHeld: summary.notHeld.map((p) => ({ mentor: p.mentor, mentee: p.mentee, subject: p.subject, reason: p.reason })),
    menteesTotal: summary.mentees,
    menteeOrgsTotal: summary.menteeOrgs,
    mentorOrgsTotal: summary.mentorOrgs,
    subjectsTotal: subjects.size,
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

const ORGANISATIONS: readonly [string, string, string] = ["организация", "организации", "организаций"];
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
