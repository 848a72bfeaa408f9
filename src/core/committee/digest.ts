/**
 * A school's digest: the plain-JSON extract of one validated workbook that the dashboard row
 * and the справка are built from. It is small enough to be stored in one hidden cell of the
 * Свод row (so the справка never has to re-open a thousand workbooks) and carries only what
 * the committee's documents print — no personal data beyond what the справка itself shows
 * (mentor and mentee names of pairs that did not take place, as the report itself prints them).
 */
import { textOf as cellTextOf } from "../cells.js";
import type { RuleId } from "../issues.js";
import type { Metrics } from "../metrics.js";
import { readableOf } from "../readable.js";
import { projectFingerprint } from "./copies.js";
import { DISSEMINATION, PLAN_DEVIATION_STATUSES } from "../schema.js";
import type { ValidationResult } from "../validate.js";
import { countOf, enumValue, generalText, rowsOf, printedAt } from "../report/read.js";
import { type MentoringPair, summariseMentoring } from "../rules/mentoring-summary.js";
import { type RoadmapLink, roadmapLinksOf } from "../roadmap/links.js";
import { type OrgIndex, orgIndexOf } from "../rules/orgs.js";
import { orgKey } from "../rules/read.js";
import {
  type DigestDeviation,
  type DigestNotHeldPair,
  type DigestPair,
  type DigestPairs,
  type DigestProblem,
  type DigestRoadmapLink,
  type SchoolDigest,
  SchoolDigestSchema,
} from "./digest-schema.js";

export type { SchoolDigest } from "./digest-schema.js";

/** Caps keep one digest well under a Sheets cell's 50,000 characters. */
const DIGEST_LIMITS = {
  deviations: 40,
  notHeldPairs: 40,
  problems: 20,
  orgs: 60,
  firstErrors: 5,
  text: 300,
  pairs: 250,
  roadmapLinks: 80,
} as const;

const clip = (text: string, max: number = DIGEST_LIMITS.text): string =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

export function digestOf(result: ValidationResult): SchoolDigest {
  // Names as the school wrote them; every list and figure from the readable workbook, so a value
  // with an error is in no figure of the committee's documents (readable.ts).
  const named = result.workbook;
  const wb = readableOf(result);
  const shortName = generalText(named, "org_short_name");
  const fullName = generalText(named, "org_full_name");
  const deviations: DigestDeviation[] = [];
  for (const row of rowsOf(wb, "plan")) {
    const status = enumValue(row.cells.status, "planStatus");
    if (!status || !PLAN_DEVIATION_STATUSES.has(status)) continue;
    deviations.push({
      no: clip(printedAt(row, "no"), 20),
      activity: clip(printedAt(row, "activity")),
      status,
      reason: clip(printedAt(row, "reason")),
      action: clip(printedAt(row, "action")),
    });
  }
  const mentoring = summariseMentoring(wb.tables.mentoring.rows, wb.tables.orgs.rows);
  const notHeldPairs: DigestNotHeldPair[] = mentoring.notHeld.map((p) => ({
    mentor: clip(p.mentor, 80),
    mentee: clip(p.mentee, 80),
    subject: clip(p.subject, 80),
    reason: clip(p.reason),
  }));
  const problems: DigestProblem[] = rowsOf(wb, "problems")
    .map((row) => ({
      problem: clip(printedAt(row, "problem")),
      solution: clip(printedAt(row, "solution")),
      outcome: clip(printedAt(row, "outcome"), 40),
    }))
    .filter((p) => p.problem !== "");
  const participants = new Map<string, number>();
  for (const row of rowsOf(wb, "participants")) {
    const category = enumValue(row.cells.category, "participantCategory") ?? printedAt(row, "category");
    const count = countOf(row.cells.count);
    if (category === "" || count === null) continue;
    participants.set(category, (participants.get(category) ?? 0) + count);
  }
  const orgs = rowsOf(wb, "orgs")
    .map((row) => ({
      name: clip(printedAt(row, "name"), 120),
      type: enumValue(row.cells.type, "orgType") ?? clip(printedAt(row, "type"), 60),
    }))
    .filter((o) => o.name !== "");
  const pairs = pairsOf(mentoring.pairs, orgIndexOf(wb.tables.orgs.rows));
  const findings: Partial<Record<RuleId, number>> = {};
  for (const issue of result.issues) {
    if (issue.severity === "info") continue;
    findings[issue.rule] = (findings[issue.rule] ?? 0) + 1;
  }
  return {
    organisation: clip(shortName || fullName, 200),
    fullName: clip(fullName, 400),
    municipality: clip(generalText(named, "municipality"), 200),
    reportType:
      enumValue(named.kv.general.fields.report_type?.value ?? null, "reportType") ??
      clip(generalText(named, "report_type"), 60),
    period: clip(cellTextOf(named.kv.general.fields.period?.value ?? null), 80),
    topic: clip(generalText(named, "topic"), 400),
    templateVersion: result.templateVersion,
    summary: { ...result.summary },
    metrics: result.metrics,
    fingerprint: projectFingerprint(named),
    orgs: orgs.slice(0, DIGEST_LIMITS.orgs),
    participants: [...participants].map(([name, count]) => ({ name, count })),
    deviations: deviations.slice(0, DIGEST_LIMITS.deviations),
    notHeldPairs: notHeldPairs.slice(0, DIGEST_LIMITS.notHeldPairs),
    problems: problems.slice(0, DIGEST_LIMITS.problems),
    findings,
    firstErrors: result.issues
      .filter((i) => i.severity === "error")
      .slice(0, DIGEST_LIMITS.firstErrors)
      .map((i) => clip(`${i.sheet}${i.cell ? `, ${i.cell}` : ""}: ${i.message}`)),
    ...(pairs ? { pairs } : {}),
    ...roadmapOf(roadmapLinksOf(wb, result.context.reportDate, result.context.period)),
  };
}

