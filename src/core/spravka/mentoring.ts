/**
 * Mentoring across the project's workbook and its participants' workbooks, counted the way
 * the validator's metrics (one workbook) and the committee's totals (several) count it: each
 * workbook's pairs come from the one mentoring reader (rules/mentoring-summary), a pair is
 * (mentor, mentee, subject) compared folded; a pair two workbooks list counts once
 * (the workbook that lists it most often wins, the project's on a tie); pairs «Не состоялась»
 * are left out of the people. With the project's workbook alone every figure here equals its
 * `mip validate --json` metrics; with participants, the committee's digest totals.
 */
import { MostListed } from "../committee/most-listed.js";
import { summariseMentoring } from "../rules/mentoring-summary.js";
import { PAIR_ACTIVE_STATUSES, PAIR_NOT_HELD } from "../schema.js";
import type { OrgIndex } from "../rules/orgs.js";
import { identity, orgKey } from "../rules/read.js";
import type { Workbook } from "../workbook.js";

export interface SpravkaPair {
  readonly mentor: string;
  readonly mentorId: string;
  readonly mentorOrg: string;
  readonly subject: string;
  readonly mentee: string;
  readonly menteeId: string;
  readonly menteeOrg: string;
  /** From the list, "" when empty or not from the list. */
  readonly status: string;
  readonly reason: string;
}

interface MentorLine {
  readonly mentor: string;
  readonly organisations: readonly string[];
  readonly subjects: readonly string[];
  readonly mentees: number;
  readonly menteeOrgs: readonly string[];
  /** True when every mentee organisation is a «Школа с НОР» of the project. */
  readonly allLowResults: boolean;
}

interface NotHeldGroup {
  readonly mentor: string;
  readonly organisation: string;
  readonly subject: string;
  readonly mentees: number;
  readonly reason: string;
}

export interface MentoringFacts {
  readonly pairs: readonly SpravkaPair[];
  readonly pairsTotal: number;
  readonly pairsActive: number;
  readonly pairsNotHeld: number;
  readonly mentors: number;
  readonly mentees: number;
  readonly menteeOrgs: number;
  readonly lines: readonly MentorLine[];
  readonly notHeld: readonly NotHeldGroup[];
}

/** A workbook's pairs as its own metrics read them (the one mentoring reader: a pair listed twice is one). */
function pairsOf(wb: Workbook, orgs: OrgIndex): SpravkaPair[] {
  return summariseMentoring(wb.tables.mentoring.rows, wb.tables.orgs.rows).pairs.map((p) => ({
    mentor: p.mentor,
    mentorId: p.mentorKey,
    mentorOrg: orgs.canonical(p.mentorOrg),
    subject: p.subject,
    mentee: p.mentee,
    menteeId: p.menteeKey,
    menteeOrg: orgs.canonical(p.menteeOrg),
    status: p.status ?? "",
    reason: p.reason,
  }));
}

const pairKey = (p: SpravkaPair): string => `${p.mentorId}\u0000${p.menteeId}\u0000${identity(p.subject)}`;

/** Pairs of several workbooks, a pair listed by two of them once (see the module comment). */
export function mergePairs(workbooks: readonly Workbook[], orgs: OrgIndex): SpravkaPair[] {
  const pairs = new MostListed<SpravkaPair>(pairKey);
  for (const wb of workbooks) pairs.add(pairsOf(wb, orgs));
  return pairs.groups().flat();
}

function distinctBy<T>(values: readonly T[], key: (v: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const v of values) {
    const k = key(v);
    if (k !== "" && !seen.has(k)) seen.set(k, v);
  }
  return [...seen.values()];
}

export function mentoringFacts(pairs: readonly SpravkaPair[], orgs: OrgIndex): MentoringFacts {
  const held = pairs.filter((p) => p.status !== PAIR_NOT_HELD);
  const byMentor = new Map<string, SpravkaPair[]>();
  for (const p of held) {
    if (p.mentorId === "") continue;
    const list = byMentor.get(p.mentorId);
    if (list) list.push(p);
    else byMentor.set(p.mentorId, [p]);
  }
  const lines: MentorLine[] = [...byMentor.values()].map((list) => {
    const menteeOrgs = distinctBy(
      list.map((p) => p.menteeOrg),
      orgKey,
    );
    return {
      mentor: list[0]!.mentor,
      organisations: distinctBy(
        list.map((p) => p.mentorOrg),
        orgKey,
      ),
      subjects: distinctBy(
        list.map((p) => p.subject),
        identity,
      ),
      mentees: new Set(list.map((p) => p.menteeId).filter((id) => id !== "")).size,
      menteeOrgs,
      allLowResults: menteeOrgs.length > 0 && menteeOrgs.every((o) => orgs.find(o)?.type === "Школа с НОР"),
    };
  });
  const notHeldGroups = new Map<string, { first: SpravkaPair; mentees: Set<string> }>();
  for (const p of pairs) {
    if (p.status !== PAIR_NOT_HELD) continue;
    const key = `${p.mentorId}\u0000${identity(p.subject)}\u0000${identity(p.reason)}`;
    const group = notHeldGroups.get(key) ?? { first: p, mentees: new Set<string>() };
    group.mentees.add(p.menteeId || `#${group.mentees.size}`);
    notHeldGroups.set(key, group);
  }
  return {
    pairs,
    pairsTotal: pairs.length,
    pairsActive: pairs.filter((p) => PAIR_ACTIVE_STATUSES.has(p.status)).length,
    pairsNotHeld: pairs.length - held.length,
    mentors: new Set(held.map((p) => p.mentorId).filter((id) => id !== "")).size,
    mentees: new Set(held.map((p) => p.menteeId).filter((id) => id !== "")).size,
    menteeOrgs: new Set(held.map((p) => (p.menteeOrg === "" ? "" : orgKey(p.menteeOrg))).filter((k) => k !== "")).size,
    lines,
    notHeld: [...notHeldGroups.values()].map(({ first, mentees }) => ({
      mentor: first.mentor,
      organisation: first.mentorOrg,
      subject: first.subject,
      mentees: mentees.size,
      reason: first.reason,
    })),
  };
}
