/**
 * The справка о реализации муниципального проекта as data: its sections in the order of the
 * municipal справка, each with its heading (null: no heading) and the builder of its blocks
 * from the facts. Shaped like the report forms (a list of section definitions), so the two
 * can share one machinery.
 */
import { type ColumnSpec, bold, heading, paragraph, run, table } from "../report/blocks.js";
import { type Block, DASH } from "../report/model.js";
import { orgKey } from "../rules/read.js";
import { PAIR_NOT_HELD } from "../schema.js";
import {
  countWithNoun,
  lowerFirst,
  monthRangeSince,
  monthSpan,
  orgTypeCount,
  periodInWords,
  ruNumber,
  upperFirst,
} from "../russian.js";
import type { MonitoringFigure, ProblemFacts, SpravkaFacts, StageFacts } from "./facts.js";
import { countInWords, genitiveCount, ordinal, ordinalPrepositional } from "./words.js";

export interface SpravkaSectionDef {
  readonly key: string;
  /** Level-1 heading text; null for a section printed without one (the opening paragraph). */
  readonly heading: string | null;
  /** Heading level: 1 for the numbered sections, 2 for a part printed under the previous one. */
  readonly level?: 1 | 2;
  readonly build: (facts: SpravkaFacts) => Block[];
}

const STAGES = ["этап", "этапа", "этапов"] as const;
const PAIRS = ["наставническая пара", "наставнические пары", "наставнических пар"] as const;
const TEACHERS_GEN = ["учителя", "учителей"] as const;
const SCHOOLS_GEN_LOW = ["школы с НОР", "школ с НОР"] as const;
const ORGS_GEN = ["организации", "организаций"] as const;
const TEACHERS = ["учитель", "учителя", "учителей"] as const;

