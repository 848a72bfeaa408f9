/**
 * Everything the справка says, read once from its sources with the validator's readers: the
 * sections (form.ts) only word it. A value the validator cannot read is left out here, never
 * guessed — the finding stays with the workbook's check.
 */
import type { Signer } from "../committee/settings.js";
import { cellText } from "../grid.js";
import { conclusionText, generalText, printedAt } from "../report/read.js";
import { type StageLine, readStages } from "../report/stages.js";
import { orderText } from "../report/forms/report-vocabulary.js";
import { orgIndexOf } from "../rules/orgs.js";
import { enumValue, fieldText, identity, orgKey, text } from "../rules/read.js";
import { deadlineReadable, monitoringNumber } from "../rules/spravka.js";
import { ENUMS, PAIR_NOT_HELD } from "../schema.js";
import { parseSingleDate } from "../terms/index.js";
import type { IsoDate } from "../terms/types.js";
import { asRead } from "../readable.js";
import type { ValidationResult } from "../validate.js";
import { type MentoringFacts, mentoringFacts, mergePairs } from "./mentoring.js";
import type { SpravkaSources } from "./sources.js";

interface OrderRef {
  readonly date: IsoDate | null;
  /** «распоряжение от 25.01.2021 № 312-р «О присвоении …»». */
  readonly text: string;
}

export interface StageFacts {
  readonly line: StageLine;
  readonly orders: readonly OrderRef[];
  readonly state: "done" | "current" | "future" | "unknown";
}

interface CountedOrgs {
  readonly type: string;
  readonly names: readonly string[];
}

export interface MonitoringFigure {
  readonly indicator: string;
  /** A value of the «Группа школ» list, null when not given. */
  readonly group: string | null;
  readonly value: number;
  readonly scale: number;
  readonly respondents: string;
  readonly detail: string;
  /** The participant whose workbook gave it; null for the project's own. */
  readonly source: string | null;
}

export interface ProblemFacts {
  readonly problem: string;
  readonly solution: string;
  readonly source: string | null;
  /** Type of the source organisation (null for the project's own). */
  readonly sourceType: string | null;
}

interface RecommendationGroup {
  readonly addressee: string;
  readonly items: readonly { readonly text: string; readonly deadline: string }[];
}

interface SchoolMentoring {
  readonly name: string;
  readonly type: string;
  readonly mentors: number;
  readonly mentees: number;
  readonly subjects: readonly string[];
  readonly partnerOrgs: number;
}

export interface SpravkaFacts {
  readonly date: IsoDate;
  readonly topic: string;
  readonly goal: string;
  readonly orgShort: string;
  readonly orgFull: string;
  readonly period: string;
  readonly span: { readonly start: IsoDate; readonly end: IsoDate } | null;
  readonly orgTypes: readonly CountedOrgs[];
  readonly orgTotal: number;
  readonly tasks: readonly string[];
  readonly stages: readonly StageFacts[];
  /** Orders dated outside every stage, or undated. */
  readonly otherOrders: readonly OrderRef[];
  readonly mentoring: MentoringFacts;
  readonly lowResults: readonly SchoolMentoring[];
  readonly leaders: readonly SchoolMentoring[];
  readonly monitoring: readonly MonitoringFigure[];
  readonly problems: readonly ProblemFacts[];
  readonly proposals: readonly string[];
  readonly conclusions: readonly string[];
  readonly recommendations: readonly RecommendationGroup[];
  readonly signer: Signer | null;
  /** Participants whose workbooks were read, as «Организации» names them. */
  readonly participants: readonly string[];
}

export interface FactsOptions {
  /** The справка's date; default the project's report date. */
  readonly date?: IsoDate;
  /** The committee's signer, used when the project's «Справка о проекте» names none. */
  readonly signer?: Signer | null;
  /**
   * The committee's own orders for the project (its roadmap's order): placed in the stage their
   * date falls in, like the project's «Документы»; one the project already lists (same date and
   * number) is not repeated.
   */
  readonly committeeOrders?: readonly CommitteeOrder[];
}

/** An order the committee issued, from its roadmap's «Распоряжение». */
export interface CommitteeOrder {
  readonly date: IsoDate | null;
  readonly number: string;
  readonly title: string;
}

const ORDER_KINDS = new Set(["Распоряжение", "Приказ"]);
const LEADER_TYPES = new Set(["Школа-лидер", "Стажировочная площадка"]);
const LOW_RESULTS = "Школа с НОР";

const lines = (value: string): string[] =>
  value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !/^[-–—]+$/u.test(l));

