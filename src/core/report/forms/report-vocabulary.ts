/**
 * The МИП report's vocabulary: every piece of content a report form may ask for, read from
 * the validated workbook. A form (kirovsky.ts, novokuznetsk.ts) picks pieces by id and puts
 * them under its own headings; nothing here knows a form's numbering or wording.
 */
import { fold } from "../../fold.js";
import type { Metrics } from "../../metrics.js";
import { ENUMS, PLAN_DEVIATION_STATUSES, type ConclusionKey, type GeneralKey } from "../../schema.js";
import {
  countWithNoun,
  initials,
  lowerFirst,
  monthRangeSince,
  orgNameGenitive,
  participantsInWords,
  periodInWords,
  periodPrepositional,
  ruNumber,
  splitPositionAndName,
  squeeze,
  unbreakable,
  type CountedItem,
} from "../../russian.js";
import type { IsoDate, Period } from "../../terms/types.js";
import type { Workbook } from "../../workbook.js";
import { bold, labelled, paragraph, run, textBlocks } from "../blocks.js";
import { mentorTable, notHeldTable, reportMentoring } from "../mentoring.js";
import { type Block, DASH, type Run, type TableCell, SIGNATURE_BLANK, isEmptyText } from "../model.js";
import { conclusionText, countOf, enumValue, generalText, percentText, rowsOf, printedAt } from "../read.js";
import {
  isCompleted,
  overlapsPeriod,
  readStages,
  stageOrdinalGenitive,
  stageSpan,
  stageTitle,
  type StageLine,
} from "../stages.js";
import { totalsTable } from "../totals.js";
import type { Row, Vocabulary } from "./engine.js";
import { nextPeriod } from "./periods.js";

/** Everything the report's content is read from. */
export interface ReportContext {
  readonly wb: Workbook;
  readonly period: Period | null;
  readonly reportDate: IsoDate;
  readonly metrics: Metrics;
  readonly kind: "interim" | "final";
}

const joinNonEmpty = (parts: readonly string[], sep = ", "): string => parts.filter((p) => p.trim() !== "").join(sep);

/**
 * «Вебинар «Название»» — a name gets guillemets unless it already has quotes; a name that
 * already says what it is («Региональная конференция …» for the kind «Конференция») stands alone.
 */
