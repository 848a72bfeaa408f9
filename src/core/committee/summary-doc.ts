/**
 * The «Сводка по МИП» (the registry digest) across all registry schools: who took part and
 * of which types, plan execution per school and overall, deviations with reasons, mentoring
 * coverage, participants, dissemination by level and the most frequent problems. One
 * reporting period per part: schools reporting for different periods are shown apart, never
 * summed. What the check found in the schools' workbooks is not part of the official text:
 * it is in the appendix. Built as the report's DocModel, so the .docx and Google Docs
 * renderers draw it unchanged.
 */
import { foldEnum } from "../fold.js";
import { RULES, type RuleId } from "../issues.js";
import { ENUMS } from "../schema.js";
import {
  countWithNoun,
  initials,
  levelPhrase,
  orgTypeCount,
  periodInWords,
  plural,
  ruNumber,
  unbreakable,
  type PluralForms,
} from "../russian.js";
import { parsePeriod } from "../terms/index.js";
import { formatRuDate } from "../terms/dates.js";
import type { IsoDate } from "../terms/types.js";
import { type ColumnSpec, table } from "../report/blocks.js";
import { type Block, type DocModel, DASH, SIGNATURE_BLANK, heading, paragraph, run } from "../report/model.js";
import { typography } from "../report/typography.js";
import { settlePageBreaks } from "../report/page-breaks.js";
import { fitTables } from "../report/widths.js";
import type { SchoolRecord } from "./school.js";
import { markCopies } from "./copies.js";
import { type PairRole, pairConflicts } from "./pair-conflicts.js";
import { stateHasFigures, stateText } from "./states.js";
import { type CommitteeTotals, committeeTotals } from "./totals.js";
import type { SchoolDigest } from "./digest.js";
import { percentOf } from "../percent.js";
import type { Signer } from "./settings.js";

const ORGANISATIONS: PluralForms = ["организация", "организации", "организаций"];
const ACTIVITIES: PluralForms = ["мероприятие", "мероприятия", "мероприятий"];
const PAIRS: PluralForms = ["наставническая пара", "наставнические пары", "наставнических пар"];
const SCHOOLS_GEN: PluralForms = ["организации", "организаций", "организаций"];

export interface SummaryDocOptions {
  /** The date the справка is made, printed as «по состоянию на 05.03.2022». */
  readonly date: IsoDate;
  /** Who signs it, from «Настройки комитета» (or `mip summary --signer`); no signature line when null. */
  readonly signer?: Signer | null;
}

/** The document's name (Google Doc / .docx): «Сводка по МИП — 05.03.2022». */
const SUMMARY_DOC_NAME = "Сводка по МИП";

interface ReadSchool {
  readonly record: SchoolRecord;
  readonly digest: SchoolDigest;
}

/** One decimal in the справка (72,7 %), under the same rounding policy as everywhere else. */
const pct = (share: number | null): string => (share === null ? DASH : `${ruNumber(percentOf(share, 1))} %`);
const num = (n: number): string => ruNumber(n);

function readSchools(records: readonly SchoolRecord[]): ReadSchool[] {
  return records.flatMap((record) =>
    record.digest && stateHasFigures(record.state) ? [{ record, digest: record.digest }] : [],
  );
}

interface PeriodGroup {
  /** The period as the first school wrote it; "" when not given. */
  readonly label: string;
  readonly schools: readonly ReadSchool[];
}

/** Same period whatever the spelling: «2022» and «01.01.2022-31.12.2022» are one. */
function periodKey(text: string): string {
  const period = parsePeriod(text.trim());
  return period ? `${period.start}/${period.end}` : foldEnum(text);
}

/** The read schools by reporting period: the most schools first, then the latest period. */
function periodGroups(schools: readonly ReadSchool[]): PeriodGroup[] {
  const groups = new Map<string, { label: string; end: string; schools: ReadSchool[] }>();
  for (const s of schools) {
    const key = periodKey(s.digest.period);
    const group = groups.get(key) ?? { label: s.digest.period.trim(), end: key.split("/")[1] ?? "", schools: [] };
    group.schools.push(s);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => b.schools.length - a.schools.length || b.end.localeCompare(a.end))
    .map(({ label, schools: list }) => ({ label, schools: list }));
}

const periodWords = (label: string): string => (label === "" ? "период не указан" : periodInWords(null, label));