function lowerFirstWord(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** A number as people compare them: «94», «№ 94», « 94-р» → «94-р» folded. */
const numberKey = (number: string): string => number.replace(/[№\s]/gu, "").toLowerCase();

/** «25.01.2021 года»: the municipal справка dates every order so («от 04.10.2021 года № 908-р»). */
const orderDate = (date: IsoDate | null): string => (date ? `${cellText({ kind: "date", iso: date })} года` : "");

function ordersOf(result: ValidationResult, committee: readonly CommitteeOrder[] = []): OrderRef[] {
  const { workbook, context } = result;
  const out: OrderRef[] = [];
  const listed = new Set<string>();
  for (const row of workbook.tables.documents.rows) {
    const kind = enumValue(row.cells.kind, "documentKind");
    if (!kind || !ORDER_KINDS.has(kind)) continue;
    const parsed = parseSingleDate(row.cells.date ?? null, { period: context.period });
    const date = parsed?.ok ? parsed.term.start : null;
    // An unreadable date is a finding (TERM_INVALID): the order is named without it.
    const dateText = orderDate(date);
    listed.add(`${date ?? ""}|${numberKey(printedAt(row, "number"))}`);
    out.push({
      date,
      text: lowerFirstWord(
        orderText(kind, dateText, printedAt(row, "number"), printedAt(row, "title"), printedAt(row, "issuer")),
      ),
    });
  }
  for (const order of committee) {
    if (listed.has(`${order.date ?? ""}|${numberKey(order.number)}`)) continue;
    const dateText = orderDate(order.date);
    out.push({
      date: order.date,
      text: lowerFirstWord(orderText("Распоряжение", dateText, order.number, order.title)),
    });
  }
  return out.sort((a, b) => (a.date ?? "9999").localeCompare(b.date ?? "9999"));
}

function stageState(stage: StageLine, date: IsoDate): StageFacts["state"] {
  if (stage.start === null || stage.end === null) return "unknown";
  if (stage.end < date) return "done";
  if (stage.start > date) return "future";
  return "current";
}

function orgGroups(result: ValidationResult): { groups: CountedOrgs[]; total: number } {
  const byType = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const row of result.workbook.tables.orgs.rows) {
    const name = text(row, "name");
    if (name === "" || seen.has(orgKey(name))) continue;
    seen.add(orgKey(name));
    const type = enumValue(row.cells.type, "orgType") ?? "Иное";
    byType.set(type, [...(byType.get(type) ?? []), name]);
  }
  const order = ENUMS.orgType as readonly string[];
  const groups = [...byType]
    .map(([type, names]) => ({ type, names }))
    .sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
  return { groups, total: seen.size };
}

function monitoringOf(result: ValidationResult, source: string | null, sourceType: string | null): MonitoringFigure[] {
  const out: MonitoringFigure[] = [];
  for (const row of result.workbook.tables.monitoring.rows) {
    const indicator = text(row, "indicator");
    const value = monitoringNumber(row.cells.value ?? null);
    const scale = monitoringNumber(row.cells.scale ?? null);
    // Unreadable or contradictory figures (MON_*) are not printed.
    if (indicator === "" || !value?.ok || !scale?.ok || scale.value <= 0 || value.value > scale.value) continue;
    const written = enumValue(row.cells.group, "monitoringGroup");
    const fromType =
      sourceType === LOW_RESULTS ? "Школы с НОР" : sourceType && LEADER_TYPES.has(sourceType) ? "Школы-лидеры" : null;
    out.push({
      indicator,
      group: written ?? fromType,
      value: value.value,
      scale: scale.value,
      respondents: text(row, "respondents"),
      detail: text(row, "detail"),
      source,
    });
  }
  return out;
}

function problemsOf(result: ValidationResult, source: string | null, sourceType: string | null): ProblemFacts[] {
  return result.workbook.tables.problems.rows
    .map((row) => ({ problem: printedAt(row, "problem"), solution: printedAt(row, "solution"), source, sourceType }))
    .filter((p) => p.problem !== "");
}

function recommendationsOf(result: ValidationResult): RecommendationGroup[] {
  const groups = new Map<string, { addressee: string; items: { text: string; deadline: string }[] }>();
  for (const row of result.workbook.tables.recommendations.rows) {
    const addressee = printedAt(row, "addressee");
    const recommendation = printedAt(row, "text");
    // Without an addressee or a text the row is not a recommendation yet (REC_* say so).
    if (addressee === "" || recommendation === "") continue;
    const cell = row.cells.deadline ?? null;
    const deadline = deadlineReadable(cell, result.context.period) ? cellText(cell) : "";
    const key = identity(addressee.replace(/[:.]+$/u, ""));
    const group = groups.get(key) ?? { addressee: addressee.replace(/[:.]+$/u, ""), items: [] };
    group.items.push({ text: recommendation, deadline });
    groups.set(key, group);
  }
  return [...groups.values()];
}