function kindAndName(kind: string, name: string): string {
  if (kind !== "" && fold(name).includes(fold(kind))) return name;
  const quotedName = name === "" || /[«"“„]/u.test(name) ? name : `«${name}»`;
  return joinNonEmpty([kind, quotedName], " ");
}

const rank = (order: readonly string[], value: string): number => {
  const at = order.indexOf(value);
  return at < 0 ? order.length : at;
};

/** Counts of organisations by type and participants by category, in list order. */
function participantCounts(wb: Workbook): { orgTypes: CountedItem[]; categories: CountedItem[] } {
  const orgTypes = new Map<string, number>();
  for (const row of rowsOf(wb, "orgs")) {
    const type = enumValue(row.cells.type, "orgType") ?? printedAt(row, "type");
    if (type !== "") orgTypes.set(type, (orgTypes.get(type) ?? 0) + 1);
  }
  const categories = new Map<string, number>();
  for (const row of rowsOf(wb, "participants")) {
    const category = enumValue(row.cells.category, "participantCategory") ?? printedAt(row, "category");
    if (category !== "") categories.set(category, (categories.get(category) ?? 0) + (countOf(row.cells.count) ?? 0));
  }
  // In the order of the dropdown lists (НОР schools first, as the form lists them); unknown values last.
  const toItems = (m: Map<string, number>, order: readonly string[]): CountedItem[] =>
    [...m].map(([name, count]) => ({ name, count })).sort((a, b) => rank(order, a.name) - rank(order, b.name));
  return { orgTypes: toItems(orgTypes, ENUMS.orgType), categories: toItems(categories, ENUMS.participantCategory) };
}

function quoted(title: string): string {
  return title === "" || /^[«"“„]/u.test(title) ? title : `«${title}»`;
}

/** «от 05.03.2022 № 312-р» from a date and a number (a number may already start with «№»). */
function dateAndNumber(date: string, number: string): string {
  const no = number === "" ? "" : /^№/u.test(number) ? number.replace(/^№\s*/u, "№\u00a0") : `№\u00a0${number}`;
  return joinNonEmpty([date && `от ${date}`, no], " ");
}

/** «Распоряжение комитета образования от 05.03.2022 № 312-р «Об утверждении …»»; an empty issuer is left out. */
export function orderText(kind: string, date: string, number: string, title: string, issuer = ""): string {
  return joinNonEmpty([kind, squeeze(issuer), dateAndNumber(date, number), quoted(title)], " ");
}

/** A document row of «Документы» as the report reads it. */
interface DocumentLine {
  readonly kind: string;
  readonly issuer: string;
  readonly date: string;
  readonly number: string;
  readonly title: string;
}

/**
 * An act of the Кировский form's «Распорядительные акты:» as the real report writes it:
 * «Распоряжение комитета образования от 20.10.2021 г. №964-р «О …»» — «г.» after a full date,
 * «№» close to the number. An empty issuer, date or number is left out, with no double space.
 */
export function actLine(doc: DocumentLine): string {
  const date = doc.date === "" ? "" : /\d{4}$/u.test(doc.date) ? `от ${doc.date} г.` : `от ${doc.date}`;
  const number = doc.number === "" ? "" : `№${doc.number.replace(/^№\s*/u, "")}`;
  return joinNonEmpty([doc.kind, squeeze(doc.issuer), date, number, quoted(doc.title)], " ");
}

/** «Положение «О стажировочной площадке» (от 11.03.2021 № 364-р)»; a title that already starts with the kind is kept as written. */
function documentName(kind: string, date: string, number: string, title: string): string {
  const head =
    kind === "" || kind === "Иное" || fold(title).startsWith(fold(kind))
      ? title
      : joinNonEmpty([kind, quoted(title)], " ");
  const when = dateAndNumber(date, number);
  return when ? `${head} (${when})` : head;
}

const ORDER_KINDS = new Set(["Распоряжение", "Приказ"]);

function documentsOf(wb: Workbook) {
  return rowsOf(wb, "documents").map((row) => ({
    kind: enumValue(row.cells.kind, "documentKind") ?? printedAt(row, "kind"),
    issuer: printedAt(row, "issuer"),
    date: printedAt(row, "date"),
    number: printedAt(row, "number"),
    title: printedAt(row, "title"),
    rationale: printedAt(row, "rationale"),
  }));
}

/** «12 / 30 / 5 / 0»; «—» when no count is filled. */
function attendanceText(cells: readonly string[]): string {
  if (cells.every((c) => c === "")) return DASH;
  return cells.map((c) => (c === "" ? "0" : c)).join(" / ");
}

/** «6 (22 %)», «6», or «(22 %)» when only the share is filled. */
function teachersShare(count: string, percent: string): string {
  return joinNonEmpty([count, percent && `(${percent})`], " ");
}

/** «Приказ КОиН от 12.03.2019 № 456» → «приказом КОиН от 12.03.2019 № 456», for «(статус МИП присвоен …)». */
export function instrumentalDocument(text: string): string {
  const forms: readonly (readonly [RegExp, string])[] = [
    [/^приказ(?=\s|$)/iu, "приказом"],
    [/^распоряжение(?=\s|$)/iu, "распоряжением"],
    [/^постановление(?=\s|$)/iu, "постановлением"],
    [/^решение(?=\s|$)/iu, "решением"],
  ];
  const squeezed = text.trim().replace(/\s+/g, " ").replace(/№\s*/gu, "№\u00a0");
  for (const [from, to] of forms) if (from.test(squeezed)) return squeezed.replace(from, to);
  return squeezed;
}

/** «Лебедев Андрей Павлович, канд. пед. наук, …» → «А.П. Лебедев» (the name is what comes before the first comma). */
function nameInitials(text: string): string {
  const name = text.split(",")[0] ?? "";
  return unbreakable(initials(name));
}

/** The stage the reporting period falls in: the typed «Текущий этап», else the stages overlapping the period. */
function currentStageText(ctx: ReportContext): string {
  const typed = generalText(ctx.wb, "current_stage");
  if (typed !== "") return typed;
  const current = readStages(ctx.wb, ctx.period).filter((s) => overlapsPeriod(s, ctx.period));
  return current.map((s) => joinNonEmpty([stageTitle(s), stageSpan(s) && `(${stageSpan(s)})`], " ")).join("; ");
}

/**
 * «Проект реализуется в 3 этапа с января 2021 по май 2023 года» only when the tab lists the
 * whole project (at least two stages, the first numbered 1): a school that entered only its
 * current stage is not described as a one-stage project.
 */
function stagesBlocks(ctx: ReportContext): Block[] {
  const stages = readStages(ctx.wb, ctx.period);
  if (stages.length === 0) return [paragraph(DASH)];
  const wholeProject = stages.length >= 2 && /^1\.?$/u.test(stages[0]!.no.trim());
  const starts = stages.map((s) => s.start);
  const ends = stages.map((s) => s.end);
  const allDated = starts.every((d) => d !== null) && ends.every((d) => d !== null);
  const span = allDated
    ? ` ${monthRangeSince([...(starts as string[])].sort()[0]!, [...(ends as string[])].sort().reverse()[0]!)}`
    : "";
  const lines: Block = {
    type: "list",
    ordered: false,
    items: stages.map((s, i) => [
      run(`${joinNonEmpty([stageTitle(s), stageSpan(s)])}${i === stages.length - 1 ? "." : ";"}`),
    ]),
  };
  return [
    ...(wholeProject
      ? [
          paragraph(
            `Проект реализуется в ${countWithNoun(stages.length, ["этап", "этапа", "этапов"])}${span}.`,
            "justify",
          ),
        ]
      : []),
    lines,
  ];
}

function completedStagesBlocks(ctx: ReportContext): Block[] {
  const completed = readStages(ctx.wb, ctx.period).filter((s) => isCompleted(s, ctx.reportDate));
  if (completed.length === 0) return [paragraph(DASH)];
  return completed.flatMap((s) => [
    paragraph([bold(`По итогам ${stageOrdinalGenitive(s)}:`)]),
    ...textBlocks(s.results),
  ]);
}

function currentStagesBlocks(ctx: ReportContext): Block[] {
  const current = readStages(ctx.wb, ctx.period).filter((s: StageLine) => overlapsPeriod(s, ctx.period));
  if (current.length === 0) return [paragraph(DASH)];
  return current.map((s) =>
    paragraph([bold(`${joinNonEmpty([stageTitle(s), stageSpan(s)])}: `), run(s.tasks || DASH)], "justify"),
  );
}

function tasksList(ctx: ReportContext): Block[] {
  const tasks = rowsOf(ctx.wb, "tasks")
    .map((row) => printedAt(row, "task"))
    .filter((t) => t !== "");
  return tasks.length > 0 ? [{ type: "list", ordered: true, items: tasks.map((t) => [run(t)]) }] : [paragraph(DASH)];
}

function ordersList(ctx: ReportContext): Block[] {
  const orders = documentsOf(ctx.wb).filter((d) => ORDER_KINDS.has(d.kind));
  return orders.length > 0
    ? [{ type: "list", ordered: true, items: orders.map((d) => [run(actLine(d))]) }]
    : [paragraph(DASH)];
}

/** «УТВЕРЖДАЮ» (or the form's «Утверждаю»), the position, the blank and the name, optionally the date line. */
function approvalBlocks(ctx: ReportContext, args: Readonly<Record<string, string>>): Block[] {
  const approver = generalText(ctx.wb, "approver");
  if (approver === "") return [];
  const { position, name } = splitPositionAndName(approver);
  const signature = name === "" ? SIGNATURE_BLANK : `${SIGNATURE_BLANK}\u00a0${unbreakable(name)}`;
  const dateLine = args.date === "yes" ? [`«___»\u00a0____________ ${ctx.reportDate.slice(0, 4)}\u00a0г.`] : [];
  return [
    { type: "approval", lines: [args.word ?? "УТВЕРЖДАЮ", ...(position ? [position] : []), signature, ...dateLine] },
  ];
}

const EFFECTS = [
  ["effects_social", "Социальные"],
  ["effects_tech", "Технологические"],
  ["effects_econ", "Экономические"],
  ["effects_other", "Другое"],
] as const;

/** Form A: only the filled effects, «Социальные: …». */
function effectsFilled(ctx: ReportContext): Block[] {
  const effects = EFFECTS.map(
    ([key, label]) => [label === "Другое" ? "Другие" : label, conclusionText(ctx.wb, key)] as const,
  ).filter(([, t]) => t !== "");
  return effects.length > 0 ? effects.map(([label, text]) => labelled(label, text)) : [paragraph(DASH)];
}

/** Form B: every kind of effect, «Социальные – …» («—» when empty). */
function effectsAll(ctx: ReportContext): Block[] {
  return EFFECTS.map(([key, label]) => {
    const text = conclusionText(ctx.wb, key);
    return paragraph([bold(`${label} – `), run(isEmptyText(text) ? DASH : text)], "justify");
  });
}

function linesList(value: string): Block[] {
  const lines = value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => !isEmptyText(l));
  return lines.length > 0 ? [{ type: "list", ordered: true, items: lines.map((l) => [run(l)]) }] : [paragraph(DASH)];
}

const FORM_LEVELS = ["Международный", "Всероссийский", "Региональный", "Муниципальный"] as const;

/**
 * «ИТОГО за учебный год:» as the Новокузнецк form lists it: publications, contest
 * participations (wins in brackets) and conference participations at each of the form's four
 * levels, every level printed even at 0; what the other levels hold goes to «Другое».
 * The numbers are the validator's metrics (one number, one reading).
 */
function totalsList(ctx: ReportContext): Block[] {
  const m = ctx.metrics;
  const contests = m.contestsByLevel ?? {};
  const speeches = m.speechesByLevel ?? {};
  const levelLine = (level: string, value: string): Run[] => [run(`${level} уровень – ${value}`)];
  const contestValue = (level: string) => {
    const c = contests[level];
    if (!c) return "0";
    return c.wins > 0 ? `${ruNumber(c.participations)} (побед – ${ruNumber(c.wins)})` : ruNumber(c.participations);
  };
  const other: string[] = [];
  for (const [level, c] of Object.entries(contests))
    if (!(FORM_LEVELS as readonly string[]).includes(level) && c.participations > 0)
      other.push(`участие в конкурсах (${level.toLowerCase()} уровень): ${ruNumber(c.participations)}`);
  for (const [level, n] of Object.entries(speeches))
    if (!(FORM_LEVELS as readonly string[]).includes(level) && n > 0)
      other.push(`выступления (${level.toLowerCase()} уровень): ${ruNumber(n)}`);
  const events = Object.values(m.eventsByLevel ?? {}).reduce((a, b) => a + b, 0);
  if (events > 0) other.push(`мероприятия по распространению опыта: ${ruNumber(events)}`);
  return [
    paragraph([bold("Количество публикаций – "), run(ruNumber(m.publications ?? 0))], "left"),
    paragraph([bold("Количество фактов участия/побед в конкурсах:")], "left"),
    { type: "list", ordered: false, items: FORM_LEVELS.map((l) => levelLine(l, contestValue(l))) },
    paragraph([bold("Количество фактов участия в конференциях:")], "left"),
    { type: "list", ordered: false, items: FORM_LEVELS.map((l) => levelLine(l, ruNumber(speeches[l] ?? 0))) },
    paragraph([bold("Другое – "), run(other.length > 0 ? other.join("; ") : DASH)], "left"),
  ];
}

function mentoringBlocks(ctx: ReportContext): Block[] {
  const mentoring = reportMentoring(ctx.wb);
  return [
    // A caption in bold like the one below it: the form's sub-captions share one style.
    paragraph([bold("Сетевое наставничество")]),
    mentorTable(mentoring),
    paragraph([bold("Наставнические пары, которые не состоялись, и причины:")]),
    notHeldTable(mentoring),
  ];
}

/** «1.1. Полное наименование: …; сокращённое наименование: …; Озёрский район». */
function orgNamesBlocks(ctx: ReportContext, args: Readonly<Record<string, string>>): Block[] {
  const g = (key: GeneralKey) => generalText(ctx.wb, key);
  const label = args.label ?? "Полное наименование";
  return [
    paragraph(
      [
        bold(`${label}: `),
        run(g("org_full_name") || DASH),
        run("; "),
        bold("сокращённое наименование: "),
        run(g("org_short_name") || DASH),
        ...(g("municipality") ? [run(`; ${g("municipality")}`)] : []),
      ],
      "justify",
    ),
  ];
}

const PARTICIPANT_ROWS: readonly (readonly [string, string])[] = [
  ["Педагоги", "Педагоги"],
  ["Учащиеся (воспитанники)", "Учащиеся (воспитанники)"],
  ["Родители", "Родители"],
  ["Социальные партнёры", "Социальные партнёры (при наличии договоров, соглашений)"],
];

/** Кадры б): the form's four rows, then any other category the tab counts. */
function participantRows(ctx: ReportContext): Row[] {
  const byCategory = new Map<string, { count: number; counted: boolean; roles: string[] }>();
  for (const row of rowsOf(ctx.wb, "participants")) {
    const category = enumValue(row.cells.category, "participantCategory") ?? printedAt(row, "category");
    if (category === "") continue;
    const entry = byCategory.get(category) ?? { count: 0, counted: false, roles: [] };
    const count = countOf(row.cells.count);
    if (count !== null) [entry.count, entry.counted] = [entry.count + count, true];
    if (printedAt(row, "role")) entry.roles.push(printedAt(row, "role"));
    byCategory.set(category, entry);
  }
  const partners = generalText(ctx.wb, "social_partners");
  const line = (category: string, label: string): Row => {
    const e = byCategory.get(category);
    const roles = [...(e?.roles ?? []), ...(category === "Социальные партнёры" && partners ? [partners] : [])];
    return { category: label, count: e?.counted ? ruNumber(e.count) : "", role: roles.join("; ") };
  };
  const listed = new Set(PARTICIPANT_ROWS.map(([c]) => c));
  const others = [...byCategory.keys()]
    .filter((c) => !listed.has(c))
    .sort((a, b) => rank(ENUMS.participantCategory, a) - rank(ENUMS.participantCategory, b));
  return [...PARTICIPANT_ROWS.map(([c, l]) => line(c, l)), ...others.map((c) => line(c, c))];
}

function participantsSum(ctx: ReportContext): number {
  return rowsOf(ctx.wb, "participants").reduce((sum, row) => sum + (countOf(row.cells.count) ?? 0), 0);
}

/** The declared total as declared («>1000»), else the sum of the tab. */
function declaredOrSum(ctx: ReportContext): string {
  const declared = generalText(ctx.wb, "declared_participants");
  return declared !== "" ? declared : ruNumber(participantsSum(ctx));
}

/** «Задачи» of the calendar plan appendix: the task's text by its number on «Задачи». */
function calendarRows(ctx: ReportContext): Row[] {
  const tasks = new Map(
    rowsOf(ctx.wb, "tasks").map((row, i) => [printedAt(row, "no") || String(i + 1), printedAt(row, "task")]),
  );
  return rowsOf(ctx.wb, "plan").map((row) => {
    const no = printedAt(row, "task_no");
    const task = tasks.get(no.replace(/\.$/u, ""));
    return {
      task: task ? `${no}. ${task}` : no,
      activity: joinNonEmpty([printedAt(row, "no"), printedAt(row, "activity")], ". "),
      term: printedAt(row, "term"),
      executors: printedAt(row, "executors"),
      responsible: printedAt(row, "responsible"),
    };
  });
}

function planRows(ctx: ReportContext): Row[] {
  return rowsOf(ctx.wb, "plan").map((row) => {
    const term = printedAt(row, "term");
    const activity: Run[] = [
      run(printedAt(row, "activity") || DASH),
      ...(term ? [run(`\nСрок: ${term}`, { italic: true })] : []),
    ];
    const status = enumValue(row.cells.status, "planStatus") ?? printedAt(row, "status");
    const fact: Run[] = [
      run(printedAt(row, "fact") || DASH),
      ...(status && status !== "Выполнено" ? [run(`\nСтатус: ${status}`, { italic: true })] : []),
    ];
    const reason = printedAt(row, "reason");
    const action = printedAt(row, "action");
    return {
      no: printedAt(row, "no"),
      activity,
      fact,
      // The forms write «Отклонений нет» where nothing deviated; a deviation without a reason
      // stays empty («—»): the validator asks for the reason.
      reason: reason || (status !== "" && !PLAN_DEVIATION_STATUSES.has(status) ? NO_DEVIATION : ""),
      action,
      actionAndDocument: joinNonEmpty([action, printedAt(row, "document")], "\n"),
    };
  });
}

/** What the plan-versus-fact table says where the plan was kept. */
const NO_DEVIATION = "Отклонений нет";

/** The first letters of a stem of each word (for matching an activity typed twice a little differently). */
function stems(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 2)
    .map((w) => w.slice(0, 5));
}