/** Distinct participating organisations (compared folded) by type, across all projects. */
function organisationsByType(schools: readonly ReadSchool[]): {
  total: number;
  byType: { name: string; count: number }[];
} {
  const typeOf = new Map<string, string>();
  for (const s of schools) {
    const own = foldEnum(s.digest.organisation);
    if (own !== "" && !typeOf.has(own)) typeOf.set(own, "");
    for (const org of s.digest.orgs) {
      const key = foldEnum(org.name);
      if (!typeOf.get(key)) typeOf.set(key, org.type);
    }
  }
  const counts = new Map<string, number>();
  for (const type of typeOf.values()) if (type) counts.set(type, (counts.get(type) ?? 0) + 1);
  const order = ENUMS.orgType as readonly string[];
  const byType = [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => (order.indexOf(a.name) + 1 || 99) - (order.indexOf(b.name) + 1 || 99));
  return { total: typeOf.size, byType };
}

function participantsSection(schools: readonly ReadSchool[], totals: CommitteeTotals): Block[] {
  const byCategory = new Map<string, number>();
  for (const s of schools)
    for (const p of s.digest.participants) byCategory.set(p.name, (byCategory.get(p.name) ?? 0) + p.count);
  const order = ENUMS.participantCategory as readonly string[];
  const rows = [...byCategory]
    .sort((a, b) => (order.indexOf(a[0]) + 1 || 99) - (order.indexOf(b[0]) + 1 || 99))
    .map(([name, count]) => [name, num(count)]);
  if (rows.length === 0 && totals.participantsTotal === 0) return [];
  return [
    heading(1, "5. Участники проектов"),
    paragraph(`Общее число участников по данным организаций — ${num(totals.participantsTotal)}.`, "justify"),
    table(
      [
        { header: "Категория участников", width: 5 },
        { header: "Количество", width: 2, align: "center" },
      ],
      rows,
      { total: ["Всего", num(totals.participantsTotal)] },
    ),
  ];
}

function introSection(
  records: readonly SchoolRecord[],
  schools: readonly ReadSchool[],
  totals: CommitteeTotals,
  date: IsoDate,
  groups: readonly PeriodGroup[],
): Block[] {
  const interim = schools.filter((s) => s.digest.reportType === "Промежуточный").length;
  const final = schools.filter((s) => s.digest.reportType === "Итоговый").length;
  const lines: Block[] = [
    paragraph(
      `По состоянию на ${formatRuDate(date)} в реестре комитета ${countWithNoun(records.length, ORGANISATIONS)} — ` +
        `муниципальные инновационные площадки. Таблицы МИП прочитаны у ${num(totals.read)} ` +
        `${plural(totals.read, SCHOOLS_GEN)}` +
        (totals.unreadable > 0 ? `, не прочитаны у ${num(totals.unreadable)} (они названы в приложении)` : "") +
        (totals.copies > 0
          ? `; ${countWithNoun(totals.copies, ["таблица повторяет", "таблицы повторяют", "таблиц повторяют"])} ` +
            "другие и в показатели не вошли (названы в приложении)."
          : "."),
      "justify",
    ),
  ];
  if (schools.length > 0) {
    lines.push(
      paragraph(
        `Промежуточных отчётов — ${num(interim)}, итоговых — ${num(final)}` +
          (schools.length - interim - final > 0
            ? `, вид отчёта не указан — ${num(schools.length - interim - final)}.`
            : "."),
        "justify",
      ),
    );
  }
  if (groups.length > 1) {
    lines.push(
      paragraph(
        `Организации отчитываются за разные ` +
          `периоды: ${groups.map((g) => `${periodWords(g.label)} — ${countWithNoun(g.schools.length, ORGANISATIONS)}`).join(", ")}. ` +
          "Показатели приведены по каждому периоду отдельно и между периодами не складываются.",
        "justify",
      ),
    );
  }
  lines.push(
    table(
      [
        { header: "№", width: 1, align: "center" },
        { header: "Организация", width: 5 },
        { header: "Вид отчёта", width: 3 },
        { header: "Отчётный период", width: 3 },
        { header: "Тема", width: 7 },
      ],
      groups
        .flatMap((g) => g.schools)
        .map((s, i) => [String(i + 1), s.record.organisation, s.digest.reportType, s.digest.period, s.digest.topic]),
      { caption: "Организации, отчёты которых вошли в сводку" },
    ),
  );
  return [heading(1, "1. Участники и виды отчётов"), ...lines];
}

