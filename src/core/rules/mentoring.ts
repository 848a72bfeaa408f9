/**
 * MENT_*: mentoring pairs. A person is identified by the folded full name; every check
 * uses Maps keyed by folded values, so 5,000 pairs cost one pass.
 *
 * Counting convention (shared with the metrics and MENT_DECLARED_MISMATCH): pairs with
 * status «Не состоялась» never happened, so they are left out of the numbers of mentors,
 * mentees and pairs. A mentor's load is the number of distinct mentees in pairs that are
 * «Активна», «Планируется» or have no status yet.
 */
import { quote } from "../issues.js";
import { readCount } from "../numbers.js";
import { GENERAL, MENTORING, PAIR_NEEDS_REASON } from "../schema.js";
import { fieldOf } from "../schema-lookup.js";
import type { GeneralKey } from "../schema.js";
import type { ParsedTable, TableRow } from "../workbook.js";
import {
  counted,
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
      emitTab(this.ctx, MENTORING.title, {
        rule: "MENT_ORG_UNKNOWN",
        message:
          "Вкладка «Организации» пуста, поэтому организации наставников и " +
          "наставляемых не с чем сверить. Перечислите там все организации проекта.",
      });
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
    if (mentor === "")
      this.emit(
        row,
        "mentor",
        "MENT_PERSON_MISSING",
        `В строке ${row.row} не указан наставник. Заполните столбец «Наставник» (ФИО полностью).`,
      );
    if (mentee === "")
      this.emit(
        row,
        "mentee",
        "MENT_PERSON_MISSING",
        `В строке ${row.row} не указан наставляемый. Заполните столбец «Наставляемый» (ФИО полностью).`,
      );
    if (mentor !== "" && mentee !== "" && samePerson(mentorName, mentor, menteeName, mentee)) {
      this.emit(
        row,
        "mentee",
        "MENT_SELF",
        `В строке ${row.row} наставник и наставляемый — одно лицо ` +
          `(${quote(menteeName)}). Исправьте ФИО наставника или наставляемого.`,
      );
    }
    const subject = text(row, "subject");
    if (subject === "")
      this.emit(
        row,
        "subject",
        "MENT_SUBJECT_MISSING",
        `В строке ${row.row} не указан предмет или направление ` +
          `наставничества. Заполните столбец «Предмет / направление».`,
      );
    if (NEEDS_REASON.has(status ?? "") && text(row, "not_held_reason").replace(/[\s\-–—.]/g, "") === "") {
      this.emit(
        row,
        "not_held_reason",
        "MENT_NOT_HELD_REASON",
        `В строке ${row.row} статус «${status}», но причина не указана. Заполните столбец ` +
          `«Причина, если не состоялась» (например: «длительная болезнь наставника»).`,
      );
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
      this.emit(
        row,
        "mentee",
        "MENT_DUPLICATE_PAIR",
        `Пара ${quote(shortName(mentorName))} ` +
          `— ${quote(shortName(menteeName))}${subject ? ` по предмету ${quote(subject)}` : ""} ` +
          `в строке ${row.row} уже есть в строке ${earlier.row}. Удалите повтор.`,
      );
    } else this.pairs.set(pairKey, row);
    if (isCurrentPair(status, written) && subject !== "") {
      const key = `${mentee}\u0000${identity(subject)}`;
      const other = this.currentMentorOf.get(key);
      if (!other) this.currentMentorOf.set(key, { mentor, name: mentorName, row });
      else if (other.mentor !== mentor) {
        this.emit(
          row,
          "mentor",
          "MENT_MENTEE_MULTI_MENTOR",
          `У наставляемого ${quote(shortName(menteeName))} по предмету ${quote(subject)} два ` +
            `действующих наставника: ${quote(shortName(other.name))} (строка ${other.row.row}) ` +
            `и ${quote(shortName(mentorName))} (строка ${row.row}). Оставьте одного или завершите одну из пар.`,
        );
      }
    }
  }

  private checkOrgs(row: PairRow): void {
    const mentorOrg = text(row, "mentor_org");
    const menteeOrg = text(row, "mentee_org");
    const mentorEntry = mentorOrg === "" ? undefined : this.lookupOrg(row, "mentor_org", mentorOrg);
    const menteeEntry = menteeOrg === "" ? undefined : this.lookupOrg(row, "mentee_org", menteeOrg);
    if (mentorEntry?.type === "Школа с НОР") {
      this.emit(
        row,
        "mentor_org",
        "MENT_MENTOR_ORG_TYPE",
        `В строке ${row.row} наставник из организации ${quote(mentorEntry.name)}, а у неё тип «Школа с ` +
          `НОР». Наставники обычно из школ-лидеров; проверьте организацию или её тип на вкладке «Организации».`,
      );
    }
    if (menteeEntry && (menteeEntry.type === "Школа-лидер" || menteeEntry.type === "Стажировочная площадка")) {
      this.emit(
        row,
        "mentee_org",
        "MENT_MENTEE_ORG_TYPE",
        `В строке ${row.row} наставляемый из ` +
          `организации ${quote(menteeEntry.name)}, а у неё тип «${menteeEntry.type}». ` +
          `Наставляемые обычно из школ с НОР; проверьте организацию или её тип на вкладке «Организации».`,
      );
    }
    const same =
      mentorEntry && menteeEntry
        ? mentorEntry === menteeEntry
        : mentorOrg !== "" && orgKey(mentorOrg) === orgKey(menteeOrg);
    if (same) {
      this.emit(
        row,
        "mentor_org",
        "MENT_SAME_ORG",
        `В строке ${row.row} наставник и наставляемый из одной организации ${quote(mentorOrg)} ` +
          `— это не сетевое наставничество. Если так и задумано, ничего делать не нужно.`,
      );
    }
  }

  private lookupOrg(row: PairRow, key: "mentor_org" | "mentee_org", name: string) {
    const entry = this.orgs.find(name);
    if (entry) return entry;
    const suggestion = this.orgs.suggest(name);
    const tip = suggestion ? ` Возможно, имелась в виду ${quote(suggestion)}.` : "";
    this.emit(
      row,
      key,
      "MENT_ORG_UNKNOWN",
      `В строке ${row.row} организации ${quote(name)} нет на вкладке «Организации».${tip} ` +
        `Исправьте название или добавьте организацию на вкладку «Организации».`,
    );
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
        this.emit(
          row,
          "subject",
          "MENT_MENTOR_MULTI_SUBJECT",
          `У наставника ${quote(shortName(mentorName))} в строке ${row.row} ` +
            `предмет ${quote(subject)}, а в строке ${state.firstRow.row} — ${quote(state.subject)}. ` +
            `Проверьте предмет: обычно наставник ведёт одно направление.`,
        );
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
    this.emit(
      row,
      key,
      "MENT_NAME_VARIANT",
      `В строке ${row.row} ${quote(name)}, а в строке ${first.row.row} — ${quote(first.name)}. Если это один ` +
        `человек, запишите ФИО одинаково (полностью): иначе он посчитан дважды в числе наставников и наставляемых.`,
    );
  }

  private checkLoads(): void {
    const limit = this.ctx.settings.maxMentees;
    const written = textOf(fieldCell(this.ctx, "settings", "max_mentees"));
    if (written !== "") {
      const read = readCount(fieldCell(this.ctx, "settings", "max_mentees"));
      if (!read || !read.ok || read.value < 1) {
        emitField(this.ctx, "settings", "max_mentees", {
          rule: "MENT_LOAD_EXCEEDED",
          message:
            `Значение ${quote(written)} в поле «${fieldOf("settings", "max_mentees").label}» не читается как целое ` +
            `число больше нуля; нагрузка наставников проверена с пределом ${limit}. Укажите число, например 5.`,
        });
      }
    }
    for (const state of this.mentors.values()) {
      const load = state.current.size;
      if (load <= limit) continue;
      this.emit(
        state.firstRow,
        "mentor",
        "MENT_LOAD_EXCEEDED",
        `У наставника ${quote(shortName(state.name))} ${counted(load, ["действующий наставляемый", "действующих наставляемых", "действующих наставляемых"])}, ` +
          `а допускается не больше ${limit} ` +
          `(вкладка «Настройки»). Перераспределите пары или измените предел в «Настройках».`,
      );
    }
  }

  private checkDeclared(): void {
    const summary = summariseMentoring(this.table.rows, this.ctx.workbook.tables.orgs.rows);
    const checks: readonly { key: GeneralKey; actual: number; what: string }[] = [
      { key: "declared_mentors", actual: summary.mentors, what: "наставников" },
      { key: "declared_mentees", actual: summary.mentees, what: "наставляемых" },
      { key: "declared_pairs", actual: summary.pairsHeld, what: "наставнических пар" },
    ];
    const note = summary.pairsNotHeld > 0 ? " (без пар со статусом «Не состоялась»)" : "";
    for (const { key, actual, what } of checks) {
      const cell = fieldCell(this.ctx, "general", key);
      const written = textOf(cell);
      if (written === "") continue;
      const label = GENERAL.fields.find((f) => f.key === key)!.label;
      const read = readCount(cell);
      if (!read || !read.ok) {
        emitField(this.ctx, "general", key, {
          rule: "MENT_DECLARED_MISMATCH",
          message:
            `В поле «${label}» значение ${quote(written)} не читается как целое ` +
            `число, поэтому его не с чем сверить. Укажите число, например 21.`,
        });
        continue;
      }
      if (read.value === actual) continue;
      emitField(this.ctx, "general", key, {
        rule: "MENT_DECLARED_MISMATCH",
        message:
          `${label}: ${read.value}, а на вкладке «Наставничество» ${what} ${actual}${note}. ` +
          `Исправьте заявленное число или таблицу пар.`,
      });
    }
  }

  private emit(
    row: PairRow,
    key: Parameters<typeof emitAt<"mentoring">>[3],
    rule: Parameters<typeof emitAt>[4],
    message: string,
  ): void {
    emitAt(this.ctx, this.table, row, key, rule, message);
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