/** The «Результаты» row about a plan event: the one whose activity's words the event's words include. */
function resultsRowFor(activity: string, results: readonly { activity: string; result: string; product: string }[]) {
  const mine = new Set(stems(activity));
  return results.find((r) => {
    const theirs = stems(r.activity);
    return theirs.length > 0 && theirs.filter((w) => mine.has(w)).length / theirs.length >= 0.75;
  });
}

/**
 * 3.1 of the Кировский form: one row per plan event, its main results (the «Результаты» tab's
 * actual result for the event, else the plan's fact) and its products (the actual product).
 */
function planResultRows(ctx: ReportContext): Row[] {
  const results = rowsOf(ctx.wb, "results").map((row) => ({
    activity: printedAt(row, "activity"),
    result: printedAt(row, "actual_result"),
    product: printedAt(row, "actual_product"),
  }));
  return rowsOf(ctx.wb, "plan").map((row) => {
    const activity = printedAt(row, "activity");
    const match = resultsRowFor(activity, results);
    return {
      activity: joinNonEmpty([printedAt(row, "no").replace(/\.$/u, ""), activity], ". "),
      result: match?.result || printedAt(row, "fact"),
      product: match?.product ?? "",
    };
  });
}

/** The Кировский 2.8 speeches: one line each — event and level, place, theme, date, speaker. */
function speechList(ctx: ReportContext): Block[] {
  const items = rowsOf(ctx.wb, "speeches").map((row) => {
    const level = printedAt(row, "level");
    const topic = printedAt(row, "topic");
    const date = printedAt(row, "date");
    const text = joinNonEmpty([
      printedAt(row, "place"),
      level && (/уровень/iu.test(level) ? lowerFirst(level) : `${lowerFirst(level)} уровень`),
      topic && `тема ${quoted(topic)}`,
      date && `дата – ${date}`,
      printedAt(row, "speaker"),
    ]);
    return [run(/[.!?…]$/u.test(text) ? text : `${text}.`)];
  });
  return items.length > 0 ? [{ type: "list", ordered: false, items }] : [paragraph(DASH)];
}