/** «Участниками проектов стали …» for one period's schools. */
function participantsLine(schools: readonly ReadSchool[]): Block[] {
  if (schools.length === 0) return [];
  const orgs = organisationsByType(schools);
  const types = orgs.byType.map((t) => orgTypeCount(t.name, t.count)).join(", ");
  const one = orgs.total % 10 === 1 && orgs.total % 100 !== 11;
  const lead = one ? "Участником проектов стала" : "Участниками проектов стали";
  return [
    paragraph(
      `${lead} ${countWithNoun(orgs.total, ORGANISATIONS)}` + (types ? `, в том числе ${types}.` : "."),
      "justify",
    ),
  ];
}

function planSection(schools: readonly ReadSchool[], totals: CommitteeTotals): Block[] {
  if (totals.planRows === 0) return [];
  const rows = schools.map((s) => {
    const m = s.digest.metrics;
    return [
      s.record.organisation,
      num(m.planRows),
      num(m.planDue),
      num(m.planDone),
      pct(m.planExecution),
      num(m.deviations),
    ];
  });
  const columns: ColumnSpec[] = [
    { header: "Организация", width: 5 },
    { header: "Пунктов плана", width: 3, align: "center" },
    { header: "Срок наступил", width: 2, align: "center" },
    { header: "Выполнено", width: 2, align: "center" },
    { header: "Выполнение плана", width: 2, align: "center" },
    { header: "Отклонений", width: 2, align: "center" },
  ];
  return [
    heading(1, "2. Выполнение планов"),
    paragraph(
      `В планах организаций ${countWithNoun(totals.planRows, ACTIVITIES)}; срок наступил у ${num(totals.planDue)}, ` +
        `выполнено ${num(totals.planDone)}. ` +
        (totals.planExecution === null
          ? "Выполнение плана оценить нельзя: срок ни одного пункта ещё не наступил."
          : `Выполнение плана в целом — ${pct(totals.planExecution)}.`),
      "justify",
    ),
    table(columns, rows, {
      total: [
        "Итого",
        num(totals.planRows),
        num(totals.planDue),
        num(totals.planDone),
        pct(totals.planExecution),
        num(totals.deviations),
      ],
    }),
  ];
}

function deviationsSection(schools: readonly ReadSchool[], totals: CommitteeTotals): Block[] {
  const rows = schools.flatMap((s) =>
    s.digest.deviations.map((d) => [
      s.record.organisation,
      [d.no, d.activity].filter((x) => x).join(". "),
      d.status,
      d.reason,
      d.action,
    ]),
  );
  // No deviation: one sentence in the plan's part says so, no empty table of its own.
  if (rows.length === 0) return [];
  return [
    heading(1, "3. Отклонения от планов и их причины"),
    paragraph(
      `Отклонений от планов — ${num(totals.deviations)}. Причины и принятые управленческие действия:`,
      "justify",
    ),
    table(
      [
        { header: "Организация", width: 4 },
        { header: "Мероприятие", width: 5 },
        { header: "Статус", width: 3 },
        { header: "Причины отклонения", width: 5 },
        { header: "Управленческие действия", width: 5 },
      ],
      rows,
    ),
  ];
}