const numbered = (no: string, text: string): Block => paragraph([bold(`${no}. `), run(text)], "justify");
/** A numbered lead-in to a list or a table: a sub-caption, so it is kept with what follows it. */
const leadIn = (no: string, text: string): Block => heading(3, `${no}. ${text}`);
const dashList = (items: readonly string[]): Block => ({
  type: "list",
  ordered: false,
  items: items.map((t) => [run(t)]),
});
const sentence = (text: string): string => (/[.!?…»]$/u.test(text.trim()) ? text.trim() : `${text.trim()}.`);
const noEnd = (text: string): string => text.trim().replace(/[.;,]+$/u, "");
const quoted = (text: string): string => (/^[«"“„]/u.test(text) ? text : `«${text}»`);

function intro(f: SpravkaFacts): Block[] {
  const verb = f.span && f.span.end < f.date ? "реализовывался" : "реализуется";
  const span = f.span ? ` ${monthRangeSince(f.span.start, f.span.end)}` : "";
  const types = f.orgTypes.map((g) => orgTypeCount(g.type, g.names.length)).join(", ");
  const blocks: Block[] = [
    paragraph(
      `Муниципальный проект ${quoted(f.topic || DASH)} ${verb}${span}` +
        (f.orgShort ? `; организация-координатор — ${f.orgShort}.` : "."),
      "justify",
    ),
    paragraph(
      f.orgTotal > 0
        ? `Участниками проекта стали ${countWithNoun(f.orgTotal, ["организация", "организации", "организаций"])}` +
            (types ? `, в том числе ${types}.` : ".")
        : "Участники проекта не указаны.",
      "justify",
    ),
  ];
  const from = [
    `таблица проекта ${f.orgShort || ""}`.trim() + (f.period ? ` за ${periodInWords(null, f.period)}` : ""),
  ];
  if (f.participants.length > 0)
    from.push(`таблицы организаций-участников за тот же период: ${f.participants.join(", ")}`);
  blocks.push(
    paragraph(
      `Справка составлена по данным на ${f.date.split("-").reverse().join(".")}; источники — ${from.join("; ")}.`,
      "justify",
    ),
  );
  return blocks;
}

function goal(f: SpravkaFacts): Block[] {
  return [paragraph(f.goal ? sentence(f.goal) : DASH, "justify")];
}

function tasks(f: SpravkaFacts): Block[] {
  if (f.tasks.length === 0) return [paragraph(DASH)];
  return f.tasks.map((t, i) => numbered(`2.${i + 1}`, sentence(upperFirst(t))));
}

const STATE_WORDS: Record<StageFacts["state"], string> = {
  done: "завершён",
  current: "продолжается",
  future: "предстоит",
  unknown: "",
};

function stageHeadline(s: StageFacts, last: boolean): string {
  const no = Number(s.line.no);
  const which = Number.isInteger(no) && no >= 1 ? ordinal(no) : `${s.line.no}`;
  const span =
    s.line.start && s.line.end && s.line.start <= s.line.end
      ? monthSpan(s.line.start, s.line.end)
      : [s.line.startText, s.line.endText].filter((t) => t).join(" – ");
  const name = s.line.name ? lowerFirst(s.line.name) : "";
  return `${which} этап${name ? ` – ${name}` : ""}${span ? `, ${span}` : ""}${last ? "." : ";"}`;
}

function stageBody(s: StageFacts, index: number): Block[] {
  const no = Number(s.line.no);
  // «На первом этапе реализации проекта …», as the municipal справка opens each stage.
  const where =
    Number.isInteger(no) && no >= 1
      ? `На ${ordinalPrepositional(no)} этапе реализации проекта`
      : `На этапе ${s.line.no} реализации проекта`;
  const state = STATE_WORDS[s.state];
  const doing = s.state === "future" ? "запланировано" : s.state === "current" ? "решаются задачи" : "решались задачи";
  const text = s.line.results
    ? `${where}${s.state === "current" ? " (продолжается)" : ""} ${sentence(lowerFirst(s.line.results))}`
    : s.line.tasks
      ? `${where}${state ? ` (${state})` : ""} ${doing}: ${sentence(lowerFirst(s.line.tasks))}`
      : `${where}${state ? ` — этап ${state}.` : ": —"}`;
  const blocks: Block[] = [numbered(`3.${index + 1}`, text)];
  if (s.orders.length === 1) blocks.push(paragraph(`По этапу издано ${s.orders[0]!.text}.`, "justify"));
  if (s.orders.length > 1)
    blocks.push(
      heading(3, "По этапу изданы:"),
      dashList(s.orders.map((o, i) => `${o.text}${i === s.orders.length - 1 ? "." : ";"}`)),
    );
  return blocks;
}

function figureText(m: MonitoringFigure): string {
  const extra = [m.respondents && `ответили: ${noEnd(m.respondents)}`, m.detail && noEnd(m.detail)].filter((t) => t);
  const source = m.source ? ` — по данным ${m.source}` : "";
  return (
    `${noEnd(upperFirst(m.indicator))} — ${ruNumber(m.value)} ` +
    `из ${ruNumber(m.scale)}${extra.length > 0 ? ` (${extra.join("; ")})` : ""}${source}.`
  );
}

function stages(f: SpravkaFacts): Block[] {
  if (f.stages.length === 0) return [paragraph(DASH)];
  const blocks: Block[] = [
    paragraph(
      `Проект ${f.span && f.span.end < f.date ? "реализовывался" : "реализуется"} ` +
        `в ${countInWords(f.stages.length, STAGES)}:`,
      "justify",
    ),
    dashList(f.stages.map((s, i) => stageHeadline(s, i === f.stages.length - 1))),
    ...f.stages.flatMap((s, i) => stageBody(s, i)),
  ];
  let next = f.stages.length;
  const lead = (text: string) => leadIn(`3.${(next += 1)}`, text);
  if (f.otherOrders.length > 0) {
    blocks.push(
      lead("Кроме того, по проекту изданы:"),
      dashList(f.otherOrders.map((o, i) => `${o.text}${i === f.otherOrders.length - 1 ? "." : ";"}`)),
    );
  }
  const common = f.monitoring.filter((m) => m.group !== "Школы с НОР" && m.group !== "Школы-лидеры");
  if (common.length > 0)
    blocks.push(lead("По итогам мониторинга участников проекта:"), dashList(common.map(figureText)));
  return blocks;
}

function problemLines(problems: readonly ProblemFacts[]): string[] {
  return problems.map((p) => {
    const source = p.source ? ` (${p.source})` : "";
    return p.solution
      ? `${noEnd(p.problem)}${source} — пути решения: ${sentence(lowerFirst(p.solution))}`
      : `${sentence(p.problem)}${source}`;
  });
}

const LOW_COLUMNS: readonly ColumnSpec[] = [
  { header: "№ п/п", width: 6, align: "center" },
  { header: "Школа с НОР", width: 34 },
  { header: "Наставляемых учителей", width: 14, align: "center" },
  { header: "Предметы", width: 40 },
];

function mentorLine(line: SpravkaFacts["mentoring"]["lines"][number]): string {
  const subject = line.subjects.length > 0 ? `${line.subjects.map((s) => s.toLowerCase()).join(", ")}: ` : "";
  const org = line.organisations.length > 0 ? ` (${line.organisations.join(", ")})` : "";
  const orgs = line.allLowResults
    ? genitiveCount(line.menteeOrgs.length, SCHOOLS_GEN_LOW, "feminine")
    : genitiveCount(line.menteeOrgs.length, ORGS_GEN, "feminine");
  return (
    `${upperFirst(subject)}${line.mentor}${org} — ` +
    `наставник ${genitiveCount(line.mentees, TEACHERS_GEN)} ${orgs}${line.menteeOrgs.length > 0 ? ` (${line.menteeOrgs.join(", ")})` : ""};`
  );
}

/** Held pairs' mentees outside the НОР schools' rows: in another organisation, or with none readable. */
function menteesOutside(f: SpravkaFacts): { other: number; unknown: number } {
  const schools = new Set(f.lowResults.map((s) => orgKey(s.name)));
  const other = new Set<string>();
  const unknown = new Set<string>();
  for (const p of f.mentoring.pairs) {
    if (p.status === PAIR_NOT_HELD || p.menteeId === "") continue;
    if (p.menteeOrg === "") unknown.add(p.menteeId);
    else if (!schools.has(orgKey(p.menteeOrg))) other.add(p.menteeId);
  }
  return { other: other.size, unknown: unknown.size };
}

function lowResults(f: SpravkaFacts): Block[] {
  const m = f.mentoring;
  const blocks: Block[] = [];
  let n = 1;
  const item = (text: string) => blocks.push(numbered(`4.${n++}`, text));
  const lead = (text: string) => blocks.push(leadIn(`4.${n++}`, text));
  item(
    f.lowResults.length > 0
      ? `В проекте участвовали ${countInWords(f.lowResults.length, ["школа с НОР", "школы с НОР", "школ с НОР"], "feminine")}: ${f.lowResults.map((s) => s.name).join(", ")}.`
      : "Школы с НОР на вкладке «Организации» проекта не указаны.",
  );
  const other = m.pairsTotal - m.pairsActive - m.pairsNotHeld;
  item(
    `В общей сложности в школах с НОР работали ${countInWords(m.pairsActive, PAIRS, "feminine")}` +
      (other > 0 ? ` (ещё ${ruNumber(other)} — планируются или приостановлены)` : "") +
      `: наставников — ${ruNumber(m.mentors)}, наставляемых — ${ruNumber(m.mentees)} ` +
      `из ${genitiveCount(m.menteeOrgs, ORGS_GEN, "feminine")}.`,
  );
  if (m.lines.length > 0) {
    lead("Наставники и их наставляемые:");
    const lines = m.lines.map(mentorLine);
    lines[lines.length - 1] = `${lines[lines.length - 1]!.slice(0, -1)}.`;
    blocks.push(dashList(lines));
  }
  if (m.notHeld.length > 0) {
    const total = m.notHeld.reduce((a, g) => a + g.mentees, 0);
    lead(`Не состоялись ${countInWords(m.pairsNotHeld, PAIRS, "feminine")}:`);
    blocks.push(
      dashList(
        m.notHeld.map((g, i) => {
          const who = [g.mentor, g.organisation && `(${g.organisation})`].filter((t) => t).join(" ");
          const end = i === m.notHeld.length - 1 ? "." : ";";
          const subject = g.subject ? `${upperFirst(g.subject.toLowerCase())}: ` : "";
          return (
            `${subject}${who} — ${countInWords(g.mentees, TEACHERS)}; ` +
            `причина: ${g.reason ? lowerFirst(noEnd(g.reason)) : "не указана"}${end}`
          );
        }),
      ),
    );
    if (total !== m.pairsNotHeld)
      blocks.push(paragraph(`Всего наставляемых в несостоявшихся парах — ${ruNumber(total)}.`, "justify"));
  }
  if (f.lowResults.length > 0) {
    lead("Наставничество по школам с НОР:");
    // The mentees of 4.2 the schools' rows do not hold (another organisation, or one the check
    // could not read) get rows of their own, so the column adds up to 4.2's figure.
    const rest = menteesOutside(f);
    const restRows = [
      ...(rest.other > 0 ? [["", "Другие организации", ruNumber(rest.other), ""]] : []),
      ...(rest.unknown > 0 ? [["", "Организация не указана или не читается", ruNumber(rest.unknown), ""]] : []),
    ];
    blocks.push(
      table(
        LOW_COLUMNS,
        [
          ...f.lowResults.map((s, i) => [String(i + 1), s.name, ruNumber(s.mentees), s.subjects.join(", ")]),
          ...restRows,
        ],
        restRows.length > 0 ? { total: ["", "Итого", ruNumber(m.mentees), ""] } : {},
      ),
    );
  }
  const figures = f.monitoring.filter((x) => x.group === "Школы с НОР");
  if (figures.length > 0) {
    lead("Итоги мониторинга школ с НОР:");
    blocks.push(dashList(figures.map(figureText)));
  }
  const problems = f.problems.filter((p) => p.sourceType === "Школа с НОР");
  if (problems.length > 0) {
    lead("Школы с НОР отметили следующие проблемы:");
    blocks.push(dashList(problemLines(problems)));
  }
  return blocks;
}

const SCHOOLS = ["школа", "школы", "школ"] as const;
const LEADERS_GEN = ["школы-лидера и стажировочной площадки", "школ-лидеров и стажировочных площадок"] as const;

/** «Со школами с НОР работали три школы:», as the municipal справка says it; «… две школы из трёх …» when not all did. */
function withLowResults(working: number, total: number): string {
  if (working === 0)
    return total === 1
      ? "Школа-лидер проекта со школами с НОР не работала."
      : `Со школами с НОР не работала ни одна из ${genitiveCount(total, LEADERS_GEN, "feminine")} проекта.`;
  const verb = working % 10 === 1 && working % 100 !== 11 ? "работала" : "работали";
  const of = working < total ? ` из ${genitiveCount(total, LEADERS_GEN, "feminine")} проекта` : "";
  return `Со школами с НОР ${verb} ${countInWords(working, SCHOOLS, "feminine")}${of}:`;
}

function leaders(f: SpravkaFacts): Block[] {
  const blocks: Block[] = [];
  let n = 1;
  const item = (text: string) => blocks.push(numbered(`5.${n++}`, text));
  const lead = (text: string) => blocks.push(leadIn(`5.${n++}`, text));
  const working = f.leaders.filter((s) => s.mentors > 0);
  if (f.leaders.length === 0)
    item("Школы-лидеры и стажировочные площадки на вкладке «Организации» проекта не указаны.");
  else {
    (working.length > 0 ? lead : item)(withLowResults(working.length, f.leaders.length));
    if (working.length > 0)
      blocks.push(
        dashList(
          working.map((s, i) => {
            const end = i === working.length - 1 ? "." : ";";
            const subjects = s.subjects.length > 0 ? ` (${s.subjects.map((x) => x.toLowerCase()).join(", ")})` : "";
            return (
              `${s.name}: ${countInWords(s.mentors, ["наставник", "наставника", "наставников"])}${subjects} ` +
              `для ${genitiveCount(s.mentees, TEACHERS_GEN)}${end}`
            );
          }),
        ),
      );
    const idle = f.leaders.filter((s) => s.mentors === 0);
    if (idle.length > 0)
      blocks.push(paragraph(`Наставников не выделили: ${idle.map((s) => s.name).join(", ")}.`, "justify"));
  }
  const figures = f.monitoring.filter((x) => x.group === "Школы-лидеры");
  if (figures.length > 0) {
    lead("Итоги мониторинга школ-лидеров:");
    blocks.push(dashList(figures.map(figureText)));
  }
  const problems = f.problems.filter((p) => p.sourceType !== null && p.sourceType !== "Школа с НОР");
  if (problems.length > 0) {
    lead("Школы-лидеры отметили следующие проблемы:");
    blocks.push(dashList(problemLines(problems)));
  }
  return blocks;
}

function problemsAndProposals(f: SpravkaFacts): Block[] {
  const own = f.problems.filter((p) => p.source === null);
  return [
    heading(3, "В ходе реализации проекта отмечены следующие проблемы:"),
    own.length > 0 ? dashList(problemLines(own)) : paragraph(DASH),
    heading(3, "Предложения:"),
    f.proposals.length > 0 ? dashList(f.proposals.map(sentence)) : paragraph(DASH),
  ];
}

function conclusions(f: SpravkaFacts): Block[] {
  if (f.conclusions.length === 0) return [paragraph(DASH)];
  return f.conclusions.map((c, i) => numbered(`6.${i + 1}`, sentence(c)));
}

/** «до 15.09.2023 года», «постоянно»: a full date takes «года», as the municipal справка writes every deadline. */
function deadlineText(deadline: string): string {
  const text = noEnd(deadline).replace(/^(до|с|к) /iu, "$1\u00a0");
  return /\d{2}\.\d{2}\.\d{4}$/u.test(text) ? `${text} года` : text;
}

function recommendations(f: SpravkaFacts): Block[] {
  if (f.recommendations.length === 0) return [paragraph(DASH)];
  return f.recommendations.flatMap((g, i) => [
    leadIn(`7.${i + 1}`, `${upperFirst(g.addressee)}:`),
    dashList(
      g.items.map(
        (r) => `${sentence(upperFirst(r.text))}${r.deadline ? ` Срок\u00a0–\u00a0${deadlineText(r.deadline)}.` : ""}`,
      ),
    ),
  ]);
}

/**
 * The справка's skeleton, in the order of the municipal справка, each heading worded and
 * punctuated as the real one has it («2. Задачи проекта:», «6. Выводы.»).
 */
export const SPRAVKA_FORM: readonly SpravkaSectionDef[] = [
  { key: "intro", heading: null, build: intro },
  { key: "goal", heading: "1. Цель проекта:", build: goal },
  { key: "tasks", heading: "2. Задачи проекта:", build: tasks },
  { key: "stages", heading: "3. Этапы проекта:", build: stages },
  { key: "low_results", heading: "4. Основные результаты мониторинга школ с НОР", build: lowResults },
  {
    key: "leaders",
    heading: "5. Основные результаты мониторинга школ с высокими образовательными результатами",
    build: leaders,
  },
  { key: "problems", heading: "Проблемы и предложения", level: 2, build: problemsAndProposals },
  { key: "conclusions", heading: "6. Выводы.", build: conclusions },
  { key: "recommendations", heading: "7. Рекомендации.", build: recommendations },
];
