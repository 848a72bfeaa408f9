/**
 * MENT_*: mentoring pairs. A person is identified by the folded full name; every check
 * uses Maps keyed by folded values, so 5,000 pairs cost one pass.
 *
 * Counting convention (shared with the metrics and MENT_DECLARED_MISMATCH): pairs with
 * status «Не состоялась» never happened, so they are left out of the numbers of mentors,
 * mentees and pairs. A mentor's load is the number of distinct mentees in pairs that are
 * «Активна», «Планируется» or have no status yet.
 */
import { type Said, say } from "../issues.js";
import { readCount } from "../numbers.js";
import { GENERAL, MENTORING, PAIR_NEEDS_REASON } from "../schema.js";
import { fieldOf } from "../schema-lookup.js";
import type { GeneralKey } from "../schema.js";
import type { ParsedTable, TableRow } from "../workbook.js";
import {
  emitAt,
  emitField,
  emitTab,
  enumValue,
  fieldCell,
  identity,
  orgKey,
  shortName,
  surnameInitialsKey,
  text,
  textOf,
} from "./read.js";
import { isCurrentPair, summariseMentoring } from "./mentoring-summary.js";
import { type OrgIndex, orgIndexOf } from "./orgs.js";
import type { RuleContext, RuleFamily } from "./types.js";

type PairRow = TableRow<"mentoring">;

const NEEDS_REASON = PAIR_NEEDS_REASON;

interface MentorState {
  readonly firstRow: PairRow;
  readonly name: string;
  readonly subject: string;
  readonly subjectKey: string;
  readonly otherSubjects: Set<string>;
  readonly current: Set<string>;
}

/** «Кольцова А.В.», «Кольцова А. В.»: a name written with initials. */
function abbreviated(name: string): boolean {
  return name.includes(".") || /(^|\s)\p{Lu}(\s|$)/u.test(name);
}

/** Same person: the same folded name, or the same «Фамилия И.О.» when one of them is abbreviated. */
function samePerson(aName: string, aId: string, bName: string, bId: string): boolean {
  if (aId === bId) return true;
  return (abbreviated(aName) || abbreviated(bName)) && surnameInitialsKey(aName) === surnameInitialsKey(bName);
}

class MentoringChecker {
  private readonly table: ParsedTable<"mentoring">;
  private readonly orgs: OrgIndex;
  private readonly mentors = new Map<string, MentorState>();
  private readonly pairs = new Map<string, PairRow>();
  private readonly currentMentorOf = new Map<string, { mentor: string; name: string; row: PairRow }>();
  /** «фамилия и.о.» → the first spelling seen; finds «Петрова О.В.» beside «Петрова Ольга Викторовна». */
  private readonly spellings = new Map<string, { identity: string; name: string; row: PairRow }>();
  private readonly reportedVariants = new Set<string>();

  constructor(private readonly ctx: RuleContext) {
    this.table = ctx.workbook.tables.mentoring;
    this.orgs = orgIndexOf(ctx.workbook.tables.orgs.rows);
  }

  run(): void {
    const orgsListed = this.orgs.byKey.size > 0;
    if (!orgsListed && this.table.rows.some((r) => text(r, "mentor_org") !== "" || text(r, "mentee_org") !== "")) {
      emitTab(this.ctx, MENTORING.title, say("MENT_ORG_UNKNOWN", "noOrgs"));
    }
    for (const row of this.table.rows) this.checkRow(row, orgsListed);
    this.checkLoads();
    this.checkDeclared();
  }