/** The roadmap links as compact tuples (none: no field, so older and newer digests read the same). */
function roadmapOf(links: readonly RoadmapLink[]): { roadmap?: DigestRoadmapLink[] } {
  if (links.length === 0) return {};
  return {
    roadmap: links
      .slice(0, DIGEST_LIMITS.roadmapLinks)
      .map((l) => [clip(l.item, 20), l.sheet, l.row, clip(l.activity, 80), clip(l.fact, 150), l.done]),
  };
}

/** A digest's roadmap links back as RoadmapLink (empty for a digest stored before them). */
export function digestRoadmapLinks(digest: SchoolDigest): RoadmapLink[] {
  return (digest.roadmap ?? []).map(([item, sheet, row, activity, fact, done]) => ({
    item,
    sheet,
    row,
    activity,
    fact,
    done,
  }));
}

/** Distinct strings of a digest list by index, in first-seen order; "" is −1. */
class IndexedNames {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();

  constructor(
    private readonly max: number,
    private readonly keyOf: (name: string) => string = (name) => name,
  ) {}

  at(name: string): number {
    const key = this.keyOf(name);
    if (key === "") return -1;
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(clip(name, this.max));
      this.index.set(key, i);
    }
    return i;
  }
}

/**
 * The pairs of the one mentoring summary (each once), people as folded names, for cross-school
 * totals; each person's organisation as the workbook's «Организации» tab names it («СОШ №4» →
 * «МОУ «СОШ № 4»»), so the committee sees one teacher placed in two schools by two workbooks.
 */
function pairsOf(pairs: readonly MentoringPair[], orgIndex: OrgIndex): DigestPairs | undefined {
  if (pairs.length > DIGEST_LIMITS.pairs) return undefined;
  const people = new IndexedNames(80);
  const orgs = new IndexedNames(120, orgKey);
  const orgAt = (written: string): number => (written === "" ? -1 : orgs.at(orgIndex.canonical(written)));
  const list: DigestPair[] = pairs.map((pair) => [
    people.at(pair.mentorKey),
    people.at(pair.menteeKey),
    clip(pair.subject, 80),
    pair.status ?? "",
    orgAt(pair.mentorOrg),
    orgAt(pair.menteeOrg),
  ]);
  return { names: people.names, list, orgs: orgs.names };
}

/** Dissemination events of a school: the tab's row count, else the sum by level. */
export function disseminationEvents(metrics: Metrics): number {
  const byTab = metrics.eventsByTab[DISSEMINATION.title];
  if (typeof byTab === "number") return byTab;
  return Object.values(metrics.eventsByLevel).reduce((a, b) => a + b, 0);
}

/** Largest JSON text a digest may take in one cell (Sheets allows 50,000; 1,000 schools stay under 20 MB). */
export const DIGEST_MAX_CHARS = 20_000;

/** The digest as JSON for the hidden Свод cell; lists are shortened until it fits. */
export function serialiseDigest(digest: SchoolDigest): string {
  let current = digest;
  let json = JSON.stringify(current);
  // Pairs go first when space runs short: without them the counts are summed, nothing is lost.
  if (json.length > DIGEST_MAX_CHARS && current.pairs) {
    const { pairs: _, ...rest } = current;
    current = rest;
    json = JSON.stringify(current);
  }
  let keep = 20;
  while (json.length > DIGEST_MAX_CHARS && keep >= 0) {
    current = {
      ...current,
      deviations: current.deviations.slice(0, keep),
      notHeldPairs: current.notHeldPairs.slice(0, keep),
      problems: current.problems.slice(0, keep),
      orgs: current.orgs.slice(0, keep * 2),
      ...(current.roadmap ? { roadmap: current.roadmap.slice(0, keep * 3) } : {}),
      metrics: { ...current.metrics, pairsBySubject: topEntries(current.metrics.pairsBySubject, keep * 2) },
    };
    json = JSON.stringify(current);
    keep = keep === 0 ? -1 : Math.floor(keep / 2);
  }
  return json;
}

function topEntries(record: Readonly<Record<string, number>>, n: number): Record<string, number> {
  return Object.fromEntries(
    Object.entries(record)
      .sort((a, b) => b[1] - a[1])
      .slice(0, n),
  );
}

/** A digest read back from its cell; null when the text is not a digest (edited by hand, truncated). */
export function parseDigest(text: string): SchoolDigest | null {
  if (!text.startsWith("{")) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const checked = SchoolDigestSchema.safeParse(value);
  return checked.success ? checked.data : null;
}
