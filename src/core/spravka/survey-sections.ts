/**
 * Sections 4 and 5 of the справка written from the monitoring's answers, in the municipal
 * справка's manner and numbering: counts in words with the right case («шесть школ из семи»),
 * averages with their distribution («3,71 (одна оценка — 5, три оценки — 4 …)»), options by
 * frequency, free text de-duplicated, problems and proposals at 4.15/4.16 and 5.8/5.9. Each
 * question writes the item its data names (survey/questions.ts); the workbook's own items of
 * the section follow, numbered on. When answers exist for a group, the hand-typed
 * «Мониторинг» figures of that group give way to them and the справка says so.
 */
import { heading, paragraph, run, bold, table, type ColumnSpec } from "../report/blocks.js";
import type { Block } from "../report/model.js";
import { lowerFirst, plural, ruNumber, upperFirst } from "../russian.js";
import type { GroupAnswers, SurveyResult } from "../survey/aggregate.js";
import type { SurveyFinding } from "../survey/findings.js";
import type { SurveyQuestion } from "../survey/questions.js";
import { type Tally, tally } from "../survey/tally.js";
import type { MonitoringFigure, SpravkaFacts } from "./facts.js";
import { countInWords, genitiveCount } from "./words.js";

const SCHOOLS = ["школа", "школы", "школ"] as const;
const MARKS = ["оценка", "оценки", "оценок"] as const;
const IN_SCHOOLS = ["школе", "школах"] as const;
/** The monitoring group of a «Мониторинг» row each question set replaces. */
const TYPED_GROUP = { low: "Школы с НОР", leaders: "Школы-лидеры" } as const;
const GROUP_WORDS = { low: "школам с НОР", leaders: "школам-лидерам" } as const;

