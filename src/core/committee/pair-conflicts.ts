/**
 * Pairs two workbooks list differently. The committee's totals count a pair or a person once
 * whoever lists them (totals.ts); what the workbooks disagree about is found here, so the
 * «Сводка по МИП» appendix and `mip summary --json` name both versions and the committee can
 * settle which is right:
 * - two mentors for one mentee: the same mentee and subject with another mentor in another
 *   organisation's workbook;
 * - one teacher in two schools: the same person (mentor or mentee) placed in one organisation
 *   by one workbook and in another by another.
 * People are compared as the digests keep them (folded names) and given with capitals again;
 * organisations are compared by their name without the legal form («МОУ «СОШ № 4»» = «СОШ №4»),
 * as the validator compares them.
 */
import { foldEnum } from "../fold.js";
import { orgCoreKey } from "../rules/orgs.js";
import type { SchoolRecord } from "./school.js";
import { stateHasFigures } from "./states.js";

/** One workbook's mentors of a mentee. */
interface MentorsVersion {
  readonly organisation: string;
  /** The workbook: spreadsheet id (Sheets) or file path (local). */
  readonly id: string;
  readonly mentors: readonly string[];
}

interface MentorsConflict {
  readonly mentee: string;
  readonly subject: string;
  readonly versions: readonly MentorsVersion[];
}

export type PairRole = "mentor" | "mentee";

/** Where one workbook places a person. */
interface PlaceVersion {
  readonly organisation: string;
  readonly id: string;
  readonly roles: readonly PairRole[];
  /** The person's organisations in this workbook, as its «Организации» tab names them. */
  readonly organisations: readonly string[];
}

interface PlaceConflict {
  readonly person: string;
  readonly versions: readonly PlaceVersion[];
}

export interface PairConflicts {
  readonly mentors: readonly MentorsConflict[];
  readonly places: readonly PlaceConflict[];
}

interface Workbook {
  readonly record: SchoolRecord;
  readonly pairs: NonNullable<NonNullable<SchoolRecord["digest"]>["pairs"]>;
}

/** Read workbooks with pair lists (a copy or an unread workbook has no figures: not compared). */
function workbooksOf(records: readonly SchoolRecord[]): Workbook[] {
  return records.flatMap((record) =>
    record.digest?.pairs && stateHasFigures(record.state) ? [{ record, pairs: record.digest.pairs }] : [],
  );
}

/** «ершова галина семеновна» (a digest's folded name) → «Ершова Галина Семеновна» for print. */
const nameCase = (folded: string): string =>
  folded.replace(/(^|[\s-])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());

const byName =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a).localeCompare(key(b), "ru");

function mentorsConflicts(workbooks: readonly Workbook[]): MentorsConflict[] {
  const found = new Map<string, { mentee: string; subject: string; versions: Map<Workbook, Set<string>> }>();
  for (const wb of workbooks) {
    const { names, list } = wb.pairs;
    for (const [mentor, mentee, subject] of list) {
      if (mentor < 0 || mentee < 0) continue;
      const key = `${names[mentee]}\u0000${foldEnum(subject)}`;
      const entry = found.get(key) ?? { mentee: names[mentee]!, subject, versions: new Map() };
      const mentors = entry.versions.get(wb) ?? new Set<string>();
      mentors.add(names[mentor]!);
      entry.versions.set(wb, mentors);
      found.set(key, entry);
    }
  }
  return [...found.values()]
    .filter((e) => e.versions.size > 1 && new Set([...e.versions.values()].flatMap((m) => [...m])).size > 1)
    .map((e) => ({
      mentee: nameCase(e.mentee),
      subject: e.subject,
      versions: [...e.versions].map(([wb, mentors]) => ({
        organisation: wb.record.organisation,
        id: wb.record.id,
        mentors: [...mentors].map(nameCase),
      })),
    }))
    .sort(byName((c) => c.mentee));
}

interface Placing {
  readonly roles: Set<PairRole>;
  /** Organisation core key → the name as the workbook gives it. */
  readonly orgs: Map<string, string>;
}

function placesConflicts(workbooks: readonly Workbook[]): PlaceConflict[] {
  const people = new Map<string, Map<Workbook, Placing>>();
  for (const wb of workbooks) {
    const { names, list, orgs } = wb.pairs;
    // A digest stored before organisations were kept says nothing about places.
    if (!orgs) continue;
    const place = (person: number, org: number | undefined, role: PairRole): void => {
      const name = names[person];
      const orgName = org === undefined ? undefined : orgs[org];
      if (name === undefined || orgName === undefined) return;
      const byWorkbook = people.get(name) ?? new Map<Workbook, Placing>();
      const placing = byWorkbook.get(wb) ?? { roles: new Set<PairRole>(), orgs: new Map<string, string>() };
      placing.roles.add(role);
      const key = orgCoreKey(orgName);
      if (!placing.orgs.has(key)) placing.orgs.set(key, orgName);
      byWorkbook.set(wb, placing);
      people.set(name, byWorkbook);
    };
    for (const [mentor, mentee, , , mentorOrg, menteeOrg] of list) {
      place(mentor, mentorOrg, "mentor");
      place(mentee, menteeOrg, "mentee");
    }
  }
  const conflicts: PlaceConflict[] = [];
  for (const [person, byWorkbook] of people) {
    if (byWorkbook.size < 2) continue;
    const keys = new Set([...byWorkbook.values()].flatMap((p) => [...p.orgs.keys()]));
    if (keys.size < 2) continue;
    conflicts.push({
      person: nameCase(person),
      versions: [...byWorkbook].map(([wb, placing]) => ({
        organisation: wb.record.organisation,
        id: wb.record.id,
        roles: (["mentor", "mentee"] as const).filter((r) => placing.roles.has(r)),
        organisations: [...placing.orgs.values()],
      })),
    });
  }
  return conflicts.sort(byName((c) => c.person));
}

/** What the read workbooks of `records` (copies already marked) list differently. */
export function pairConflicts(records: readonly SchoolRecord[]): PairConflicts {
  const workbooks = workbooksOf(records);
  return { mentors: mentorsConflicts(workbooks), places: placesConflicts(workbooks) };
}