/** «МОУ» of «МОУ «СОШ № 4»»: the organisation's type as the short name writes it. */
function orgTypeOf(shortName: string): string {
  const type = shortName.split(/[«"“„]/u)[0]!.trim();
  return type || shortName.trim() || "МОУ";
}

const numbered = <T extends Record<string, TableCell>>(rows: readonly T[]): (T & { n: string })[] =>
  rows.map((r, i) => ({ ...r, n: String(i + 1) }));

function conclusion(key: ConclusionKey) {
  return (ctx: ReportContext) => conclusionText(ctx.wb, key);
}
function general(key: GeneralKey) {
  return (ctx: ReportContext) => generalText(ctx.wb, key);
}

export const REPORT_VOCABULARY: Vocabulary<ReportContext> = {
  vars(ctx) {
    const written = generalText(ctx.wb, "period");
    const next = nextPeriod(ctx.period);
    const orgShort = generalText(ctx.wb, "org_short_name");
    return {
      reportKind: ctx.kind === "final" ? "ИТОГОВЫЙ ОТЧЕТ" : "ПРОМЕЖУТОЧНЫЙ ОТЧЕТ",
      periodWords: periodInWords(ctx.period, written) || DASH,
      periodIn: periodPrepositional(ctx.period, written),
      nextPeriod: next?.nominative ?? "следующий год",
      nextPeriodIn: next?.prepositional ?? "в следующем году",
      orgShort: orgShort || "ОО",
      orgType: orgTypeOf(orgShort),
      orgGenitive: orgNameGenitive(generalText(ctx.wb, "org_full_name") || DASH),
      statusOrder: instrumentalDocument(generalText(ctx.wb, "status_order")),
      leaderInitials: nameInitials(generalText(ctx.wb, "leader")),
      consultantInitials: nameInitials(generalText(ctx.wb, "consultant")),
    };
  },
  values: {
    leaderLine: (ctx) => joinNonEmpty([generalText(ctx.wb, "leader"), generalText(ctx.wb, "leader_position")]),
    coordinatorLine: (ctx) =>
      joinNonEmpty([generalText(ctx.wb, "coordinator"), generalText(ctx.wb, "coordinator_position")]),
    participantsSummary: (ctx) => {
      const counts = participantCounts(ctx.wb);
      return participantsInWords(counts.orgTypes, counts.categories);
    },
    contacts: (ctx) => {
      const g = (key: GeneralKey) => generalText(ctx.wb, key);
      return joinNonEmpty([
        g("address"),
        g("phone") && `тел. ${g("phone")}`,
        g("email") && `эл. почта: ${g("email")}`,
        g("website") && `сайт: ${g("website")}`,
      ]);
    },
    currentStage: currentStageText,
    partner: general("partner"),
    consultant: general("consultant"),
    complex: general("complex"),
    topic: general("topic"),
    goal: general("goal"),
    management_body: conclusion("management_body"),
    normative_analysis: conclusion("normative_analysis"),
    pd_system: conclusion("pd_system"),
    trajectories: conclusion("trajectories"),
    network: conclusion("network"),
    site_info: conclusion("site_info"),
    significance: conclusion("significance"),
    conclusion: conclusion("conclusion"),
    extension: conclusion("extension"),
    next_tasks: conclusion("next_tasks"),
    proposals: conclusion("proposals"),
    consequences: conclusion("consequences"),
  },
  blocks: {
    approval: approvalBlocks,
    orgNames: orgNamesBlocks,
    tasks: tasksList,
    stages: stagesBlocks,
    completedStages: completedStagesBlocks,
    currentStages: currentStagesBlocks,
    orders: ordersList,
    speechList,
    mentoring: mentoringBlocks,
    effectsFilled,
    effectsAll,
    totalsTable: (ctx) => [totalsTable(ctx.metrics)],
    totalsList,
    // Form A prints the normative analysis under its documents table only when it is written.
    normativeText: (ctx) => {
      const text = conclusionText(ctx.wb, "normative_analysis");
      return text === "" ? [] : textBlocks(text);
    },
    productBank: (ctx) => linesList(conclusionText(ctx.wb, "product_bank")),
  },
  rows: {
    plan: planRows,
    planResults: planResultRows,
    calendar: calendarRows,
    documents: (ctx) =>
      numbered(
        documentsOf(ctx.wb)
          .filter((d) => !ORDER_KINDS.has(d.kind))
          .map((d) => ({ name: documentName(d.kind, d.date, d.number, d.title), rationale: d.rationale })),
      ),
    speeches: (ctx) =>
      numbered(
        rowsOf(ctx.wb, "speeches").map((row) => ({
          level: printedAt(row, "level"),
          date: printedAt(row, "date"),
          place: printedAt(row, "place"),
          placeAndDate: joinNonEmpty([printedAt(row, "place"), printedAt(row, "date")]),
          topic: printedAt(row, "topic"),
          speaker: printedAt(row, "speaker"),
        })),
      ),
    results: (ctx) =>
      rowsOf(ctx.wb, "results").map((row) => ({
        activity: printedAt(row, "activity"),
        forecastResult: printedAt(row, "forecast_result"),
        actualResult: printedAt(row, "actual_result"),
        forecastProduct: printedAt(row, "forecast_product"),
        actualProduct: printedAt(row, "actual_product"),
      })),
    dissemination: (ctx) =>
      rowsOf(ctx.wb, "dissemination").map((row) => ({
        kindNameDate: joinNonEmpty(
          [kindAndName(printedAt(row, "kind"), printedAt(row, "name")), printedAt(row, "date")],
          "\n",
        ),
        level: printedAt(row, "level"),
        attendance: attendanceText([
          printedAt(row, "teachers"),
          printedAt(row, "students"),
          printedAt(row, "parents"),
          printedAt(row, "partners"),
        ]),
        product: printedAt(row, "product"),
        expert: printedAt(row, "expert"),
      })),
    internalEvents: (ctx) =>
      rowsOf(ctx.wb, "internal_events").map((row) => ({
        kindName: kindAndName(printedAt(row, "kind"), printedAt(row, "name")),
        kindNameDate: joinNonEmpty(
          [kindAndName(printedAt(row, "kind"), printedAt(row, "name")), printedAt(row, "date")],
          "\n",
        ),
        date: printedAt(row, "date"),
        level: printedAt(row, "level"),
        attendees: printedAt(row, "attendees"),
        product: printedAt(row, "product"),
      })),
    contests: (ctx) =>
      rowsOf(ctx.wb, "contests").map((row) => ({
        kindName: kindAndName(printedAt(row, "kind"), printedAt(row, "name")),
        level: printedAt(row, "level"),
        participants: printedAt(row, "participants"),
        product: printedAt(row, "product"),
        result: printedAt(row, "result"),
        support: printedAt(row, "support"),
      })),
    problems: (ctx) =>
      numbered(
        rowsOf(ctx.wb, "problems").map((row) => ({
          problem: printedAt(row, "problem"),
          solution: printedAt(row, "solution"),
          outcome: printedAt(row, "outcome"),
        })),
      ),
    staff: (ctx) =>
      numbered(
        rowsOf(ctx.wb, "staff").map((row) => ({
          name: printedAt(row, "name"),
          position: printedAt(row, "position"),
          role: printedAt(row, "role"),
        })),
      ),
    // Кадры а): the management body; a workbook that marks no one «Да» (an older one) lists everyone not marked «Нет».
    managementStaff: (ctx) => {
      const rows = rowsOf(ctx.wb, "staff");
      const marked = rows.some((row) => enumValue(row.cells.management, "yesNo") === "Да");
      return rows
        .filter((row) =>
          marked
            ? enumValue(row.cells.management, "yesNo") === "Да"
            : enumValue(row.cells.management, "yesNo") !== "Нет",
        )
        .map((row) => ({
          name: printedAt(row, "name"),
          position: printedAt(row, "position"),
          role: printedAt(row, "role"),
        }));
    },
    participants: (ctx) =>
      rowsOf(ctx.wb, "participants").map((row) => ({
        category: printedAt(row, "category"),
        count: printedAt(row, "count"),
        role: printedAt(row, "role"),
      })),
    participantsTotal: (ctx) =>
      rowsOf(ctx.wb, "participants").length > 0
        ? [{ category: "Общее число участников", count: ruNumber(participantsSum(ctx)), role: "" }]
        : [],
    formParticipants: participantRows,
    formParticipantsTotal: (ctx) => [
      { category: "Общее число участников инновационного проекта", count: declaredOrSum(ctx), role: "" },
    ],
    training: (ctx) =>
      numbered(
        rowsOf(ctx.wb, "training").map((row) => ({
          share: teachersShare(printedAt(row, "count"), percentText(row.cells.percent)),
          kind: printedAt(row, "kind"),
          topic: printedAt(row, "topic"),
          kindTopic: joinNonEmpty(
            [printedAt(row, "kind"), printedAt(row, "topic") && quoted(printedAt(row, "topic"))],
            " ",
          ),
          place: printedAt(row, "place"),
          term: printedAt(row, "term"),
        })),
      ),
    publications: (ctx) =>
      numbered(
        rowsOf(ctx.wb, "publications").map((row) => ({
          authors: printedAt(row, "authors"),
          title: printedAt(row, "title"),
          sourceDate: joinNonEmpty([printedAt(row, "source"), printedAt(row, "date")]),
          level: printedAt(row, "level"),
          link: printedAt(row, "link"),
        })),
      ),
  },
  conditions: {
    hasMentoring: (ctx) => rowsOf(ctx.wb, "mentoring").length > 0,
    hasDocuments: (ctx) => documentsOf(ctx.wb).some((d) => !ORDER_KINDS.has(d.kind)),
    hasPlan: (ctx) => rowsOf(ctx.wb, "plan").length > 0,
    hasConsultant: (ctx) => generalText(ctx.wb, "consultant") !== "",
    noConsultant: (ctx) => generalText(ctx.wb, "consultant") === "",
  },
};