function signerOf(result: ValidationResult, fallback: Signer | null | undefined): Signer | null {
  const ctx = { workbook: result.workbook };
  const position = fieldText(ctx, "spravka", "signer_position");
  const name = fieldText(ctx, "spravka", "signer_name");
  if (position !== "" || name !== "") return { position, name };
  if (fallback && (fallback.position !== "" || fallback.name !== "")) return fallback;
  const coordinator = generalText(result.workbook, "coordinator");
  const coordinatorPosition = generalText(result.workbook, "coordinator_position");
  return coordinator !== "" || coordinatorPosition !== "" ? { position: coordinatorPosition, name: coordinator } : null;
}

function schoolMentoring(
  names: readonly string[],
  type: string,
  facts: MentoringFacts,
  side: "mentee" | "mentor",
): SchoolMentoring[] {
  return names.map((name) => {
    const key = orgKey(name);
    const held = facts.pairs.filter(
      (p) => p.status !== PAIR_NOT_HELD && orgKey(side === "mentee" ? p.menteeOrg : p.mentorOrg) === key,
    );
    const subjects = new Map<string, string>();
    for (const p of held)
      if (p.subject !== "" && !subjects.has(identity(p.subject))) subjects.set(identity(p.subject), p.subject);
    return {
      name,
      type,
      mentors: new Set(held.map((p) => p.mentorId).filter((id) => id !== "")).size,
      mentees: new Set(held.map((p) => p.menteeId).filter((id) => id !== "")).size,
      subjects: [...subjects.values()],
      partnerOrgs: new Set(
        held.map((p) => orgKey(side === "mentee" ? p.mentorOrg : p.menteeOrg)).filter((k) => k !== ""),
      ).size,
    };
  });
}

export function spravkaFacts(sources: SpravkaSources, options: FactsOptions = {}): SpravkaFacts {
  // Every workbook as the documents read it: values with errors left out of every figure.
  const project = asRead(sources.project);
  const schools = sources.schools.map((s) => ({ ...s, result: asRead(s.result) }));
  const wb = project.workbook;
  const date = options.date ?? project.context.reportDate;
  const stages = readStages(wb, project.context.period);
  const orders = ordersOf(project, options.committeeOrders);
  const placed = new Set<OrderRef>();
  const stageFacts: StageFacts[] = stages.map((line) => {
    const own = orders.filter(
      (o) =>
        !placed.has(o) &&
        o.date !== null &&
        line.start !== null &&
        line.end !== null &&
        o.date >= line.start &&
        o.date <= line.end,
    );
    own.forEach((o) => placed.add(o));
    return { line, orders: own, state: stageState(line, date) };
  });
  const dated = stages.filter((s) => s.start !== null && s.end !== null);
  const span =
    dated.length === stages.length && dated.length > 0
      ? {
          start: dated.map((s) => s.start!).sort()[0]!,
          end: dated
            .map((s) => s.end!)
            .sort()
            .reverse()[0]!,
        }
      : null;
  const orgs = orgIndexOf(wb.tables.orgs.rows);
  const { groups, total } = orgGroups(project);
  const mentoring = mentoringFacts(mergePairs([wb, ...schools.map((s) => s.result.workbook)], orgs), orgs);
  const namesOf = (types: readonly string[]) => groups.filter((g) => types.includes(g.type)).flatMap((g) => g.names);
  const conclusions = lines(fieldText({ workbook: wb }, "spravka", "conclusions"));
  return {
    date,
    topic: generalText(wb, "topic"),
    goal: generalText(wb, "goal"),
    orgShort: generalText(wb, "org_short_name"),
    orgFull: generalText(wb, "org_full_name"),
    period: project.context.period?.label ?? generalText(wb, "period"),
    span,
    orgTypes: groups,
    orgTotal: total,
    tasks: wb.tables.tasks.rows.map((row) => printedAt(row, "task")).filter((t) => t !== ""),
    stages: stageFacts,
    otherOrders: orders.filter((o) => !placed.has(o)),
    mentoring,
    lowResults: schoolMentoring(namesOf([LOW_RESULTS]), LOW_RESULTS, mentoring, "mentee"),
    leaders: groups
      .filter((g) => LEADER_TYPES.has(g.type))
      .flatMap((g) => schoolMentoring(g.names, g.type, mentoring, "mentor")),
    monitoring: [
      ...monitoringOf(project, null, null),
      ...schools.flatMap((s) => monitoringOf(s.result, s.name, s.type)),
    ],
    problems: [...problemsOf(project, null, null), ...schools.flatMap((s) => problemsOf(s.result, s.name, s.type))],
    proposals: [
      ...lines(conclusionText(wb, "proposals")),
      ...schools.flatMap((s) => lines(conclusionText(s.result.workbook, "proposals")).map((p) => `${p} (${s.name})`)),
    ],
    conclusions: conclusions.length > 0 ? conclusions : lines(conclusionText(wb, "conclusion")),
    recommendations: recommendationsOf(project),
    signer: signerOf(project, options.signer),
    participants: schools.map((s) => s.name),
  };
}