  private checkRow(row: PairRow, orgsListed: boolean): void {
    const mentorName = text(row, "mentor");
    const menteeName = text(row, "mentee");
    const mentor = identity(mentorName);
    const mentee = identity(menteeName);
    const written = text(row, "status");
    const status = enumValue(row.cells.status, "pairStatus");
    if (mentor === "") this.emit(row, "mentor", say("MENT_PERSON_MISSING", "mentor", { row: row.row }));
    if (mentee === "") this.emit(row, "mentee", say("MENT_PERSON_MISSING", "mentee", { row: row.row }));
    if (mentor !== "" && mentee !== "" && samePerson(mentorName, mentor, menteeName, mentee)) {
      this.emit(row, "mentee", say("MENT_SELF", { row: row.row, name: menteeName }));
    }
    const subject = text(row, "subject");
    if (subject === "") this.emit(row, "subject", say("MENT_SUBJECT_MISSING", { row: row.row }));
    if (NEEDS_REASON.has(status ?? "") && text(row, "not_held_reason").replace(/[\s\-–—.]/g, "") === "") {
      this.emit(row, "not_held_reason", say("MENT_NOT_HELD_REASON", { row: row.row, status: status ?? "" }));
    }
    if (orgsListed) this.checkOrgs(row);
    if (mentor !== "") this.checkSpelling(row, "mentor", mentorName, mentor);
    if (mentee !== "") this.checkSpelling(row, "mentee", menteeName, mentee);
    if (mentor === "") return;
    this.trackMentor(row, mentor, mentorName, subject, mentee, status, written);
    if (mentee === "") return;
    const pairKey = `${mentor}\u0000${mentee}\u0000${identity(subject)}`;
    const earlier = this.pairs.get(pairKey);
    if (earlier) {
      const said = say("MENT_DUPLICATE_PAIR", {
        mentor: shortName(mentorName),
        mentee: shortName(menteeName),
        subject,
        row: row.row,
        firstRow: earlier.row,
      });
      this.emit(row, "mentee", said);
    } else this.pairs.set(pairKey, row);
    if (isCurrentPair(status, written) && subject !== "") {
      const key = `${mentee}\u0000${identity(subject)}`;
      const other = this.currentMentorOf.get(key);
      if (!other) this.currentMentorOf.set(key, { mentor, name: mentorName, row });
      else if (other.mentor !== mentor) {
        const said = say("MENT_MENTEE_MULTI_MENTOR", {
          mentee: shortName(menteeName),
          subject,
          firstMentor: shortName(other.name),
          firstRow: other.row.row,
          mentor: shortName(mentorName),
          row: row.row,
        });
        this.emit(row, "mentor", said);
      }
    }
  }

  private checkOrgs(row: PairRow): void {
    const mentorOrg = text(row, "mentor_org");
    const menteeOrg = text(row, "mentee_org");
    const mentorEntry = mentorOrg === "" ? undefined : this.lookupOrg(row, "mentor_org", mentorOrg);
    const menteeEntry = menteeOrg === "" ? undefined : this.lookupOrg(row, "mentee_org", menteeOrg);
    if (mentorEntry?.type === "Школа с НОР") {
      this.emit(row, "mentor_org", say("MENT_MENTOR_ORG_TYPE", { row: row.row, org: mentorEntry.name }));
    }
    if (menteeEntry && (menteeEntry.type === "Школа-лидер" || menteeEntry.type === "Стажировочная площадка")) {
      const said = say("MENT_MENTEE_ORG_TYPE", { row: row.row, org: menteeEntry.name, type: menteeEntry.type });
      this.emit(row, "mentee_org", said);
    }
    const same =
      mentorEntry && menteeEntry
        ? mentorEntry === menteeEntry
        : mentorOrg !== "" && orgKey(mentorOrg) === orgKey(menteeOrg);
    if (same) {
      this.emit(row, "mentor_org", say("MENT_SAME_ORG", { row: row.row, org: mentorOrg }));
    }
  }

  private lookupOrg(row: PairRow, key: "mentor_org" | "mentee_org", name: string) {
    const entry = this.orgs.find(name);
    if (entry) return entry;
    const suggestion = this.orgs.suggest(name);
    this.emit(row, key, say("MENT_ORG_UNKNOWN", "unknown", { row: row.row, name, suggestion: suggestion ?? null }));
    return undefined;
  }

  private trackMentor(
    row: PairRow,
    mentor: string,
    mentorName: string,
    subject: string,
    mentee: string,
    status: string | null,
    written: string,
  ): void {
    let state = this.mentors.get(mentor);
    if (!state) {
      state = {
        firstRow: row,
        name: mentorName,
        subject,
        subjectKey: identity(subject),
        otherSubjects: new Set(),
        current: new Set(),
      };
      this.mentors.set(mentor, state);
    } else if (subject !== "") {
      const key = identity(subject);
      if (state.subjectKey === "") {
        // The first row had no subject (MENT_SUBJECT_MISSING); compare with the first one written.
        Object.assign(state, { subject, subjectKey: key });
      } else if (key !== state.subjectKey && !state.otherSubjects.has(key)) {
        state.otherSubjects.add(key);
        const said = say("MENT_MENTOR_MULTI_SUBJECT", {
          mentor: shortName(mentorName),
          row: row.row,
          subject,
          firstRow: state.firstRow.row,
          firstSubject: state.subject,
        });
        this.emit(row, "subject", said);
      }
    }
    if (mentee !== "" && isCurrentPair(status, written)) state.current.add(mentee);
  }