/** «семь» / «одна»: the number word alone, feminine (школа). */
const numberWord = (n: number): string => countInWords(n, ["", "", ""], "feminine").trim();
/** «из семи» / «из одной». */
const ofTotal = (n: number): string => `из ${genitiveCount(n, ["", ""], "feminine").trim()}`;
const schools = (n: number): string => countInWords(n, SCHOOLS, "feminine");
const sentence = (text: string): string => (/[.!?…»]$/u.test(text.trim()) ? text.trim() : `${text.trim()}.`);
const noEnd = (text: string): string => text.trim().replace(/[.;,]+$/u, "");
const numbered = (no: string, text: string): Block => paragraph([bold(`${no}. `), run(text)], "justify");
const dashList = (items: readonly string[]): Block => ({
  type: "list",
  ordered: false,
  items: items.map((t) => [run(t)]),
});
const joinAnd = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} и ${items[items.length - 1]}`;
/** «ответила» for one, «ответили» otherwise. */
const verbFor = (n: number, one: string, many: string): string => (n % 10 === 1 && n % 100 !== 11 ? one : many);

function choiceText(q: SurveyQuestion, t: Extract<Tally, { kind: "choice" }>): string {
  if (t.options.length === 1 && t.answered > 1) return `${q.lead}: все школы ответили «${t.options[0]!.option}».`;
  return `${q.lead}: ${t.options.map((o) => `«${o.option}» — ${schools(o.count)}`).join(", ")}.`;
}

function severalText(q: SurveyQuestion, t: Extract<Tally, { kind: "several" }>): string {
  const other = t.other.length > 0 ? `; другое: ${t.other.map((o) => `«${noEnd(o.text)}»`).join(", ")}` : "";
  if (q.combinations) {
    const parts = t.combinations.map(
      (c) =>
        `в ${genitiveCount(c.count, IN_SCHOOLS, "feminine")} — ` +
        (c.options.length === 1 ? `только ${lowerFirst(c.options[0]!)}` : joinAnd(c.options.map(lowerFirst))),
    );
    return `${q.lead}: ${parts.join("; ")}${other}.`;
  }
  const parts = t.options.map(
    (o) =>
      `${lowerFirst(o.option)} — ${o.count === t.answered && o.count > 1 ? "все школы" : `${schools(o.count)} ${ofTotal(t.answered)}`}`,
  );
  return `${q.lead}: ${parts.join("; ")}${other}.`;
}

function scoreText(q: SurveyQuestion, t: Extract<Tally, { kind: "score" }>): string {
  const spread = t.distribution.map((d) => `${countInWords(d.count, MARKS, "feminine")} — ${d.score}`).join(", ");
  return `${q.lead}: средняя оценка — ${ruNumber(t.average)} при максимальной 5 (${spread}).`;
}

function textBlocks(no: string, q: SurveyQuestion, t: Extract<Tally, { kind: "text" }>): Block[] {
  const none =
    t.none > 0 && q.noneMeans
      ? `${upperFirst(schools(t.none))} ${verbFor(t.none, "отметила", "отметили")}, что ${q.noneMeans}.`
      : "";
  if (t.texts.length === 0) return [numbered(no, none || `${q.lead}: —.`)];
  const items = t.texts.map((x, i) => {
    const many = x.count > 1 ? ` (${schools(x.count)})` : "";
    const text = `${upperFirst(noEnd(x.text))}${many}`;
    return i === t.texts.length - 1 ? sentence(text) : `${text};`;
  });
  return [heading(3, `${no}. ${q.lead}:`), dashList(items), ...(none ? [paragraph(none, "justify")] : [])];
}

function itemBlocks(group: GroupAnswers, q: SurveyQuestion): Block[] {
  const no = q.feeds!;
  if (!group.asked.has(q.id)) return [numbered(no, `${q.lead}: нет данных — в ответах нет этого вопроса.`)];
  const t = tally(q, group.respondents);
  if (t.answered === 0) return [numbered(no, `${q.lead}: ответов нет.`)];
  switch (t.kind) {
    case "choice":
      return [numbered(no, choiceText(q, t))];
    case "several":
      return [numbered(no, severalText(q, t))];
    case "score":
      return [numbered(no, scoreText(q, t))];
    case "text":
      return textBlocks(no, q, t);
  }
}

/** «В муниципальном мониторинге приняли участие семь из восьми школ с НОР.» */
function participation(group: GroupAnswers, typedReplaced: boolean): Block[] {
  const n = group.respondents.length;
  const total = group.expected.length;
  const verb = verbFor(n, "приняла", "приняли");
  const who = group.set.respondents;
  const lines = [
    // The municipal справка introduces the monitoring once, before the НОР schools' part.
    ...(group.set.section === "4"
      ? ["По итогам выполнения мероприятий проекта проведён муниципальный мониторинг участников проекта."]
      : []),
    total === 0
      ? `В муниципальном мониторинге ${verb} участие ${schools(n)}.`
      : n === total && n > 1
        ? `В муниципальном мониторинге приняли участие все ${numberWord(n)} ${plural(n, [who[0], who[0], who[1]])}.`
        : `В муниципальном мониторинге ${verb} участие ${numberWord(n)} ${ofTotal(total)} ${total % 10 === 1 && total % 100 !== 11 ? who[0] : who[1]}.`,
  ];
  const silent = group.expected.filter((name) => !group.respondents.some((r) => r.name === name));
  if (silent.length > 0 && n > 0) lines.push(`Не ответили: ${silent.join(", ")}.`);
  if (typedReplaced)
    lines.push(
      `Показатели вкладки «Мониторинг» по ${GROUP_WORDS[group.set.group]} в справку не включены: ` +
        `пункты ниже составлены по ответам анкеты мониторинга.`,
    );
  return [paragraph(lines.join(" "), "justify")];
}

/** The group's items, or null when no responses sheet of that group was given. */
/** The group of a section with at least one counted answer: only such a group writes the section. */
const answeredGroup = (survey: SurveyResult, section: "4" | "5"): GroupAnswers | undefined =>
  survey.groups.find((g) => g.set.section === section && g.respondents.length > 0);

function surveyItems(survey: SurveyResult, section: "4" | "5", typedReplaced: boolean): Block[] | null {
  const group = answeredGroup(survey, section);
  if (!group) return null;
  return [
    ...participation(group, typedReplaced),
    ...group.set.questions.filter((q) => q.feeds !== null).flatMap((q) => itemBlocks(group, q)),
  ];
}

/** The last item number a section's questions take («16» for 4.16). */
function lastItem(survey: SurveyResult, section: "4" | "5"): number {
  const group = answeredGroup(survey, section);
  return Math.max(0, ...(group?.set.questions ?? []).map((q) => Number((q.feeds ?? "").split(".")[1] ?? 0)));
}

/** «4.2. …» → «4.18. …»: the workbook's items numbered on after the questionnaire's. */
function shifted(blocks: readonly Block[], section: string, by: number): Block[] {
  const pattern = new RegExp(`^${section}\\.(\\d+)\\.`, "u");
  const shift = (text: string) => text.replace(pattern, (_, n: string) => `${section}.${Number(n) + by}.`);
  return blocks.map((b) => {
    if (b.type === "heading") return { ...b, text: shift(b.text) };
    if (b.type === "paragraph" && b.runs[0])
      return { ...b, runs: [{ ...b.runs[0], text: shift(b.runs[0].text) }, ...b.runs.slice(1)] };
    return b;
  });
}

const SECTION_OF: Readonly<Record<string, "4" | "5">> = { low_results: "4", leaders: "5" };

/**
 * A справка section with the monitoring's answers: for sections 4 and 5 the questionnaire's
 * items first, then the section's own items numbered on; every other section as it is.
 */
export function withSurveyItems(
  key: string,
  blocks: readonly Block[],
  survey: SurveyResult | null,
  facts: SpravkaFacts,
): Block[] {
  const section = SECTION_OF[key];
  if (!survey || !section) return [...blocks];
  const group = answeredGroup(survey, section);
  const typed = group ? facts.monitoring.some((m) => m.group === TYPED_GROUP[group.set.group]) : false;
  const items = surveyItems(survey, section, typed);
  if (!items) {
    // Responses were given for the group but none counted: the section stays the workbook's, and says so.
    const empty = survey.groups.find((g) => g.set.section === section);
    if (!empty) return [...blocks];
    return [
      paragraph(
        `Ответов анкеты мониторинга от ${empty.set.respondents[1]} не учтено: ` +
          `пункты ниже составлены по таблицам проекта.`,
        "justify",
      ),
      ...blocks,
    ];
  }
  return [...items, ...shifted(blocks, section, lastItem(survey, section))];
}

/** The facts without the hand-typed «Мониторинг» figures of the groups the answers cover. */
export function factsBesideSurvey(facts: SpravkaFacts, survey: SurveyResult | null): SpravkaFacts {
  if (!survey) return facts;
  const covered = new Set<string>(
    survey.groups.filter((g) => g.respondents.length > 0).map((g) => TYPED_GROUP[g.set.group]),
  );
  const monitoring: MonitoringFigure[] = facts.monitoring.filter((m) => !covered.has(m.group ?? ""));
  return { ...facts, monitoring };
}

const FINDING_COLUMNS: readonly ColumnSpec[] = [
  { header: "№ п/п", width: 6, align: "center" },
  { header: "Файл и лист", width: 30 },
  { header: "Строка", width: 8, align: "center" },
  { header: "Сообщение", width: 56 },
];

/** True when the answers hold errors: the справка is then a draft. */
export const surveyMakesDraft = (survey: SurveyResult | null): boolean =>
  survey !== null && survey.findings.some((f) => f.severity === "error");

/**
 * The draft's appendix: the respondents left out and every error and warning about the
 * answers, so nothing read is lost from sight. Empty for a clean survey.
 */
export function surveyAppendix(survey: SurveyResult | null): Block[] {
  if (!survey) return [];
  const shown: SurveyFinding[] = survey.findings.filter((f) => f.severity !== "info");
  if (!surveyMakesDraft(survey) && survey.leftOut.length === 0) return [];
  const blocks: Block[] = [
    { type: "pageBreak" },
    heading(1, "Приложение. Замечания к ответам анкеты мониторинга"),
    paragraph(
      "Справка составлена как черновик: в ответах анкеты есть ошибки. Исправьте их и составьте справку " +
        "заново, чтобы получить чистовой вариант.",
      "justify",
    ),
  ];
  if (survey.leftOut.length > 0)
    blocks.push(
      heading(3, "Не учтены ответы:"),
      dashList(survey.leftOut.map((l, i) => `${l.label} — ${l.reason}${i === survey.leftOut.length - 1 ? "." : ";"}`)),
    );
  blocks.push(
    table(
      FINDING_COLUMNS,
      shown.map((f, i) => [String(i + 1), f.source, f.row === null ? "" : String(f.row), f.message]),
    ),
  );
  return blocks;
}