function mentoringSection(schools: readonly ReadSchool[], totals: CommitteeTotals): Block[] {
  if (totals.pairsTotal === 0) return [];
  const subjects = Object.entries(totals.pairsBySubject).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "ru"));
  const perSchool = schools
    .filter((s) => s.digest.metrics.pairsTotal > 0)
    .map((s) => {
      const m = s.digest.metrics;
      return [
        s.record.organisation,
        num(m.pairsTotal),
        num(m.pairsActive),
        num(m.mentors),
        num(m.mentees),
        num(m.pairsNotHeld),
      ];
    });
  const notHeld = schools.flatMap((s) =>
    s.digest.notHeldPairs.map((p) => [s.record.organisation, p.mentor, p.mentee ?? "", p.subject, p.reason]),
  );
  return [
    heading(1, "4. Наставничество"),
    paragraph(
      `В проектах ${countWithNoun(totals.pairsTotal, PAIRS)}, из ` +
        `них действующих и завершённых — ${num(totals.pairsActive)}, ` +
        `не состоялось — ${num(totals.pairsNotHeld)}. Наставников — ${num(totals.mentors)}, ` +
        `наставляемых — ${num(totals.mentees)} (пара или человек, указанные в таблицах нескольких организаций, ` +
        "посчитаны один раз).",
      "justify",
    ),
    table(
      [
        { header: "Предмет / направление", width: 5 },
        { header: "Наставнических пар", width: 2, align: "center" },
      ],
      subjects.map(([subject, n]) => [subject, num(n)]),
      {
        caption: "Наставнические пары по предметам (кроме несостоявшихся)",
        total: ["Всего", num(subjects.reduce((a, [, n]) => a + n, 0))],
      },
    ),
    table(
      [
        { header: "Организация", width: 5 },
        { header: "Пар всего", width: 2, align: "center" },
        { header: "Действующих и завершённых", width: 2, align: "center" },
        { header: "Наставников", width: 2, align: "center" },
        { header: "Наставляемых", width: 2, align: "center" },
        { header: "Не состоялись", width: 2, align: "center" },
      ],
      perSchool,
      {
        caption: "Наставничество по организациям",
        total: [
          "Итого без повторов",
          num(totals.pairsTotal),
          num(totals.pairsActive),
          num(totals.mentors),
          num(totals.mentees),
          num(totals.pairsNotHeld),
        ],
      },
    ),
    ...(notHeld.length === 0
      ? []
      : [
          table(
            [
              { header: "Организация", width: 4 },
              { header: "Наставник", width: 4 },
              { header: "Наставляемый", width: 4 },
              { header: "Предмет", width: 3 },
              { header: "Причина", width: 5 },
            ],
            notHeld,
            { caption: "Наставнические пары, которые не состоялись, и причины" },
          ),
        ]),
  ];
}

function disseminationSection(totals: CommitteeTotals): Block[] {
  const order = ENUMS.level as readonly string[];
  const levels = Object.entries(totals.eventsByLevel).sort(
    (a, b) => (order.indexOf(a[0]) + 1 || 99) - (order.indexOf(b[0]) + 1 || 99),
  );
  const phrase = levels.map(([level, n]) => `${levelPhrase(level)} — ${num(n)}`).join(", ");
  if (totals.disseminationEvents === 0 && levels.length === 0) return [];
  return [
    heading(1, "6. Распространение опыта"),
    paragraph(
      `Опыт проектов представлен ` +
        `на ${countWithNoun(totals.disseminationEvents, ["мероприятии", "мероприятиях", "мероприятиях"])}` +
        (phrase ? `: ${phrase}.` : "."),
      "justify",
    ),
    table(
      [
        { header: "Уровень", width: 4 },
        { header: "Мероприятий", width: 2, align: "center" },
      ],
      levels.map(([level, n]) => [level, num(n)]),
      { total: ["Всего", num(levels.reduce((a, [, n]) => a + n, 0))] },
    ),
  ];
}

/** Problems the schools name (Затруднения), grouped by folded text. */
function problemsSection(schools: readonly ReadSchool[]): Block[] {
  const problems = new Map<string, { text: string; schools: Set<string> }>();
  for (const s of schools) {
    for (const p of s.digest.problems) {
      const key = foldEnum(p.problem);
      const entry = problems.get(key) ?? { text: p.problem, schools: new Set<string>() };
      entry.schools.add(s.record.id || s.record.organisation);
      problems.set(key, entry);
    }
  }
  const topProblems = [...problems.values()]
    .sort((a, b) => b.schools.size - a.schools.size || a.text.localeCompare(b.text, "ru"))
    .slice(0, 15);
  if (topProblems.length === 0) return [];
  return [
    heading(1, "7. Наиболее частые затруднения"),
    paragraph(
      "Организации отметили следующие затруднения (в скобках — сколько организаций назвали каждое):",
      "justify",
    ),
    topProblems.length === 0
      ? paragraph(DASH, "justify")
      : {
          type: "list",
          ordered: false,
          items: topProblems.map((p) => [run(`${p.text} (${countWithNoun(p.schools.size, ORGANISATIONS)})`)]),
        },
  ];
}