  /**
   * Pairs count people by their full written name, so the same person written once in full and
   * once with initials would be counted twice. Two different full names that share initials
   * («Иванова Анна Петровна», «Иванова Алла Павловна») are different people and stay quiet.
   */
  private checkSpelling(row: PairRow, key: "mentor" | "mentee", name: string, id: string): void {
    const person = surnameInitialsKey(name);
    const first = this.spellings.get(person);
    if (!first) {
      this.spellings.set(person, { identity: id, name, row });
      return;
    }
    // The same row's mentor and mentee are MENT_SELF's business, not a spelling variant.
    if (first.identity === id || first.row === row || this.reportedVariants.has(`${person}\u0000${id}`)) return;
    if (!abbreviated(name) && !abbreviated(first.name)) return;
    this.reportedVariants.add(`${person}\u0000${id}`);
    const said = say("MENT_NAME_VARIANT", { row: row.row, name, firstRow: first.row.row, firstName: first.name });
    this.emit(row, key, said);
  }

  private checkLoads(): void {
    const limit = this.ctx.settings.maxMentees;
    const written = textOf(fieldCell(this.ctx, "settings", "max_mentees"));
    if (written !== "") {
      const read = readCount(fieldCell(this.ctx, "settings", "max_mentees"));
      if (!read || !read.ok || read.value < 1) {
        const label = fieldOf("settings", "max_mentees").label;
        const said = say("MENT_LOAD_EXCEEDED", "limitUnreadable", { value: written, label, limit });
        emitField(this.ctx, "settings", "max_mentees", said);
      }
    }
    for (const state of this.mentors.values()) {
      const load = state.current.size;
      if (load <= limit) continue;
      const said = say("MENT_LOAD_EXCEEDED", "exceeded", { mentor: shortName(state.name), load, limit });
      this.emit(state.firstRow, "mentor", said);
    }
  }

  private checkDeclared(): void {
    const summary = summariseMentoring(this.table.rows, this.ctx.workbook.tables.orgs.rows);
    const checks: readonly { key: GeneralKey; actual: number; what: string }[] = [
      { key: "declared_mentors", actual: summary.mentors, what: "наставников" },
      { key: "declared_mentees", actual: summary.mentees, what: "наставляемых" },
      { key: "declared_pairs", actual: summary.pairsHeld, what: "наставнических пар" },
    ];
    const notHeld = summary.pairsNotHeld > 0;
    for (const { key, actual, what } of checks) {
      const cell = fieldCell(this.ctx, "general", key);
      const written = textOf(cell);
      if (written === "") continue;
      const label = GENERAL.fields.find((f) => f.key === key)!.label;
      const read = readCount(cell);
      if (!read || !read.ok) {
        emitField(this.ctx, "general", key, say("MENT_DECLARED_MISMATCH", "unreadable", { label, value: written }));
        continue;
      }
      if (read.value === actual) continue;
      const said = say("MENT_DECLARED_MISMATCH", "differs", { label, declared: read.value, what, actual, notHeld });
      emitField(this.ctx, "general", key, said);
    }
  }

  private emit(row: PairRow, key: Parameters<typeof emitAt<"mentoring">>[3], said: Said): void {
    emitAt(this.ctx, this.table, row, key, said);
  }
}

export const mentoringFamily: RuleFamily = {
  name: "mentoring",
  reads: ["mentoring", "orgs", "general", "settings"],
  ids: [
    "MENT_PERSON_MISSING",
    "MENT_SELF",
    "MENT_ORG_UNKNOWN",
    "MENT_MENTOR_ORG_TYPE",
    "MENT_MENTEE_ORG_TYPE",
    "MENT_SAME_ORG",
    "MENT_SUBJECT_MISSING",
    "MENT_MENTOR_MULTI_SUBJECT",
    "MENT_LOAD_EXCEEDED",
    "MENT_DUPLICATE_PAIR",
    "MENT_MENTEE_MULTI_MENTOR",
    "MENT_NOT_HELD_REASON",
    "MENT_DECLARED_MISMATCH",
    "MENT_NAME_VARIANT",
  ],
  check(ctx) {
    new MentoringChecker(ctx).run();
  },
};