/** What the check found, by rule: how many schools and cases (for the appendix). */
function findingsTable(schools: readonly ReadSchool[]): Block {
  const findings = new Map<RuleId, { schools: number; cases: number }>();
  for (const s of schools) {
    for (const [rule, n] of Object.entries(s.digest.findings) as [RuleId, number][]) {
      const entry = findings.get(rule) ?? { schools: 0, cases: 0 };
      entry.schools++;
      entry.cases += n;
      findings.set(rule, entry);
    }
  }
  const top = [...findings]
    .filter(([rule]) => rule in RULES)
    .sort((a, b) => b[1].schools - a[1].schools || b[1].cases - a[1].cases)
    .slice(0, 10);
  return table(
    [
      { header: "Замечание проверки", width: 6 },
      { header: "Организаций", width: 2, align: "center" },
      { header: "Случаев", width: 2, align: "center" },
    ],
    top.map(([rule, f]) => [RULES[rule].title, num(f.schools), num(f.cases)]),
    { caption: "Наиболее частые замечания проверки таблиц" },
  );
}

const MENTEES_GEN: PluralForms = ["наставляемого", "наставляемых", "наставляемых"];
const PEOPLE_ACC: PluralForms = ["участника", "участников", "участников"];
const ROLE_WORDS: Record<PairRole, string> = { mentor: "наставник", mentee: "наставляемый" };

/**
 * Pairs two workbooks list differently (pair-conflicts.ts), each with every workbook's version.
 * The totals count the mentee or the person once; the committee settles which record is right.
 */
/** Rows of one table of pairs listed differently the document prints (a person listed by every workbook stays readable). */
const MAX_CONFLICT_ROWS = 200;
const ROWS_GEN: PluralForms = ["строки", "строк", "строк"];

/** The table, cut to MAX_CONFLICT_ROWS with a line saying how many there are. */
function cappedTable(columns: readonly ColumnSpec[], rows: readonly string[][]): Block[] {
  if (rows.length <= MAX_CONFLICT_ROWS) return [table(columns, rows)];
  return [
    table(columns, rows.slice(0, MAX_CONFLICT_ROWS)),
    paragraph(`Показаны первые ${num(MAX_CONFLICT_ROWS)} из ${countWithNoun(rows.length, ROWS_GEN)}.`, "justify"),
  ];
}

function differentlyListed(records: readonly SchoolRecord[]): Block[] {
  const { mentors, places } = pairConflicts(records);
  const blocks: Block[] = [];
  if (mentors.length > 0) {
    blocks.push(
      paragraph(
        "Таблицы организаций указывают одну и ту же пару по-разному: " +
          `у ${countWithNoun(mentors.length, MENTEES_GEN)} по тому же предмету разные наставники; ` +
          "в показателях каждый наставляемый посчитан один раз. Уточните, какая запись верна:",
        "justify",
      ),
      ...cappedTable(
        [
          { header: "Наставляемый", width: 4 },
          { header: "Предмет", width: 3 },
          { header: "Таблица организации", width: 4 },
          { header: "Наставник в этой таблице", width: 4 },
        ],
        mentors.flatMap((c) => c.versions.map((v) => [c.mentee, c.subject, v.organisation, v.mentors.join(", ")])),
      ),
    );
  }
  if (places.length > 0) {
    blocks.push(
      paragraph(
        `Таблицы организаций указывают ${countWithNoun(places.length, PEOPLE_ACC)} наставничества ` +
          "в разных организациях (один педагог в двух школах); в показателях каждый посчитан один раз. " +
          "Уточните, где работает или учится каждый:",
        "justify",
      ),
      ...cappedTable(
        [
          { header: "Наставник или наставляемый", width: 4 },
          { header: "Таблица организации", width: 4 },
          { header: "Роль в этой таблице", width: 3 },
          { header: "Организация в этой таблице", width: 4 },
        ],
        places.flatMap((c) =>
          c.versions.map((v) => [
            c.person,
            v.organisation,
            v.roles.map((r) => ROLE_WORDS[r]).join(" и "),
            v.organisations.join(", "),
          ]),
        ),
      ),
    );
  }
  return blocks;
}

function appendix(records: readonly SchoolRecord[], schools: readonly ReadSchool[]): Block[] {
  const withErrors = schools
    .filter((s) => s.digest.summary.errors > 0)
    .sort((a, b) => b.digest.summary.errors - a.digest.summary.errors)
    .map((s) => [
      s.record.organisation,
      num(s.digest.summary.errors),
      num(s.digest.summary.warnings),
      s.digest.firstErrors.slice(0, 3).join("\n"),
    ]);
  const unreadable = records
    .filter((r) => r.state.kind !== "copy" && (!r.digest || !stateHasFigures(r.state)))
    .map((r) => [r.organisation || r.link, stateText(r.state)]);
  const copies = records
    .filter((r) => r.state.kind === "copy")
    .map((r) => [r.organisation || r.link, stateText(r.state)]);
  return [
    { type: "pageBreak" },
    heading(1, "Приложение. Итоги проверки таблиц МИП"),
    paragraph(
      "Приложение — для работы с организациями: что нашла проверка " +
        "их таблиц. В показатели сводки значения с ошибками не вошли.",
      "justify",
    ),
    findingsTable(schools),
    paragraph(
      withErrors.length === 0
        ? "Ошибок в прочитанных таблицах нет."
        : `Ошибки остаются в таблицах ${num(withErrors.length)} ${plural(withErrors.length, SCHOOLS_GEN)}; ` +
            `до исправления их отчёты формируются как черновики.`,
      "justify",
    ),
    table(
      [
        { header: "Организация", width: 4 },
        { header: "Ошибки", width: 1, align: "center" },
        { header: "Предупреждения", width: 2, align: "center" },
        { header: "Первые ошибки", width: 8 },
      ],
      withErrors,
      { caption: "Организации, в таблицах которых остаются ошибки" },
    ),
    ...differentlyListed(records),
    ...(copies.length > 0
      ? [
          paragraph(
            "Таблицы, которые повторяют другие (те же мероприятия плана и события), в показатели не вошли:",
            "justify",
          ),
          table(
            [
              { header: "Организация", width: 5 },
              { header: "Состояние", width: 5 },
            ],
            copies,
          ),
        ]
      : []),
    ...(unreadable.length > 0
      ? [
          paragraph("Таблицы, которые не удалось прочитать:", "justify"),
          table(
            [
              { header: "Организация", width: 5 },
              { header: "Состояние", width: 5 },
            ],
            unreadable,
          ),
        ]
      : []),
  ];
}

function signature(signer: Signer | null | undefined): Block[] {
  if (!signer) return [];
  return [
    {
      type: "signature",
      left: signer.position || SIGNATURE_BLANK,
      name: signer.name ? unbreakable(initials(signer.name)) : "",
    },
  ];
}

/**
 * The numbered parts numbered in order through the whole document: a part left out leaves no
 * gap, and the second period's parts go on from the first's («8. Выполнение планов»), never
 * restart at «2.».
 */
function numberOn(blocks: readonly Block[]): Block[] {
  let n = 0;
  return blocks.map((b) => {
    if (b.type !== "heading" || b.level !== 1 || !/^\d+\.\s/u.test(b.text)) return b;
    n++;
    return { ...b, text: b.text.replace(/^\d+\./u, `${n}.`) };
  });
}

/** The body sections for one period's schools (numbers from their own totals only). */
function periodSections(group: PeriodGroup, several: boolean): Block[] {
  const totals = committeeTotals(group.schools.map((s) => s.record));
  return [
    ...(several ? [heading(1, `Отчётный период: ${periodWords(group.label)}`)] : []),
    ...participantsLine(group.schools),
    ...planSection(group.schools, totals),
    ...deviationsSection(group.schools, totals),
    ...mentoringSection(group.schools, totals),
    ...participantsSection(group.schools, totals),
    ...disseminationSection(totals),
    ...problemsSection(group.schools),
  ];
}

export function buildSummaryDoc(all: readonly SchoolRecord[], options: SummaryDocOptions): DocModel {
  // A workbook that repeats another is named, not counted twice (copies.ts).
  const records = markCopies(all);
  const schools = readSchools(records);
  const totals = committeeTotals(records);
  const groups = periodGroups(schools);
  const single = groups.length === 1 ? groups[0]! : null;
  const blocks: Block[] = [
    {
      type: "title",
      lines: [
        "СВОДКА ПО МИП",
        `о деятельности муниципальных инновационных ` +
          `площадок${single && single.label ? ` за ${periodWords(single.label)}` : ""}`,
      ],
    },
    ...introSection(records, schools, totals, options.date, groups),
    // A period without data has no parts: nothing is printed as an empty «—» table.
    ...groups.flatMap((g) => periodSections(g, groups.length > 1)),
    ...signature(options.signer),
    ...appendix(records, schools),
  ];
  return {
    title: `${SUMMARY_DOC_NAME} — ${formatRuDate(options.date)}`,
    orientation: "portrait",
    draft: false,
    blocks: settlePageBreaks(fitTables(typography(numberOn(blocks)), "portrait"), "portrait"),
  };
}
